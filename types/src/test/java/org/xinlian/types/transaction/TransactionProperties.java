package org.xinlian.types.transaction;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.xinlian.common.DecodingException;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.crypto.PublicKey;
import org.xinlian.crypto.Signature;

/**
 * Decoders of both suites accept only canonical envelopes and fail with DecodingException alone
 * (docs/spec/types.md TYPES-4, TYPES-10). Signatures here are arbitrary scalars: decoding does
 * not verify them, so no signing is needed to exercise the envelope.
 */
class TransactionProperties {
  private static final CryptoSuite STANDARD = CryptoSuites.standard();
  private static final CryptoSuite GM = CryptoSuites.gm();
  private static final PublicKey GM_KEY = TransactionFixtures.key(GM, 9).publicKey();

  @Provide
  Arbitrary<Transaction> standardTransactions() {
    return TransactionFixtures.unsignedTransactions()
        .flatMap(unsigned -> scalar().tuple2().flatMap(rs -> Arbitraries.integers().between(0, 1)
            .map(recoveryId -> unsigned.withSignature(
                Signature.recoverable(rs.get1(), rs.get2(), recoveryId)))));
  }

  @Provide
  Arbitrary<Transaction> gmTransactions() {
    return TransactionFixtures.unsignedTransactions()
        .filter(unsigned -> unsigned.signedChainId().isPresent())
        .flatMap(unsigned -> scalar().tuple2().map(rs -> unsigned.withSignature(
            Signature.withSignerKey(rs.get1(), rs.get2(), GM_KEY))));
  }

  private static Arbitrary<BigInteger> scalar() {
    return Arbitraries.bigIntegers().between(BigInteger.ONE, TransactionFixtures.UINT256_MAX);
  }

  @Property(tries = 300)
  void standardEnvelopesRoundTrip(@ForAll("standardTransactions") Transaction transaction) {
    TransactionCodec codec = TransactionCodec.of(STANDARD);
    byte[] envelope = codec.encode(transaction);
    assertEquals(transaction, codec.decode(envelope));
  }

  @Property(tries = 300)
  void gmEnvelopesRoundTrip(@ForAll("gmTransactions") Transaction transaction) {
    TransactionCodec codec = TransactionCodec.of(GM);
    byte[] envelope = codec.encode(transaction);
    assertEquals(transaction, codec.decode(envelope));
  }

  @Property(tries = 2000)
  void randomBytesFailCleanly(@ForAll @Size(max = 300) byte[] input) {
    checkStrict(STANDARD, input);
    checkStrict(GM, input);
  }

  @Property(tries = 2000)
  void mutatedStandardEnvelopesFailCleanlyOrAreCanonical(
      @ForAll("standardTransactions") Transaction transaction,
      @ForAll @IntRange(min = 0, max = 3) int mutation,
      @ForAll @IntRange(min = 0, max = 100_000) int where,
      @ForAll byte value) {
    byte[] envelope = TransactionCodec.of(STANDARD).encode(transaction);
    checkStrict(STANDARD, mutate(envelope, mutation, where, value));
    checkStrict(GM, mutate(envelope, mutation, where, value));
  }

  @Property(tries = 1000)
  void mutatedGmEnvelopesFailCleanlyOrAreCanonical(
      @ForAll("gmTransactions") Transaction transaction,
      @ForAll @IntRange(min = 0, max = 3) int mutation,
      @ForAll @IntRange(min = 0, max = 100_000) int where,
      @ForAll byte value) {
    byte[] envelope = TransactionCodec.of(GM).encode(transaction);
    checkStrict(GM, mutate(envelope, mutation, where, value));
    checkStrict(STANDARD, mutate(envelope, mutation, where, value));
  }

  static byte[] mutate(byte[] encoded, int mutation, int where, byte value) {
    int index = where % encoded.length;
    return switch (mutation) {
      case 0 -> {
        byte[] copy = encoded.clone();
        copy[index] = value;
        yield copy;
      }
      case 1 -> Arrays.copyOf(encoded, index);
      case 2 -> {
        byte[] copy = Arrays.copyOf(encoded, encoded.length + 1);
        System.arraycopy(encoded, index, copy, index + 1, encoded.length - index);
        copy[index] = value;
        yield copy;
      }
      default -> {
        byte[] copy = new byte[encoded.length - 1];
        System.arraycopy(encoded, 0, copy, 0, index);
        System.arraycopy(encoded, index + 1, copy, index, encoded.length - index - 1);
        yield copy;
      }
    };
  }

  /** Either a DecodingException, or a transaction that re-encodes to exactly the input. */
  private static void checkStrict(CryptoSuite suite, byte[] input) {
    TransactionCodec codec = TransactionCodec.of(suite);
    Transaction decoded;
    try {
      decoded = codec.decode(input);
    } catch (DecodingException expected) {
      return;
    }
    assertArrayEquals(input, codec.encode(decoded));
  }
}

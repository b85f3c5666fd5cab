package org.xinlian.execution.governance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.xinlian.common.Address;
import org.xinlian.common.DecodingException;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.crypto.KeyPair;
import org.xinlian.crypto.Signature;

/**
 * EXECUTION-10: the update's decoder round-trips what {@link ValidatorSetUpdate#encode} writes
 * for valid updates, and rejects any other input with a {@link DecodingException} only (never an
 * index, arithmetic or null failure).
 */
class ValidatorSetUpdateProperties {
  private static final CryptoSuite SUITE = CryptoSuites.standard();
  private static final KeyPair SIGNER = SUITE.keyPairFromPrivateKey(key(7));

  private static byte[] key(int last) {
    byte[] scalar = new byte[32];
    scalar[0] = 0x22;
    scalar[31] = (byte) last;
    return scalar;
  }

  private static ValidatorSetUpdate valid(int validators, long epoch, long activation) {
    List<Address> addresses = new ArrayList<>();
    for (int i = 1; i <= validators; i++) {
      byte[] bytes = new byte[Address.LENGTH];
      bytes[0] = (byte) (i >> 8);
      bytes[1] = (byte) i;
      addresses.add(Address.wrap(bytes));
    }
    Signature signature = SUITE.sign(SIGNER.privateKey(), new byte[32]);
    return new ValidatorSetUpdate(new ValidatorEpoch(epoch, activation, addresses), List.of(signature, signature));
  }

  @Property(tries = 200)
  void validUpdatesRoundTrip(@ForAll @IntRange(min = 1, max = 300) int validators,
      @ForAll @IntRange(min = 1, max = Integer.MAX_VALUE) int epoch,
      @ForAll @IntRange(min = 1, max = Integer.MAX_VALUE) int activation) {
    ValidatorSetUpdate update = valid(validators, epoch, activation);
    byte[] encoded = update.encode(SUITE);
    ValidatorSetUpdate decoded = ValidatorSetUpdate.decode(encoded, SUITE);
    assertEquals(update.epoch(), decoded.epoch());
    assertArrayEquals(encoded, decoded.encode(SUITE));
  }

  @Property(tries = 1000)
  void randomBytesFailOnlyWithDecodingException(@ForAll @Size(max = 300) byte[] data) {
    decodeOrDecodingException(data);
  }

  /** A valid update with one byte changed, or cut short: the decoder's edge cases. */
  @Property(tries = 1000)
  void damagedUpdatesFailOnlyWithDecodingException(@ForAll @IntRange(min = 1, max = 5) int validators,
      @ForAll @IntRange(min = 0, max = 10_000) int position, @ForAll byte value, @ForAll boolean truncate) {
    byte[] encoded = valid(validators, 3, 9).encode(SUITE);
    int at = position % encoded.length;
    byte[] damaged;
    if (truncate) {
      damaged = Arrays.copyOf(encoded, at);
    } else {
      damaged = encoded.clone();
      damaged[at] = value;
    }
    decodeOrDecodingException(damaged);
  }

  private static void decodeOrDecodingException(byte[] data) {
    try {
      ValidatorSetUpdate.decode(data, SUITE);
    } catch (DecodingException expected) {
      // The only failure a decoder may report.
    }
  }
}

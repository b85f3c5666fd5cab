package org.xinlian.types.rlp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.xinlian.common.DecodingException;

/** Property tests for docs/spec/types.md TYPES-1 to TYPES-4. */
class RlpProperties {
  @Provide
  Arbitrary<RlpItem> trees() {
    Arbitrary<RlpItem> strings =
        Arbitraries.bytes().array(byte[].class).ofMaxSize(80).map(RlpString::new);
    return Arbitraries.recursive(
        () -> strings,
        inner -> inner.list().ofMaxSize(6).map(RlpList::new),
        0,
        4);
  }

  @Provide
  Arbitrary<BigInteger> uint256() {
    return Arbitraries.bigIntegers()
        .between(BigInteger.ZERO, BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE));
  }

  /** TYPES-1: encode then decode gives the same tree. */
  @Property(tries = 500)
  void encodeThenDecodeRoundTrips(@ForAll("trees") RlpItem tree) {
    byte[] encoded = Rlp.encode(tree);
    assertEquals(tree, Rlp.decode(encoded, "tree"));
  }

  /**
   * TYPES-2/TYPES-4: arbitrary bytes either decode, and then re-encode to exactly the same bytes
   * (every accepted input is canonical), or fail with DecodingException only.
   */
  @Property(tries = 3000)
  void randomBytesDecodeCanonicallyOrFailCleanly(@ForAll @Size(max = 200) byte[] input) {
    checkStrict(input);
  }

  /** TYPES-2/TYPES-4: small mutations of valid encodings are caught or still canonical. */
  @Property(tries = 3000)
  void mutatedEncodingsDecodeCanonicallyOrFailCleanly(
      @ForAll("trees") RlpItem tree,
      @ForAll @IntRange(min = 0, max = 3) int mutation,
      @ForAll @IntRange(min = 0, max = 10_000) int where,
      @ForAll byte value) {
    byte[] encoded = Rlp.encode(tree);
    int index = where % encoded.length;
    byte[] mutated =
        switch (mutation) {
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
    checkStrict(mutated);
  }

  /** TYPES-1/TYPES-3: unsigned 64-bit scalars round-trip through the writer and reader. */
  @Property(tries = 1000)
  void unsignedLongScalarsRoundTrip(@ForAll long value) {
    byte[] encoded = Rlp.encodeUnsignedLong(value);
    RlpReader reader = RlpReader.of(encoded, "value");
    assertEquals(value, reader.readUnsignedLong("value"));
    assertEquals(
        new BigInteger(Long.toUnsignedString(value)),
        RlpReader.of(encoded, "value").readBigInteger("value", 8));
    assertArrayEquals(encoded, Rlp.encodeBigInteger(new BigInteger(Long.toUnsignedString(value))));
  }

  /** TYPES-1/TYPES-3: 256-bit scalars round-trip and are minimal. */
  @Property(tries = 1000)
  void bigIntegerScalarsRoundTrip(@ForAll("uint256") BigInteger value) {
    byte[] encoded = Rlp.encodeBigInteger(value);
    assertEquals(value, RlpReader.of(encoded, "value").readBigInteger("value", 32));
    byte[] payload = ((RlpString) Rlp.decode(encoded, "value")).bytes();
    assertEquals((value.bitLength() + 7) / 8, payload.length);
  }

  /** TYPES-3: a scalar with a leading zero byte is rejected as a scalar (it is a valid string). */
  @Property(tries = 200)
  void scalarsWithLeadingZeroAreRejected(@ForAll @Size(min = 0, max = 7) byte[] rest) {
    byte[] payload = new byte[rest.length + 1];
    System.arraycopy(rest, 0, payload, 1, rest.length);
    byte[] encoded = Rlp.encodeBytes(payload);
    DecodingException error =
        assertThrows(
            DecodingException.class,
            () -> RlpReader.of(encoded, "x").readUnsignedLong("transaction.nonce"));
    assertEquals("transaction.nonce", error.field());
    assertThrows(
        DecodingException.class, () -> RlpReader.of(encoded, "x").readBigInteger("value", 32));
  }

  private static void checkStrict(byte[] input) {
    RlpItem decoded;
    try {
      decoded = Rlp.decode(input, "input");
    } catch (DecodingException expected) {
      return;
    }
    assertArrayEquals(input, Rlp.encode(decoded));
  }

  /** {@code depth} lists nested inside each other. */
  static RlpItem nested(int depth) {
    RlpItem item = new RlpList(List.of());
    for (int i = 1; i < depth; i++) {
      item = new RlpList(List.of(item));
    }
    return item;
  }
}

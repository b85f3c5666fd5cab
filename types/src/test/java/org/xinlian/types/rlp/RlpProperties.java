package org.xinlian.types.rlp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.xinlian.common.DecodingException;
import org.xinlian.common.Hex;

/** TYPES-1, TYPES-2: round trips, and garbage gives only {@link DecodingException}. */
class RlpProperties {
  @Property
  void itemsRoundTrip(@ForAll("items") RlpItem item) {
    byte[] encoded = Rlp.encode(item);
    assertArrayEquals(encoded, Rlp.encode(Rlp.decode("rlp", encoded)));
  }

  @Property
  void unsignedScalarsRoundTrip(@ForAll long value, @ForAll @Size(max = 32) byte[] big) {
    RlpReader reader = RlpReader.of("rlp", Rlp.encodeUnsigned(value));
    assertEquals(value, reader.readUnsignedLong("value"));
    BigInteger bigValue = new BigInteger(1, big);
    assertEquals(
        bigValue,
        RlpReader.of("rlp", Rlp.encodeUnsigned(bigValue)).readUnsignedBigInteger("value", 32));
  }

  @Property
  void randomBytesOnlyEverGiveDecodingException(@ForAll @Size(max = 300) byte[] garbage) {
    decodeQuietly(garbage);
  }

  @Property
  void mutatedEncodingsOnlyEverGiveDecodingException(
      @ForAll("items") RlpItem item,
      @ForAll @IntRange(min = 0, max = 10_000) int where,
      @ForAll byte replacement,
      @ForAll boolean truncate) {
    byte[] encoded = Rlp.encode(item);
    int index = where % encoded.length;
    byte[] mutated =
        truncate ? java.util.Arrays.copyOf(encoded, index) : encoded.clone();
    if (!truncate) {
      mutated[index] = replacement;
    }
    decodeQuietly(mutated);
  }

  @Test
  void scalarsRejectLeadingZerosAndOversize() {
    DecodingException zeros =
        assertThrows(
            DecodingException.class,
            () -> RlpReader.of("tx", Hex.decode("0x820001")).readUnsignedLong("transaction.nonce"));
    assertEquals("transaction.nonce: scalar has leading zero bytes", zeros.getMessage());
    assertThrows(
        DecodingException.class,
        () -> RlpReader.of("tx", Hex.decode("0x89010000000000000000")).readUnsignedLong("nonce"));
  }

  @Test
  void nestingIsBounded() {
    byte[] item = Rlp.encodeList();
    for (int i = 0; i < Rlp.NESTING_DEPTH_MAX + 1; i++) {
      item = Rlp.encodeList(item);
    }
    byte[] deep = item;
    DecodingException error =
        assertThrows(DecodingException.class, () -> Rlp.decode("rlp", deep));
    assertTrue(error.getMessage().contains("nested deeper"), error.getMessage());
  }

  @Test
  void inputSizeIsBounded() {
    DecodingException error =
        assertThrows(
            DecodingException.class, () -> RlpReader.of("block", new byte[100], 99));
    assertEquals("block: input of 100 bytes exceeds the limit of 99", error.getMessage());
  }

  private static void decodeQuietly(byte[] input) {
    try {
      Rlp.decode("rlp", input);
    } catch (DecodingException expected) {
      assertTrue(expected.getMessage().startsWith("rlp"), expected.getMessage());
    }
  }

  @Provide
  Arbitrary<RlpItem> items() {
    Arbitrary<RlpItem> leaves =
        Arbitraries.bytes().array(byte[].class).ofMaxSize(80).map(RlpItem.Bytes::new);
    return Arbitraries.recursive(
        () -> leaves,
        inner -> inner.list().ofMaxSize(4).map(list -> (RlpItem) new RlpItem.ListItem(list)),
        0,
        4);
  }
}

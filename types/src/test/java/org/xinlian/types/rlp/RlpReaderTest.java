package org.xinlian.types.rlp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xinlian.common.DecodingException;
import org.xinlian.common.Hex;

/** Strictness and limits of the reader (docs/spec/types.md TYPES-2 to TYPES-4). */
class RlpReaderTest {
  /** TYPES-4: exactly {@link Rlp#RLP_NESTING_DEPTH_MAX} nested lists decode; one more does not. */
  @Test
  void nestingDepthIsLimited() {
    RlpItem deepest = RlpProperties.nested(Rlp.RLP_NESTING_DEPTH_MAX);
    assertEquals(deepest, Rlp.decode(Rlp.encode(deepest), "deep"));
    RlpItem tooDeep = RlpProperties.nested(Rlp.RLP_NESTING_DEPTH_MAX + 1);
    DecodingException error =
        assertThrows(DecodingException.class, () -> Rlp.decode(Rlp.encode(tooDeep), "deep"));
    assertTrue(error.getMessage().contains("nested deeper"), error.getMessage());
  }

  /** TYPES-4: inputs above the global cap are rejected before parsing. */
  @Test
  void oversizedInputIsRejected() {
    byte[] huge = new byte[Rlp.RLP_INPUT_BYTES_MAX + 1];
    DecodingException error =
        assertThrows(DecodingException.class, () -> Rlp.decode(huge, "block"));
    assertEquals("block", error.field());
  }

  /** TYPES-2: lengths that cannot fit in the input or in an int. */
  @Test
  void lengthsBeyondInputOrIntAreRejected() {
    for (String hex : List.of("bb7fffffff00", "bc80000000", "bbffffffff", "b8", "b9ff", "f90100")) {
      assertThrows(DecodingException.class, () -> Rlp.decode(Hex.decode(hex), "x"), hex);
    }
  }

  /** TYPES-2: a list whose items overrun the list's own payload is rejected. */
  @Test
  void itemOverrunningItsListIsRejected() {
    // c2 declares a 2-byte payload, but 82 inside claims 2 bytes more than the list holds.
    assertThrows(DecodingException.class, () -> Rlp.decode(Hex.decode("c2820102"), "x"));
  }

  /** TYPES-3: the reader names the field and the cause. */
  @Test
  void errorsNameTheField() {
    RlpReader list = RlpReader.ofList(Hex.decode("c3820001"), "transaction");
    DecodingException error =
        assertThrows(DecodingException.class, () -> list.readUnsignedLong("transaction.nonce"));
    assertEquals("transaction.nonce", error.field());
    assertTrue(error.getMessage().contains("leading zero"), error.getMessage());
  }

  /** TYPES-3: a single 0x00 byte is a valid string but not a canonical scalar (zero is 0x80). */
  @Test
  void zeroByteIsNotACanonicalScalar() {
    assertArrayEquals(new byte[] {0}, RlpReader.of(new byte[] {0}, "x").readBytes("x"));
    assertThrows(
        DecodingException.class, () -> RlpReader.of(new byte[] {0}, "x").readUnsignedLong("x"));
    assertEquals(0L, RlpReader.of(new byte[] {(byte) 0x80}, "x").readUnsignedLong("x"));
  }

  /** TYPES-3: scalars above the field's width are rejected. */
  @Test
  void scalarWidthIsEnforced() {
    byte[] nineBytes = Rlp.encodeBigInteger(BigInteger.ONE.shiftLeft(64));
    assertThrows(
        DecodingException.class, () -> RlpReader.of(nineBytes, "x").readUnsignedLong("nonce"));
    byte[] max64 = Rlp.encodeBigInteger(BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE));
    assertEquals(-1L, RlpReader.of(max64, "x").readUnsignedLong("nonce"));
    assertThrows(DecodingException.class, () -> RlpReader.of(max64, "x").readLong("number"));
    byte[] bytes33 = Rlp.encodeBigInteger(BigInteger.ONE.shiftLeft(256));
    assertThrows(
        DecodingException.class, () -> RlpReader.of(bytes33, "x").readBigInteger("value", 32));
  }

  /** TYPES-2: extra items in a list and trailing bytes after the top item are rejected. */
  @Test
  void extraItemsAndTrailingBytesAreRejected() {
    RlpReader list = RlpReader.ofList(Hex.decode("c20102"), "pair");
    list.readUnsignedLong("pair.first");
    assertThrows(DecodingException.class, () -> list.requireEnd("pair"));
    assertThrows(DecodingException.class, () -> RlpReader.ofList(Hex.decode("c0c0"), "x"));
    assertThrows(DecodingException.class, () -> RlpReader.ofList(new byte[0], "x"));
  }

  /** The writer's list headers, including the long form, match the yellow paper's rule. */
  @Test
  void writerProducesLongListHeaders() {
    // From the yellow paper (appendix B): a 56-byte payload takes 0xf8 0x38; 55 bytes take 0xf7.
    RlpWriter writer = new RlpWriter(1).startList();
    for (int i = 0; i < 56; i++) {
      writer.writeUnsignedLong(1);
    }
    byte[] encoded = writer.endList().toByteArray();
    assertEquals(0xf8, encoded[0] & 0xff);
    assertEquals(56, encoded[1] & 0xff);
    assertEquals(58, encoded.length);
  }
}

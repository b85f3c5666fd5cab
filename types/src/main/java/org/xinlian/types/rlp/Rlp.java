package org.xinlian.types.rlp;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.List;

/**
 * Recursive Length Prefix encoding, Ethereum's canonical serialisation (yellow paper, appendix B).
 * Encoding always produces the one canonical form; {@link RlpReader} accepts only that form, so
 * that every value has exactly one encoding and therefore one hash.
 */
public final class Rlp {
  /** The largest input any decoder accepts; blocks and transactions have tighter limits of their own. */
  public static final int RLP_INPUT_BYTES_MAX = 32 * 1024 * 1024;

  /** Deepest list nesting accepted; Ethereum structures nest at most a few levels. */
  public static final int NESTING_DEPTH_MAX = 64;

  static final int SHORT_STRING_OFFSET = 0x80;
  static final int LONG_STRING_OFFSET = 0xb7;
  static final int SHORT_LIST_OFFSET = 0xc0;
  static final int LONG_LIST_OFFSET = 0xf7;
  static final int SHORT_LENGTH_MAX = 55;

  private static final byte[] EMPTY_STRING = {(byte) SHORT_STRING_OFFSET};

  private Rlp() {}

  /** The encoding of a byte string. */
  public static byte[] encodeBytes(byte[] value) {
    if (value.length == 1 && (value[0] & 0xff) < SHORT_STRING_OFFSET) {
      return new byte[] {value[0]};
    }
    byte[] out = new byte[headerLength(value.length) + value.length];
    int offset = writeHeader(out, 0, value.length, SHORT_STRING_OFFSET, LONG_STRING_OFFSET);
    System.arraycopy(value, 0, out, offset, value.length);
    return out;
  }

  /** The encoding of an unsigned integer: big-endian without leading zeros; zero is the empty string. */
  public static byte[] encodeUnsigned(long value) {
    if (value == 0) {
      return EMPTY_STRING.clone();
    }
    int length = 8 - Long.numberOfLeadingZeros(value) / 8;
    byte[] bytes = new byte[length];
    for (int i = length - 1; i >= 0; i--) {
      bytes[i] = (byte) value;
      value >>>= 8;
    }
    return encodeBytes(bytes);
  }

  /** As {@link #encodeUnsigned(long)} for a non-negative big integer. */
  public static byte[] encodeUnsigned(BigInteger value) {
    if (value.signum() < 0) {
      throw new IllegalArgumentException("RLP scalars are unsigned, got " + value);
    }
    return encodeBytes(unsignedBytes(value));
  }

  /** The minimal big-endian bytes of a non-negative integer (empty for zero). */
  public static byte[] unsignedBytes(BigInteger value) {
    if (value.signum() == 0) {
      return new byte[0];
    }
    byte[] bytes = value.toByteArray();
    if (bytes[0] == 0) {
      return java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
    }
    return bytes;
  }

  /** A list whose items are already encoded. */
  public static byte[] encodeList(List<byte[]> encodedItems) {
    int payload = 0;
    for (byte[] item : encodedItems) {
      payload = Math.addExact(payload, item.length);
    }
    byte[] out = new byte[headerLength(payload) + payload];
    int offset = writeHeader(out, 0, payload, SHORT_LIST_OFFSET, LONG_LIST_OFFSET);
    for (byte[] item : encodedItems) {
      System.arraycopy(item, 0, out, offset, item.length);
      offset += item.length;
    }
    return out;
  }

  /** A list whose items are already encoded. */
  public static byte[] encodeList(byte[]... encodedItems) {
    return encodeList(List.of(encodedItems));
  }

  /** The encoding of a tree of {@link RlpItem}s. */
  public static byte[] encode(RlpItem item) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writeItem(out, item);
    return out.toByteArray();
  }

  /** Decodes exactly one item spanning all of {@code encoded}; trailing bytes are rejected. */
  public static RlpItem decode(String field, byte[] encoded) {
    RlpReader reader = RlpReader.of(field, encoded);
    RlpItem item = reader.readItem(field);
    reader.requireEnd(field);
    return item;
  }

  private static void writeItem(ByteArrayOutputStream out, RlpItem item) {
    if (item instanceof RlpItem.Bytes bytes) {
      out.writeBytes(encodeBytes(bytes.value()));
    } else {
      List<RlpItem> items = ((RlpItem.ListItem) item).items();
      ByteArrayOutputStream payload = new ByteArrayOutputStream();
      for (RlpItem child : items) {
        writeItem(payload, child);
      }
      byte[] header = new byte[headerLength(payload.size())];
      writeHeader(header, 0, payload.size(), SHORT_LIST_OFFSET, LONG_LIST_OFFSET);
      out.writeBytes(header);
      out.writeBytes(payload.toByteArray());
    }
  }

  static int headerLength(int payloadLength) {
    return payloadLength <= SHORT_LENGTH_MAX ? 1 : 1 + bytesNeeded(payloadLength);
  }

  private static int writeHeader(byte[] out, int offset, int length, int shortBase, int longBase) {
    if (length <= SHORT_LENGTH_MAX) {
      out[offset] = (byte) (shortBase + length);
      return offset + 1;
    }
    int lengthOfLength = bytesNeeded(length);
    out[offset] = (byte) (longBase + lengthOfLength);
    for (int i = lengthOfLength; i >= 1; i--) {
      out[offset + i] = (byte) length;
      length >>>= 8;
    }
    return offset + 1 + lengthOfLength;
  }

  private static int bytesNeeded(int value) {
    return 4 - Integer.numberOfLeadingZeros(value) / 8;
  }
}

package org.xinlian.types.rlp;

import java.math.BigInteger;
import java.util.Arrays;
import org.xinlian.common.Address;
import org.xinlian.common.DecodingException;
import org.xinlian.common.Hash;

/**
 * A strict cursor over a sequence of RLP items inside a byte array. Reading a list returns a new
 * cursor over the list's payload, so nested structures are walked in place without copying; only
 * the values finally read (byte strings, scalars) are materialised.
 *
 * <p>Every method names the field it is reading in the {@link DecodingException} it throws, so a
 * caller reports, for example, {@code transaction.accessList[1].storageKeys[0]: expected 32 bytes
 * but got 31}. Nothing else escapes: bounds are checked before any array access.
 */
public final class RlpReader {
  private static final int SCALAR_LONG_BYTES_MAX = 8;

  private final byte[] input;
  private final int end;
  private final int depth;
  private int position;
  private int payloadOffset;
  private int payloadLength;

  private RlpReader(byte[] input, int offset, int end, int depth) {
    this.input = input;
    this.position = offset;
    this.end = end;
    this.depth = depth;
  }

  /** A cursor over all of {@code input}, which must not exceed {@link Rlp#RLP_INPUT_BYTES_MAX}. */
  public static RlpReader of(byte[] input, String field) {
    return of(input, 0, input == null ? 0 : input.length, field);
  }

  /** A cursor over {@code input[offset, offset + length)}; the slice is not copied. */
  public static RlpReader of(byte[] input, int offset, int length, String field) {
    if (input == null) {
      throw new DecodingException(field, "missing input");
    }
    if (offset < 0 || length < 0 || offset > input.length - length) {
      throw new DecodingException(field, "slice [" + offset + ", +" + length + ") outside input");
    }
    if (length > Rlp.RLP_INPUT_BYTES_MAX) {
      throw new DecodingException(
          field, length + " bytes exceed the RLP input limit of " + Rlp.RLP_INPUT_BYTES_MAX);
    }
    if (length == 0) {
      throw new DecodingException(field, "empty input");
    }
    return new RlpReader(input, offset, offset + length, 0);
  }

  /**
   * The items of the one list that spans the slice exactly: the usual entry point of a typed
   * decoder. Trailing bytes after the list are rejected.
   */
  public static RlpReader ofList(byte[] input, int offset, int length, String field) {
    RlpReader outer = of(input, offset, length, field);
    RlpReader list = outer.readList(field);
    outer.requireEnd(field);
    return list;
  }

  /** As {@link #ofList(byte[], int, int, String)} over the whole array. */
  public static RlpReader ofList(byte[] input, String field) {
    return ofList(input, 0, input == null ? 0 : input.length, field);
  }

  /** True while items remain in this sequence. */
  public boolean hasNext() {
    return position < end;
  }

  /** Offset in the underlying array of the next item; lets a caller slice raw encodings. */
  public int position() {
    return position;
  }

  /** Whether the next item is a list (without consuming it). */
  public boolean nextIsList(String field) {
    requireItem(field);
    return (input[position] & 0xff) >= 0xc0;
  }

  /** Reads a list and returns a cursor over its items. */
  public RlpReader readList(String field) {
    if (!next(field)) {
      throw new DecodingException(field, "expected a list but found a byte string");
    }
    if (depth + 1 > Rlp.RLP_NESTING_DEPTH_MAX) {
      throw new DecodingException(
          field, "lists nested deeper than " + Rlp.RLP_NESTING_DEPTH_MAX);
    }
    return new RlpReader(input, payloadOffset, payloadOffset + payloadLength, depth + 1);
  }

  /** Reads a byte string of any length (a copy). */
  public byte[] readBytes(String field) {
    readString(field);
    return Arrays.copyOfRange(input, payloadOffset, payloadOffset + payloadLength);
  }

  /** Reads a byte string of exactly {@code length} bytes. */
  public byte[] readBytes(String field, int length) {
    readString(field);
    if (payloadLength != length) {
      throw new DecodingException(
          field, "expected " + length + " bytes but got " + payloadLength);
    }
    return Arrays.copyOfRange(input, payloadOffset, payloadOffset + payloadLength);
  }

  /** Reads a byte string of at most {@code lengthMax} bytes. */
  public byte[] readBytesAtMost(String field, int lengthMax) {
    readString(field);
    if (payloadLength > lengthMax) {
      throw new DecodingException(
          field, payloadLength + " bytes exceed the limit of " + lengthMax);
    }
    return Arrays.copyOfRange(input, payloadOffset, payloadOffset + payloadLength);
  }

  /** Reads a 20-byte address. */
  public Address readAddress(String field) {
    return Address.wrap(readBytes(field, Address.LENGTH));
  }

  /** Reads a 32-byte hash. */
  public Hash readHash(String field) {
    return Hash.wrap(readBytes(field, Hash.LENGTH));
  }

  /**
   * Reads a canonical unsigned scalar of at most 8 bytes; the result holds the 64 bits, to be
   * read with {@link Long#compareUnsigned} and friends.
   */
  public long readUnsignedLong(String field) {
    readScalar(field, SCALAR_LONG_BYTES_MAX);
    long value = 0;
    for (int i = 0; i < payloadLength; i++) {
      value = (value << 8) | (input[payloadOffset + i] & 0xff);
    }
    return value;
  }

  /** Reads a canonical scalar that must fit in a signed long ({@code <= 2^63 - 1}). */
  public long readLong(String field) {
    long value = readUnsignedLong(field);
    if (value < 0) {
      throw new DecodingException(field, "value exceeds 2^63-1");
    }
    return value;
  }

  /** Reads a canonical unsigned scalar of at most {@code bytesMax} bytes. */
  public BigInteger readBigInteger(String field, int bytesMax) {
    readScalar(field, bytesMax);
    if (payloadLength == 0) {
      return BigInteger.ZERO;
    }
    return new BigInteger(1, input, payloadOffset, payloadLength);
  }

  /** Reads any item and returns its complete encoding (header included), copied. */
  public byte[] readEncoded(String field) {
    int start = position;
    next(field);
    return Arrays.copyOfRange(input, start, position);
  }

  /** Rejects any item left in this sequence: a list with too many fields, or trailing bytes. */
  public void requireEnd(String field) {
    if (position < end) {
      throw new DecodingException(
          field,
          depth == 0
              ? (end - position) + " trailing byte(s) after the item"
              : "unexpected extra item(s) in the list (" + (end - position) + " byte(s))");
    }
  }

  private void readScalar(String field, int bytesMax) {
    readString(field);
    if (payloadLength > bytesMax) {
      throw new DecodingException(
          field, "scalar of " + payloadLength + " bytes exceeds the limit of " + bytesMax);
    }
    if (payloadLength > 0 && input[payloadOffset] == 0) {
      throw new DecodingException(field, "non-canonical scalar: leading zero byte");
    }
  }

  private void readString(String field) {
    if (next(field)) {
      throw new DecodingException(field, "expected a byte string but found a list");
    }
  }

  private void requireItem(String field) {
    if (position >= end) {
      throw new DecodingException(
          field, depth == 0 ? "missing item: end of input" : "missing item: end of list");
    }
  }

  /**
   * Parses the header at the cursor, checks the item lies inside this sequence and is canonical,
   * records its payload and moves past it. Returns true for a list.
   */
  private boolean next(String field) {
    requireItem(field);
    int prefix = input[position] & 0xff;
    if (prefix < 0x80) {
      payloadOffset = position;
      payloadLength = 1;
      position++;
      return false;
    }
    boolean list = prefix >= 0xc0;
    int shortBase = list ? 0xc0 : 0x80;
    int headerLength;
    long length;
    if (prefix - shortBase <= 55) {
      headerLength = 1;
      length = prefix - shortBase;
    } else {
      int lengthOfLength = prefix - shortBase - 55;
      headerLength = 1 + lengthOfLength;
      length = readLongLength(field, lengthOfLength);
    }
    long available = (long) end - position - headerLength;
    if (length > available) {
      throw new DecodingException(
          field,
          "truncated: "
              + (list ? "list" : "string")
              + " declares "
              + length
              + " bytes but only "
              + available
              + " remain");
    }
    payloadOffset = position + headerLength;
    payloadLength = (int) length;
    if (!list && headerLength == 1 && length == 1 && (input[payloadOffset] & 0xff) < 0x80) {
      throw new DecodingException(
          field, "non-canonical: a single byte below 0x80 must be encoded as itself");
    }
    position = payloadOffset + payloadLength;
    return list;
  }

  private long readLongLength(String field, int lengthOfLength) {
    if (lengthOfLength > end - position - 1) {
      throw new DecodingException(field, "truncated: length prefix runs past the end");
    }
    if (input[position + 1] == 0) {
      throw new DecodingException(field, "non-canonical: length with a leading zero byte");
    }
    if (lengthOfLength > 4) {
      throw new DecodingException(field, "length of " + lengthOfLength + " bytes overflows int");
    }
    long length = 0;
    for (int i = 1; i <= lengthOfLength; i++) {
      length = (length << 8) | (input[position + i] & 0xff);
    }
    if (length > Integer.MAX_VALUE) {
      throw new DecodingException(field, "length " + length + " overflows int");
    }
    if (length < 56) {
      throw new DecodingException(
          field, "non-canonical: long form used for a length of " + length + " (below 56)");
    }
    return length;
  }
}

package org.xinlian.types.rlp;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.xinlian.common.DecodingException;

/**
 * A strict, non-copying reader over an RLP-encoded slice. Every read names the field it reads, and
 * every problem (truncation, trailing bytes, non-canonical lengths or scalars, excess nesting) is a
 * {@link DecodingException} naming that field: no other exception leaves this class.
 */
public final class RlpReader {
  private final byte[] data;
  private final int end;
  private final int depth;
  private int position;

  private RlpReader(byte[] data, int start, int end, int depth) {
    this.data = data;
    this.position = start;
    this.end = end;
    this.depth = depth;
  }

  /** A reader over all of {@code encoded}, refusing input above {@link Rlp#RLP_INPUT_BYTES_MAX}. */
  public static RlpReader of(String field, byte[] encoded) {
    return of(field, encoded, Rlp.RLP_INPUT_BYTES_MAX);
  }

  /** A reader over all of {@code encoded}, refusing input above {@code inputBytesMax}. */
  public static RlpReader of(String field, byte[] encoded, int inputBytesMax) {
    if (encoded == null) {
      throw new DecodingException(field, "missing input");
    }
    if (encoded.length > inputBytesMax) {
      throw new DecodingException(
          field, "input of " + encoded.length + " bytes exceeds the limit of " + inputBytesMax);
    }
    return new RlpReader(encoded, 0, encoded.length, 0);
  }

  /** A reader over {@code data[offset, offset + length)}, for callers that split input themselves. */
  public static RlpReader of(String field, byte[] data, int offset, int length) {
    if (offset < 0 || length < 0 || offset > data.length - length) {
      throw new DecodingException(field, "slice outside the input");
    }
    if (length > Rlp.RLP_INPUT_BYTES_MAX) {
      throw new DecodingException(field, "input exceeds the limit of " + Rlp.RLP_INPUT_BYTES_MAX);
    }
    return new RlpReader(data, offset, offset + length, 0);
  }

  /** True while unread items remain in this reader's span. */
  public boolean hasNext() {
    return position < end;
  }

  /** True if the next item is a list. */
  public boolean nextIsList(String field) {
    requireMore(field);
    return (data[position] & 0xff) >= Rlp.SHORT_LIST_OFFSET;
  }

  /** Fails if anything is left unread: trailing bytes or extra list elements. */
  public void requireEnd(String field) {
    if (position != end) {
      throw new DecodingException(field, (end - position) + " unexpected trailing bytes");
    }
  }

  /** Enters a list and returns a reader over its items; this reader moves past the list. */
  public RlpReader readList(String field) {
    Header header = readHeader(field);
    if (!header.list) {
      throw new DecodingException(field, "expected a list but found a byte string");
    }
    if (depth + 1 > Rlp.NESTING_DEPTH_MAX) {
      throw new DecodingException(field, "lists nested deeper than " + Rlp.NESTING_DEPTH_MAX);
    }
    position = header.payloadEnd;
    return new RlpReader(data, header.payloadStart, header.payloadEnd, depth + 1);
  }

  /** The next byte string (a copy). */
  public byte[] readBytes(String field) {
    Header header = readString(field);
    return Arrays.copyOfRange(data, header.payloadStart, header.payloadEnd);
  }

  /** The next byte string, which must be exactly {@code length} bytes long. */
  public byte[] readBytes(String field, int length) {
    Header header = readString(field);
    int actual = header.payloadEnd - header.payloadStart;
    if (actual != length) {
      throw new DecodingException(field, "expected " + length + " bytes but got " + actual);
    }
    return Arrays.copyOfRange(data, header.payloadStart, header.payloadEnd);
  }

  /** The next byte string, at most {@code lengthMax} bytes long. */
  public byte[] readBytesAtMost(String field, int lengthMax) {
    Header header = readString(field);
    int actual = header.payloadEnd - header.payloadStart;
    if (actual > lengthMax) {
      throw new DecodingException(field, actual + " bytes exceed the limit of " + lengthMax);
    }
    return Arrays.copyOfRange(data, header.payloadStart, header.payloadEnd);
  }

  /** An unsigned scalar of at most 8 bytes (values up to 2^64 - 1, as an unsigned long). */
  public long readUnsignedLong(String field) {
    Header header = readScalar(field, 8);
    long value = 0;
    for (int i = header.payloadStart; i < header.payloadEnd; i++) {
      value = (value << 8) | (data[i] & 0xff);
    }
    return value;
  }

  /** An unsigned scalar of at most {@code bytesMax} bytes (32 for 256-bit quantities). */
  public BigInteger readUnsignedBigInteger(String field, int bytesMax) {
    Header header = readScalar(field, bytesMax);
    int length = header.payloadEnd - header.payloadStart;
    return length == 0 ? BigInteger.ZERO : new BigInteger(1, data, header.payloadStart, length);
  }

  /** The complete encoding of the next item, header included (for hashing a sub-structure). */
  public byte[] readRaw(String field) {
    int start = position;
    Header header = readHeader(field);
    position = header.payloadEnd;
    if (header.list) {
      new RlpReader(data, header.payloadStart, header.payloadEnd, depth + 1).skipAll(field);
    }
    return Arrays.copyOfRange(data, start, header.payloadEnd);
  }

  /** The next item as a tree, validating every nested item. */
  public RlpItem readItem(String field) {
    if (nextIsList(field)) {
      RlpReader list = readList(field);
      List<RlpItem> items = new ArrayList<>();
      while (list.hasNext()) {
        items.add(list.readItem(field + "[" + items.size() + "]"));
      }
      return new RlpItem.ListItem(items);
    }
    return new RlpItem.Bytes(readBytes(field));
  }

  private void skipAll(String field) {
    while (hasNext()) {
      if (nextIsList(field)) {
        readList(field).skipAll(field);
      } else {
        readString(field);
      }
    }
  }

  private Header readScalar(String field, int bytesMax) {
    Header header = readString(field);
    int length = header.payloadEnd - header.payloadStart;
    if (length > bytesMax) {
      throw new DecodingException(field, "scalar of " + length + " bytes exceeds " + bytesMax);
    }
    if (length > 0 && data[header.payloadStart] == 0) {
      throw new DecodingException(field, "scalar has leading zero bytes");
    }
    return header;
  }

  private Header readString(String field) {
    Header header = readHeader(field);
    if (header.list) {
      throw new DecodingException(field, "expected a byte string but found a list");
    }
    position = header.payloadEnd;
    return header;
  }

  private void requireMore(String field) {
    if (position >= end) {
      throw new DecodingException(field, "missing: input ended");
    }
  }

  /** Parses the header at the current position without moving past the payload. */
  private Header readHeader(String field) {
    requireMore(field);
    int prefix = data[position] & 0xff;
    if (prefix < Rlp.SHORT_STRING_OFFSET) {
      return new Header(false, position, position + 1);
    }
    if (prefix <= Rlp.LONG_STRING_OFFSET) {
      int length = prefix - Rlp.SHORT_STRING_OFFSET;
      Header header = payload(field, false, position + 1, length);
      if (length == 1 && (data[position + 1] & 0xff) < Rlp.SHORT_STRING_OFFSET) {
        throw new DecodingException(
            field, "non-canonical: single byte below 0x80 must be encoded as itself");
      }
      return header;
    }
    if (prefix < Rlp.SHORT_LIST_OFFSET) {
      return longForm(field, false, prefix - Rlp.LONG_STRING_OFFSET);
    }
    if (prefix <= Rlp.LONG_LIST_OFFSET) {
      return payload(field, true, position + 1, prefix - Rlp.SHORT_LIST_OFFSET);
    }
    return longForm(field, true, prefix - Rlp.LONG_LIST_OFFSET);
  }

  private Header longForm(String field, boolean list, int lengthOfLength) {
    int lengthStart = position + 1;
    if (lengthOfLength > end - lengthStart) {
      throw new DecodingException(field, "truncated: length field runs past the input");
    }
    if (data[lengthStart] == 0) {
      throw new DecodingException(field, "non-canonical: length has leading zero bytes");
    }
    if (lengthOfLength > 4) {
      throw new DecodingException(field, "length field of " + lengthOfLength + " bytes is too large");
    }
    long length = 0;
    for (int i = 0; i < lengthOfLength; i++) {
      length = (length << 8) | (data[lengthStart + i] & 0xff);
    }
    if (length <= Rlp.SHORT_LENGTH_MAX) {
      throw new DecodingException(field, "non-canonical: long form used for length " + length);
    }
    if (length > Integer.MAX_VALUE) {
      throw new DecodingException(field, "length " + length + " is too large");
    }
    return payload(field, list, lengthStart + lengthOfLength, (int) length);
  }

  private Header payload(String field, boolean list, int payloadStart, int length) {
    if (length > end - payloadStart) {
      throw new DecodingException(
          field,
          "truncated: " + (list ? "list" : "string") + " of " + length + " bytes but only "
              + Math.max(0, end - payloadStart) + " remain");
    }
    return new Header(list, payloadStart, payloadStart + length);
  }

  private record Header(boolean list, int payloadStart, int payloadEnd) {}
}

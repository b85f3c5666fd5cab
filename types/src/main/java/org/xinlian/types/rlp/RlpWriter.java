package org.xinlian.types.rlp;

import java.math.BigInteger;
import java.util.Arrays;
import org.xinlian.common.Invariants;

/**
 * Builds canonical RLP into one growing buffer. Lists are opened with {@link #startList} and
 * closed with {@link #endList}, which inserts the header once the payload length is known; so a
 * transaction or header is encoded without allocating one array per field.
 */
public final class RlpWriter {
  private static final int OPEN_LISTS_INITIAL = 8;

  private byte[] buffer;
  private int size;
  private int[] openListStarts = new int[OPEN_LISTS_INITIAL];
  private int openLists;

  public RlpWriter() {
    this(128);
  }

  /** A writer whose buffer starts with room for {@code expectedBytes}. */
  public RlpWriter(int expectedBytes) {
    buffer = new byte[Math.max(16, expectedBytes)];
  }

  /** Appends a byte string. */
  public RlpWriter writeBytes(byte[] bytes) {
    return writeBytes(bytes, 0, bytes.length);
  }

  /** Appends a slice of an array as one byte string. */
  public RlpWriter writeBytes(byte[] bytes, int offset, int length) {
    if (length == 1 && (bytes[offset] & 0xff) < 0x80) {
      ensure(1);
      buffer[size++] = bytes[offset];
      return this;
    }
    writeHeader(0x80, length);
    ensure(length);
    System.arraycopy(bytes, offset, buffer, size, length);
    size += length;
    return this;
  }

  /** Appends an unsigned 64-bit scalar: minimal big-endian bytes, zero as the empty string. */
  public RlpWriter writeUnsignedLong(long value) {
    if (value >= 0 && value < 0x80) {
      ensure(1);
      buffer[size++] = value == 0 ? (byte) 0x80 : (byte) value;
      return this;
    }
    int length = byteLength(value);
    ensure(1 + length);
    buffer[size++] = (byte) (0x80 + length);
    writeBigEndian(value, length);
    return this;
  }

  /** Appends a non-negative scalar; negative values are a programming error. */
  public RlpWriter writeBigInteger(BigInteger value) {
    if (value.signum() >= 0 && value.bitLength() <= 63) {
      return writeUnsignedLong(value.longValue());
    }
    return writeBytes(Rlp.minimalBytes(value));
  }

  /** Appends an item that is already RLP-encoded (such as a typed transaction's string form). */
  public RlpWriter writeEncoded(byte[] encodedItem) {
    ensure(encodedItem.length);
    System.arraycopy(encodedItem, 0, buffer, size, encodedItem.length);
    size += encodedItem.length;
    return this;
  }

  /** Opens a list; every item written until the matching {@link #endList} belongs to it. */
  public RlpWriter startList() {
    if (openLists == openListStarts.length) {
      openListStarts = Arrays.copyOf(openListStarts, openLists * 2);
    }
    openListStarts[openLists++] = size;
    return this;
  }

  /** Closes the innermost open list by inserting its header before the payload. */
  public RlpWriter endList() {
    Invariants.check(openLists > 0, "rlp: endList without startList");
    int start = openListStarts[--openLists];
    int payloadLength = size - start;
    int headerLength = payloadLength < 56 ? 1 : 1 + byteLength(payloadLength);
    ensure(headerLength);
    System.arraycopy(buffer, start, buffer, start + headerLength, payloadLength);
    int end = size;
    size = start;
    writeHeader(0xc0, payloadLength);
    size = end + headerLength;
    return this;
  }

  /** The encoded bytes; every opened list must have been closed. */
  public byte[] toByteArray() {
    Invariants.check(openLists == 0, "rlp: %d list(s) still open", openLists);
    return Arrays.copyOf(buffer, size);
  }

  private void writeHeader(int base, int length) {
    if (length < 56) {
      ensure(1);
      buffer[size++] = (byte) (base + length);
      return;
    }
    int lengthOfLength = byteLength(length);
    ensure(1 + lengthOfLength);
    buffer[size++] = (byte) (base + 55 + lengthOfLength);
    writeBigEndian(length, lengthOfLength);
  }

  private void writeBigEndian(long value, int length) {
    for (int i = length - 1; i >= 0; i--) {
      buffer[size++] = (byte) (value >>> (8 * i));
    }
  }

  private static int byteLength(long value) {
    return (64 - Long.numberOfLeadingZeros(value) + 7) / 8;
  }

  private void ensure(int extra) {
    int needed = size + extra;
    if (needed > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(needed, buffer.length * 2));
    }
  }
}

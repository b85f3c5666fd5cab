package org.xinlian.common;

import java.util.Arrays;

/** Shared behaviour of immutable fixed-length byte values; the array never escapes unless copied. */
abstract class FixedBytes {
  final byte[] bytes;

  FixedBytes(String field, byte[] bytes, int length) {
    if (bytes == null) {
      throw new DecodingException(field, "missing value");
    }
    if (bytes.length != length) {
      throw new DecodingException(
          field, "expected " + length + " bytes but got " + bytes.length);
    }
    this.bytes = bytes.clone();
  }

  /** A copy of the bytes. */
  public final byte[] toArray() {
    return bytes.clone();
  }

  public final int length() {
    return bytes.length;
  }

  public final byte get(int index) {
    return bytes[index];
  }

  /** {@code 0x}-prefixed lower-case hex. */
  public final String toHexString() {
    return Hex.encode(bytes);
  }

  @Override
  public final boolean equals(Object other) {
    return other != null
        && other.getClass() == getClass()
        && Arrays.equals(bytes, ((FixedBytes) other).bytes);
  }

  @Override
  public final int hashCode() {
    // Every byte counts: addresses such as precompiles (0x00..01 to 0x00..0a), system contracts and
    // sequential test accounts share their leading bytes, and hashing only those put every
    // transaction's warm precompiles into one hash bucket.
    return java.util.Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return toHexString();
  }
}

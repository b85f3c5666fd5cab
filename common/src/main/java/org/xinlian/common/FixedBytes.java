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
    // The leading bytes of hashes and addresses are already uniformly distributed.
    return (bytes[0] & 0xff) << 24 | (bytes[1] & 0xff) << 16 | (bytes[2] & 0xff) << 8 | (bytes[3] & 0xff);
  }

  @Override
  public String toString() {
    return toHexString();
  }
}

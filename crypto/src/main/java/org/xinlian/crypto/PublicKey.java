package org.xinlian.crypto;

import java.util.Arrays;
import org.xinlian.common.Hex;

/** A public key of one suite, as the raw 64 bytes {@code x || y} of an uncompressed point. */
public final class PublicKey {
  private final String suite;
  private final byte[] point;

  /**
   * For suite implementations, which check that the point is on the curve; others obtain keys
   * from {@link CryptoSuite#publicKeyFromBytes}.
   */
  public PublicKey(String suite, byte[] point) {
    if (point == null || point.length != CryptoSuite.PUBLIC_KEY_LENGTH) {
      throw new IllegalArgumentException("publicKey: must be 64 bytes (x || y)");
    }
    this.suite = suite;
    this.point = point.clone();
  }

  public String suite() {
    return suite;
  }

  /** A copy of the 64 raw bytes. */
  public byte[] bytes() {
    return point.clone();
  }

  /** {@code 0x} and 128 hex digits. */
  public String toHexString() {
    return Hex.encode(point);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PublicKey key && key.suite.equals(suite) && Arrays.equals(key.point, point);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(point);
  }

  @Override
  public String toString() {
    return "PublicKey[" + suite + ", " + toHexString() + "]";
  }
}

package org.xinlian.crypto;

import java.security.MessageDigest;

/**
 * A 32-byte private scalar of one suite. It never prints its value; {@link #bytes()} is the one
 * deliberate way out (for key files).
 */
public final class PrivateKey {
  private final String suite;
  private final byte[] scalar;

  /** For suite implementations; others obtain keys from a {@link CryptoSuite}. */
  public PrivateKey(String suite, byte[] scalar) {
    if (scalar == null || scalar.length != CryptoSuite.HASH_LENGTH) {
      throw new IllegalArgumentException("privateKey: must be 32 bytes");
    }
    this.suite = suite;
    this.scalar = scalar.clone();
  }

  /** The suite this key belongs to ({@code standard} or {@code gm}). */
  public String suite() {
    return suite;
  }

  /** A copy of the 32-byte big-endian scalar. */
  public byte[] bytes() {
    return scalar.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PrivateKey key
        && key.suite.equals(suite)
        && MessageDigest.isEqual(key.scalar, scalar);
  }

  @Override
  public int hashCode() {
    return suite.hashCode();
  }

  @Override
  public String toString() {
    return "PrivateKey[" + suite + ", redacted]";
  }
}

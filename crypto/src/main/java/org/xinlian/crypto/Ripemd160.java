package org.xinlian.crypto;

/**
 * RIPEMD-160, which only the EVM's precompile 0x03 needs. Like {@link Keccak256} it is fixed by
 * Ethereum, not chosen by the chain's suite; the BouncyCastle digest stays in the internal package.
 */
public final class Ripemd160 {
  public static final int LENGTH = 20;

  private Ripemd160() {}

  public static byte[] hash(byte[] data) {
    return org.xinlian.crypto.internal.Ripemd160Digest.hash(data);
  }
}

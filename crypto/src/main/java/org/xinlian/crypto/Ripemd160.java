package org.xinlian.crypto;

import org.bouncycastle.crypto.digests.RIPEMD160Digest;

/** RIPEMD-160, for the EVM's precompile at address 0x03; the JDK does not provide it. */
public final class Ripemd160 {
  public static final int LENGTH = 20;

  private Ripemd160() {}

  public static byte[] hash(byte[] data, int offset, int length) {
    RIPEMD160Digest digest = new RIPEMD160Digest();
    digest.update(data, offset, length);
    byte[] out = new byte[LENGTH];
    digest.doFinal(out, 0);
    return out;
  }

  public static byte[] hash(byte[] data) {
    return hash(data, 0, data.length);
  }
}

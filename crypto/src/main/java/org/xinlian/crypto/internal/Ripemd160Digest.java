package org.xinlian.crypto.internal;

import org.bouncycastle.crypto.digests.RIPEMD160Digest;

/** BouncyCastle's RIPEMD-160 behind a byte-array signature, for {@code org.xinlian.crypto.Ripemd160}. */
public final class Ripemd160Digest {
  private Ripemd160Digest() {}

  public static byte[] hash(byte[] data) {
    RIPEMD160Digest digest = new RIPEMD160Digest();
    digest.update(data, 0, data.length);
    byte[] out = new byte[digest.getDigestSize()];
    digest.doFinal(out, 0);
    return out;
  }
}

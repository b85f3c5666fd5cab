package org.xinlian.crypto;

import org.bouncycastle.crypto.digests.KeccakDigest;

/**
 * Keccak-256 (the pre-standard SHA-3 that Ethereum uses), independent of the chain's suite: the
 * EVM's KECCAK256 opcode, Solidity storage layout and EIP-55 checksums need it on gm chains too.
 */
public final class Keccak256 {
  private Keccak256() {}

  public static byte[] hash(byte[] data) {
    return hash(data, 0, data.length);
  }

  public static byte[] hash(byte[] data, int offset, int length) {
    KeccakDigest digest = new KeccakDigest(256);
    digest.update(data, offset, length);
    byte[] out = new byte[32];
    digest.doFinal(out, 0);
    return out;
  }
}

package org.xinlian.crypto.standard;

import java.math.BigInteger;

/**
 * The two secp256k1 operations on every transaction's path, verification and public key recovery,
 * behind one seam so that bitcoin-core's libsecp256k1 can do them where it loads and BouncyCastle
 * everywhere else (docs/adr/0007). Callers have already checked that r and s are in [1, n - 1],
 * the digest is 32 bytes and the recovery id is 0..3; the backends must then agree on every input.
 */
interface Secp256k1Backend {
  /** The value of the {@code xinlian.secp256k1} property that selects this backend. */
  String name();

  /**
   * X9.62 ECDSA verification accepting both s and n - s (the caller enforces low S where needed).
   *
   * @param rawPublicKey the 64-byte {@code x || y} form; a point off the curve verifies nothing
   */
  boolean verify(byte[] rawPublicKey, byte[] digest, BigInteger r, BigInteger s);

  /**
   * SEC 1 public key recovery accepting high s: the 64-byte {@code x || y} key, or null when the
   * nonce point's x (r, or r + n for recovery ids 2 and 3) is not below p or not on the curve, or
   * the key would be infinity.
   */
  byte[] recover(byte[] digest, BigInteger r, BigInteger s, int recoveryId);
}

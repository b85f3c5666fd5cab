package org.xinlian.crypto.standard;

import java.math.BigInteger;
import org.bouncycastle.math.ec.ECPoint;

/** The pure-Java backend: available everywhere, the reference the native one is tested against. */
final class BouncyCastleSecp256k1Backend implements Secp256k1Backend {
  static final String NAME = "bouncycastle";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean verify(byte[] rawPublicKey, byte[] digest, BigInteger r, BigInteger s) {
    ECPoint point;
    try {
      point = Secp256k1.pointFromCoordinates(rawPublicKey, 0);
    } catch (IllegalArgumentException e) {
      // A PublicKey built directly rather than through publicKeyFromBytes: nothing verifies under it.
      return false;
    }
    return Secp256k1.verify(point, digest, r, s, false);
  }

  @Override
  public byte[] recover(byte[] digest, BigInteger r, BigInteger s, int recoveryId) {
    ECPoint point = Secp256k1.recover(digest, r, s, recoveryId);
    return point == null ? null : Secp256k1.rawBytes(point);
  }

  @Override
  public String toString() {
    return NAME;
  }
}

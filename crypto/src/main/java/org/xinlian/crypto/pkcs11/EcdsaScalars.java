package org.xinlian.crypto.pkcs11;

import java.math.BigInteger;
import java.security.spec.ECFieldFp;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.EllipticCurve;

/**
 * Curve constants and the low-s rule for signatures a token returns. Why normalise: ECDSA admits
 * both s and n - s, tokens return either, and the chain accepts only the low one (EIP-2), as do
 * the transport's verifiers after this point.
 */
final class EcdsaScalars {
  /** secp256k1 (SEC 2), spelled out because the JDK's own providers no longer name it. */
  static final ECParameterSpec SECP256K1 = new ECParameterSpec(
      new EllipticCurve(new ECFieldFp(hex(
          "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEFFFFFC2F")),
          BigInteger.ZERO, BigInteger.valueOf(7)),
      new ECPoint(hex("79BE667EF9DCBBAC55A06295CE870B07029BFCDB2DCE28D959F2815B16F81798"),
          hex("483ADA7726A3C4655DA4FBFC0E1108A8FD17B448A68554199C47D08FFB10D4B8")),
      hex("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141"), 1);
  static final BigInteger SECP256K1_ORDER = SECP256K1.getOrder();
  /** The order of NIST P-256. */
  static final BigInteger P256_ORDER =
      hex("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551");
  static final int SCALAR_BYTES = 32;

  private EcdsaScalars() {}

  /** {@code r || s} (64 bytes) with s replaced by n - s when it is above n / 2. */
  static byte[] lowS(byte[] p1363, BigInteger order) {
    if (p1363.length != 2 * SCALAR_BYTES) {
      throw new IllegalStateException("token returned a " + p1363.length
          + "-byte signature, expected " + 2 * SCALAR_BYTES);
    }
    BigInteger s = new BigInteger(1, java.util.Arrays.copyOfRange(p1363, SCALAR_BYTES, p1363.length));
    if (s.compareTo(order.shiftRight(1)) <= 0) {
      return p1363;
    }
    byte[] out = p1363.clone();
    byte[] low = fixed(order.subtract(s));
    System.arraycopy(low, 0, out, SCALAR_BYTES, SCALAR_BYTES);
    return out;
  }

  static BigInteger r(byte[] p1363) {
    return new BigInteger(1, java.util.Arrays.copyOfRange(p1363, 0, SCALAR_BYTES));
  }

  static BigInteger s(byte[] p1363) {
    return new BigInteger(1, java.util.Arrays.copyOfRange(p1363, SCALAR_BYTES, 2 * SCALAR_BYTES));
  }

  private static byte[] fixed(BigInteger value) {
    byte[] bytes = value.toByteArray();
    byte[] out = new byte[SCALAR_BYTES];
    int length = Math.min(bytes.length, SCALAR_BYTES);
    System.arraycopy(bytes, bytes.length - length, out, SCALAR_BYTES - length, length);
    return out;
  }

  private static BigInteger hex(String digits) {
    return new BigInteger(digits, 16);
  }
}

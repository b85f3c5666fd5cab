package org.xinlian.crypto.standard;

import java.math.BigInteger;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECFieldElement;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.util.BigIntegers;

/**
 * The secp256k1 arithmetic of the standard suite: ECDSA signing with RFC 6979 nonces, verification
 * and SEC 1 public key recovery. Works on BouncyCastle points and scalars so that the suite can
 * convert once at its boundary; every method is a pure function of its arguments.
 *
 * <p>Signature verification and recovery are the chain's hottest code (every transaction's sender
 * is recovered), so they use BouncyCastle's custom secp256k1 field, its GLV endomorphism through
 * {@link ECAlgorithms#sumOfTwoMultiplies}, and compare x-coordinates without a field inversion.
 */
final class Secp256k1 {
  /** The custom-field curve: several times faster than the generic prime-field implementation. */
  private static final X9ECParameters PARAMETERS = CustomNamedCurves.getByName("secp256k1");

  static final ECCurve CURVE = PARAMETERS.getCurve();

  /** The generator; one shared instance so that BouncyCastle's precomputed tables are reused. */
  static final ECPoint G = PARAMETERS.getG();

  /** The group order n. */
  static final BigInteger N = PARAMETERS.getN();

  /** n / 2: Ethereum (EIP-2) and Bitcoin (BIP 62) accept only s at or below it. */
  static final BigInteger HALF_N = N.shiftRight(1);

  /** The field prime p; a recovered x-coordinate r + n must stay below it. */
  static final BigInteger P = CURVE.getField().getCharacteristic();

  static final int SCALAR_LENGTH = 32;

  private static final FixedPointCombMultiplier BASE_MULTIPLIER = new FixedPointCombMultiplier();

  private Secp256k1() {}

  /** An (r, s) pair with the recovery id that identifies the nonce point R. */
  record RecoverableSignature(BigInteger r, BigInteger s, int recoveryId) {}

  static boolean isValidScalar(BigInteger value) {
    return value.signum() > 0 && value.compareTo(N) < 0;
  }

  /** d·G with the constant-time comb; {@code d} must be a valid scalar. */
  static ECPoint multiplyGenerator(BigInteger scalar) {
    return BASE_MULTIPLIER.multiply(G, scalar).normalize();
  }

  /**
   * A validated affine point from 32-byte big-endian coordinates.
   *
   * @throws IllegalArgumentException if a coordinate is not below p or the point is not on the curve
   */
  static ECPoint pointFromCoordinates(byte[] bytes, int offset) {
    BigInteger x = new BigInteger(1, bytes, offset, SCALAR_LENGTH);
    BigInteger y = new BigInteger(1, bytes, offset + SCALAR_LENGTH, SCALAR_LENGTH);
    return CURVE.validatePoint(x, y);
  }

  /** The raw 64-byte {@code x || y} form of a point other than infinity. */
  static byte[] rawBytes(ECPoint point) {
    ECPoint normalized = point.normalize();
    byte[] out = new byte[2 * SCALAR_LENGTH];
    BigIntegers.asUnsignedByteArray(
        normalized.getAffineXCoord().toBigInteger(), out, 0, SCALAR_LENGTH);
    BigIntegers.asUnsignedByteArray(
        normalized.getAffineYCoord().toBigInteger(), out, SCALAR_LENGTH, SCALAR_LENGTH);
    return out;
  }

  /**
   * Deterministic ECDSA (RFC 6979 with HMAC-SHA256, as Ethereum clients use), normalised to low S.
   * The recovery id comes straight from the nonce point R: bit 0 is the parity of R.y, bit 1 says
   * that R.x overflowed n; negating s negates R, which flips the parity bit.
   */
  static RecoverableSignature sign(BigInteger privateScalar, byte[] digest) {
    BigInteger e = new BigInteger(1, digest);
    HMacDSAKCalculator nonces = new HMacDSAKCalculator(new SHA256Digest());
    nonces.init(N, privateScalar, digest);
    while (true) {
      BigInteger k = nonces.nextK();
      ECPoint noncePoint = multiplyGenerator(k);
      BigInteger x = noncePoint.getAffineXCoord().toBigInteger();
      BigInteger r = x.mod(N);
      if (r.signum() == 0) {
        continue;
      }
      BigInteger s =
          BigIntegers.modOddInverse(N, k).multiply(e.add(privateScalar.multiply(r))).mod(N);
      if (s.signum() == 0) {
        continue;
      }
      int recoveryId =
          (noncePoint.getAffineYCoord().testBitZero() ? 1 : 0) | (x.compareTo(N) >= 0 ? 2 : 0);
      if (s.compareTo(HALF_N) > 0) {
        s = N.subtract(s);
        recoveryId ^= 1;
      }
      return new RecoverableSignature(r, s, recoveryId);
    }
  }

  /**
   * ECDSA verification over a digest already reduced to 32 bytes. {@code requireLowS} is true for
   * Ethereum transactions and false for plain ECDSA (X9.62 accepts both s and n - s).
   */
  static boolean verify(
      ECPoint publicPoint, byte[] digest, BigInteger r, BigInteger s, boolean requireLowS) {
    if (!isValidScalar(r) || !isValidScalar(s) || (requireLowS && s.compareTo(HALF_N) > 0)) {
      return false;
    }
    BigInteger e = new BigInteger(1, digest);
    BigInteger w = BigIntegers.modOddInverseVar(N, s);
    BigInteger u1 = e.multiply(w).mod(N);
    BigInteger u2 = r.multiply(w).mod(N);
    ECPoint point = ECAlgorithms.sumOfTwoMultiplies(G, u1, publicPoint, u2);
    if (point.isInfinity()) {
      return false;
    }
    return xCoordinateMatches(point, r);
  }

  /**
   * Whether x(R) ≡ r (mod n) for a point in Jacobian coordinates (X / Z², Y / Z³), without the
   * field inversion that normalising would cost: compare X with c·Z² for each candidate c = r,
   * r + n below p (x(R) < p < 2n, so there are at most two).
   */
  private static boolean xCoordinateMatches(ECPoint point, BigInteger r) {
    if (CURVE.getCoordinateSystem() != ECCurve.COORD_JACOBIAN) {
      return point.normalize().getAffineXCoord().toBigInteger().mod(N).equals(r);
    }
    ECFieldElement zSquared = point.getZCoord(0).square();
    ECFieldElement x = point.getXCoord();
    for (BigInteger candidate = r; candidate.compareTo(P) < 0; candidate = candidate.add(N)) {
      if (CURVE.fromBigInteger(candidate).multiply(zSquared).equals(x)) {
        return true;
      }
    }
    return false;
  }

  /**
   * SEC 1 v2 §4.1.6 public key recovery: R is the point with x = r + (recoveryId / 2)·n and the
   * y parity of {@code recoveryId & 1}; then Q = r⁻¹(s·R − e·G). Returns null when r or s is out
   * of range, R's x is not below p or not on the curve, or Q is infinity. High s is accepted here;
   * callers that need low s check it first.
   */
  static ECPoint recover(byte[] digest, BigInteger r, BigInteger s, int recoveryId) {
    if (!isValidScalar(r) || !isValidScalar(s) || recoveryId < 0 || recoveryId > 3) {
      return null;
    }
    BigInteger x = (recoveryId & 2) == 0 ? r : r.add(N);
    if (x.compareTo(P) >= 0) {
      return null;
    }
    ECPoint noncePoint = decompress(x, (recoveryId & 1) == 1);
    if (noncePoint == null) {
      return null;
    }
    BigInteger e = new BigInteger(1, digest);
    BigInteger rInverse = BigIntegers.modOddInverseVar(N, r);
    BigInteger u1 = N.subtract(e).multiply(rInverse).mod(N);
    BigInteger u2 = s.multiply(rInverse).mod(N);
    ECPoint q = ECAlgorithms.sumOfTwoMultiplies(G, u1, noncePoint, u2);
    if (q.isInfinity()) {
      return null;
    }
    return q.normalize();
  }

  /** The curve point with this x and y parity, or null when x³ + 7 has no square root. */
  private static ECPoint decompress(BigInteger x, boolean yOdd) {
    ECFieldElement xElement = CURVE.fromBigInteger(x);
    ECFieldElement y = xElement.square().multiply(xElement).add(CURVE.getB()).sqrt();
    if (y == null) {
      return null;
    }
    if (y.testBitZero() != yOdd) {
      y = y.negate();
    }
    return CURVE.createPoint(x, y.toBigInteger());
  }
}

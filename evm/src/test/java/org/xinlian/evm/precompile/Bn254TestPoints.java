package org.xinlian.evm.precompile;

import java.math.BigInteger;
import java.util.Random;

/**
 * Points for the alt_bn128 tests: the generators of EIP-197, multiples of them, arbitrary points
 * of the G2 twist (mostly outside G2) and twist points of small order, with conversions to the
 * reference implementation's types and the precompiles' byte encoding.
 */
final class Bn254TestPoints {
  private Bn254TestPoints() {}

  static final BigInteger P = Bn254Fp.P;
  static final BigInteger R = Bn254G1.ORDER;
  /** #E'(F_p^2) = r (2p - r): the twist's cofactor. */
  static final BigInteger TWIST_COFACTOR = P.shiftLeft(1).subtract(R);
  /** The small prime factors of the twist's cofactor: points of these orders are cheap to find. */
  static final long[] SMALL_COFACTOR_PRIMES = {10069, 5864401};

  static final Bn254G1.Affine G1 = new Bn254G1.Affine(Bn254Fp.ONE, Bn254Fp.fromBigInteger(BigInteger.TWO));
  /** EIP-197's G2 generator, (x, y) with x = x_re + x_im u. */
  static final Bn254G2.Affine G2 = new Bn254G2.Affine(
      Bn254Fp2.of(new BigInteger("10857046999023057135944570762232829481370756359578518086990519993285655852781"),
          new BigInteger("11559732032986387107991004021392285783925812861821192530917403151452391805634")),
      Bn254Fp2.of(new BigInteger("8495653923123431417604973247489272438418190587263600148770280649306958101930"),
          new BigInteger("4082367875863433681332203403145435568316851327593401208105741076214120093531")));

  static Bn254G1.Affine g1Multiple(BigInteger k) {
    return Bn254G1.multiply(G1, k);
  }

  static Bn254G2.Affine g2Multiple(BigInteger k) {
    return multiplyG2(Bn254G2.Jacobian.of(G2), k.mod(R)).toAffine();
  }

  /** k q for k >= 0 by plain double-and-add: any scalar, any twist point. */
  static Bn254G2.Jacobian multiplyG2(Bn254G2.Jacobian q, BigInteger k) {
    Bn254G2.Jacobian result = Bn254G2.Jacobian.INFINITY;
    for (int i = k.bitLength() - 1; i >= 0; i--) {
      result = result.doubled();
      if (k.testBit(i)) {
        result = result.add(q);
      }
    }
    return result;
  }

  /** f^e for e >= 0 with general squarings. */
  static Bn254Fp12 pow(Bn254Fp12 f, BigInteger e) {
    Bn254Fp12 result = Bn254Fp12.ONE;
    for (int i = e.bitLength() - 1; i >= 0; i--) {
      result = result.square();
      if (e.testBit(i)) {
        result = result.multiply(f);
      }
    }
    return result;
  }

  /** The reduced pairing of one pair. */
  static Bn254Fp12 pairing(Bn254G1.Affine p, Bn254G2.Affine q) {
    return Bn254Pairing.finalExponentiation(Bn254MillerLoop.run(java.util.List.of(p), java.util.List.of(q)));
  }

  /** A square root in F_p^2 (p = 3 mod 4), or null; Adj and Rodriguez-Henriquez, algorithm 9. */
  static Bn254Fp2 sqrt(Bn254Fp2 a) {
    Bn254Fp2 a1 = a.pow(P.subtract(BigInteger.valueOf(3)).shiftRight(2));
    Bn254Fp2 alpha = a1.square().multiply(a);
    Bn254Fp2 a0 = alpha.conjugate().multiply(alpha);
    Bn254Fp2 minusOne = Bn254Fp2.ONE.negate();
    if (a0.equals(minusOne)) {
      return null;
    }
    Bn254Fp2 x0 = a1.multiply(a);
    Bn254Fp2 root = alpha.equals(minusOne)
        ? new Bn254Fp2(Bn254Fp.ZERO, Bn254Fp.ONE).multiply(x0)
        : alpha.add(Bn254Fp2.ONE).pow(P.subtract(BigInteger.ONE).shiftRight(1)).multiply(x0);
    return root.square().equals(a) ? root : null;
  }

  /** An arbitrary point of the twist, almost surely outside G2 (the cofactor is ~2^254). */
  static Bn254G2.Affine twistPoint(Random random) {
    while (true) {
      Bn254Fp2 x = Bn254Fp2.of(new BigInteger(256, random), new BigInteger(256, random));
      Bn254Fp2 y = sqrt(x.square().multiply(x).add(Bn254G2.B));
      if (y != null) {
        return new Bn254G2.Affine(x, y);
      }
    }
  }

  /** A twist point of prime order {@code order}, a factor of the cofactor. */
  static Bn254G2.Jacobian smallOrderPoint(Random random, long order) {
    BigInteger multiplier = R.multiply(TWIST_COFACTOR.divide(BigInteger.valueOf(order)));
    while (true) {
      Bn254G2.Jacobian t = multiplyG2(Bn254G2.Jacobian.of(twistPoint(random)), multiplier);
      if (!t.isInfinity()) {
        return t;
      }
    }
  }

  static ReferenceAltBn128.G1 reference(Bn254G1.Affine p) {
    return p == null ? null : new ReferenceAltBn128.G1(p.x().toBigInteger(), p.y().toBigInteger());
  }

  static ReferenceAltBn128.G2 reference(Bn254G2.Affine q) {
    return q == null ? null : new ReferenceAltBn128.G2(
        new ReferenceAltBn128.Fq2(q.x().a.toBigInteger(), q.x().b.toBigInteger()),
        new ReferenceAltBn128.Fq2(q.y().a.toBigInteger(), q.y().b.toBigInteger()));
  }

  /** The 64-byte EIP-196 encoding; zeros for infinity. */
  static byte[] encode(Bn254G1.Affine p) {
    return AltBn128.encode(p);
  }

  /** The 128-byte EIP-197 encoding: x imaginary, x real, y imaginary, y real; zeros for infinity. */
  static byte[] encode(Bn254G2.Affine q) {
    byte[] out = new byte[128];
    if (q != null) {
      q.x().b.writeWord(out, 0);
      q.x().a.writeWord(out, 32);
      q.y().b.writeWord(out, 64);
      q.y().a.writeWord(out, 96);
    }
    return out;
  }

  static byte[] word(BigInteger value) {
    byte[] out = new byte[32];
    byte[] bytes = value.toByteArray();
    int length = Math.min(32, bytes.length);
    System.arraycopy(bytes, bytes.length - length, out, 32 - length, length);
    return out;
  }

  static byte[] concat(byte[]... parts) {
    int length = 0;
    for (byte[] part : parts) {
      length += part.length;
    }
    byte[] out = new byte[length];
    int offset = 0;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, out, offset, part.length);
      offset += part.length;
    }
    return out;
  }
}

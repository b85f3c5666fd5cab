package org.xinlian.evm.precompile;

import java.math.BigInteger;

/**
 * G1 of alt_bn128: y^2 = x^3 + 3 over F_p, of prime order r (cofactor 1, so every curve point is
 * in the group). Affine points are what the precompiles read and write (null is infinity);
 * scalar multiplication runs in Jacobian coordinates (x = X/Z^2, y = Y/Z^3) so that it needs a
 * single inversion at the end.
 */
final class Bn254G1 {
  private Bn254G1() {}

  static final Bn254Fp B = Bn254Fp.fromBigInteger(BigInteger.valueOf(3));
  static final BigInteger ORDER =
      new BigInteger("21888242871839275222246405745257275088548364400416034343698204186575808495617");

  /** Width of the signed window for scalar multiplication: odd multiples up to 15P in the table. */
  private static final int WINDOW = 5;

  /** An affine point other than infinity. */
  record Affine(Bn254Fp x, Bn254Fp y) {}

  /** A Jacobian point; Z = 0 is infinity. */
  record Jacobian(Bn254Fp x, Bn254Fp y, Bn254Fp z) {
    static final Jacobian INFINITY = new Jacobian(Bn254Fp.ONE, Bn254Fp.ONE, Bn254Fp.ZERO);

    static Jacobian of(Affine p) {
      return p == null ? INFINITY : new Jacobian(p.x(), p.y(), Bn254Fp.ONE);
    }

    boolean isInfinity() {
      return z.isZero();
    }

    Jacobian negate() {
      return new Jacobian(x, y.negate(), z);
    }

    /** dbl-2009-l (Explicit-Formulas Database, a = 0): 2M + 5S. */
    Jacobian doubled() {
      if (isInfinity()) {
        return this;
      }
      Bn254Fp a = x.square();
      Bn254Fp b = y.square();
      Bn254Fp c = b.square();
      Bn254Fp d = x.add(b).square().subtract(a).subtract(c).doubled();
      Bn254Fp e = a.doubled().add(a);
      Bn254Fp f = e.square();
      Bn254Fp x3 = f.subtract(d.doubled());
      Bn254Fp y3 = e.multiply(d.subtract(x3)).subtract(c.doubled().doubled().doubled());
      Bn254Fp z3 = y.multiply(z).doubled();
      return new Jacobian(x3, y3, z3);
    }

    /** add-2007-bl: 11M + 5S; falls back to doubling when the points are equal. */
    Jacobian add(Jacobian o) {
      if (isInfinity()) {
        return o;
      }
      if (o.isInfinity()) {
        return this;
      }
      Bn254Fp z1z1 = z.square();
      Bn254Fp z2z2 = o.z.square();
      Bn254Fp u1 = x.multiply(z2z2);
      Bn254Fp u2 = o.x.multiply(z1z1);
      Bn254Fp s1 = y.multiply(o.z).multiply(z2z2);
      Bn254Fp s2 = o.y.multiply(z).multiply(z1z1);
      Bn254Fp h = u2.subtract(u1);
      Bn254Fp r = s2.subtract(s1).doubled();
      if (h.isZero()) {
        return r.isZero() ? doubled() : INFINITY;
      }
      Bn254Fp i = h.doubled().square();
      Bn254Fp j = h.multiply(i);
      Bn254Fp v = u1.multiply(i);
      Bn254Fp x3 = r.square().subtract(j).subtract(v.doubled());
      Bn254Fp y3 = r.multiply(v.subtract(x3)).subtract(s1.multiply(j).doubled());
      Bn254Fp z3 = z.add(o.z).square().subtract(z1z1).subtract(z2z2).multiply(h);
      return new Jacobian(x3, y3, z3);
    }

    /** The affine point, or null for infinity: one inversion. */
    Affine toAffine() {
      if (isInfinity()) {
        return null;
      }
      Bn254Fp zInverse = z.inverse();
      Bn254Fp zInverse2 = zInverse.square();
      return new Affine(x.multiply(zInverse2), y.multiply(zInverse2).multiply(zInverse));
    }
  }

  static boolean isOnCurve(Bn254Fp x, Bn254Fp y) {
    return y.square().equals(x.square().multiply(x).add(B));
  }

  /**
   * p + q in affine coordinates (null is infinity). One inversion and three multiplications:
   * cheaper than a Jacobian sum that must be normalised for the output anyway. G1 has odd prime
   * order, so no valid point has y = 0 and the doubling slope is always defined.
   */
  static Affine add(Affine p, Affine q) {
    if (p == null) {
      return q;
    }
    if (q == null) {
      return p;
    }
    Bn254Fp slope;
    if (p.x().equals(q.x())) {
      if (!p.y().equals(q.y())) {
        return null;
      }
      Bn254Fp xx = p.x().square();
      slope = xx.doubled().add(xx).multiply(p.y().doubled().inverse());
    } else {
      slope = q.y().subtract(p.y()).multiply(q.x().subtract(p.x()).inverse());
    }
    Bn254Fp x = slope.square().subtract(p.x()).subtract(q.x());
    Bn254Fp y = slope.multiply(p.x().subtract(x)).subtract(p.y());
    return new Affine(x, y);
  }

  /**
   * k p (null is infinity) for any k >= 0 below 2^256. p has order r, so k is first reduced mod
   * r; then a width-5 signed window (wNAF): about 254 doublings and 43 additions.
   */
  static Affine multiply(Affine p, BigInteger k) {
    BigInteger scalar = k.mod(ORDER);
    if (p == null || scalar.signum() == 0) {
      return null;
    }
    Jacobian base = Jacobian.of(p);
    Jacobian[] odd = oddMultiples(base);
    byte[] digits = Wnaf.digits(scalar, WINDOW);
    Jacobian result = Jacobian.INFINITY;
    for (int i = digits.length - 1; i >= 0; i--) {
      result = result.doubled();
      int digit = digits[i];
      if (digit > 0) {
        result = result.add(odd[digit >> 1]);
      } else if (digit < 0) {
        result = result.add(odd[-digit >> 1].negate());
      }
    }
    return result.toAffine();
  }

  /** P, 3P, 5P, ..., (2^(WINDOW-1) - 1)P: the table the window digits index by digit / 2. */
  private static Jacobian[] oddMultiples(Jacobian base) {
    Jacobian[] odd = new Jacobian[1 << (WINDOW - 2)];
    Jacobian twice = base.doubled();
    odd[0] = base;
    for (int i = 1; i < odd.length; i++) {
      odd[i] = odd[i - 1].add(twice);
    }
    return odd;
  }
}

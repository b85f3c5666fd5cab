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

    /**
     * this + q for an affine q (madd-2007-bl): 7M + 4S, the table entries of a scalar
     * multiplication being affine. Falls back to doubling when the points are equal.
     */
    Jacobian addAffine(Bn254Fp qx, Bn254Fp qy) {
      if (isInfinity()) {
        return new Jacobian(qx, qy, Bn254Fp.ONE);
      }
      Bn254Fp z1z1 = z.square();
      Bn254Fp u2 = qx.multiply(z1z1);
      Bn254Fp s2 = qy.multiply(z).multiply(z1z1);
      Bn254Fp h = u2.subtract(x);
      Bn254Fp r = s2.subtract(y).doubled();
      if (h.isZero()) {
        return r.isZero() ? doubled() : INFINITY;
      }
      Bn254Fp hh = h.square();
      Bn254Fp i = hh.doubled().doubled();
      Bn254Fp j = h.multiply(i);
      Bn254Fp v = x.multiply(i);
      Bn254Fp x3 = r.square().subtract(j).subtract(v.doubled());
      Bn254Fp y3 = r.multiply(v.subtract(x3)).subtract(y.multiply(j).doubled());
      Bn254Fp z3 = z.add(h).square().subtract(z1z1).subtract(hh);
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
   * r, then split by GLV (Gallant, Lambert and Vanstone, CRYPTO 2001) into k1 + k2 lambda with
   * |k1|, |k2| < 2^127, lambda p being phi(p) = (beta x, y): one run of ~127 doublings serves
   * both halves, each walked by a width-5 signed window over a table of odd multiples.
   */
  static Affine multiply(Affine p, BigInteger k) {
    BigInteger scalar = k.mod(ORDER);
    if (p == null || scalar.signum() == 0) {
      return null;
    }
    BigInteger[] halves = Glv.split(scalar);
    byte[] digits1 = Wnaf.digits(halves[0].abs(), WINDOW);
    byte[] digits2 = Wnaf.digits(halves[1].abs(), WINDOW);
    int sign1 = halves[0].signum();
    int sign2 = halves[1].signum();
    Affine[] odd = oddMultiples(p);
    Affine[] oddEndomorphism = new Affine[odd.length];
    for (int i = 0; i < odd.length; i++) {
      oddEndomorphism[i] = new Affine(odd[i].x().multiply(Glv.BETA), odd[i].y());
    }
    Jacobian result = Jacobian.INFINITY;
    for (int i = Math.max(digits1.length, digits2.length) - 1; i >= 0; i--) {
      result = result.doubled();
      if (i < digits1.length && digits1[i] != 0) {
        result = addDigit(result, odd, digits1[i] * sign1);
      }
      if (i < digits2.length && digits2[i] != 0) {
        result = addDigit(result, oddEndomorphism, digits2[i] * sign2);
      }
    }
    return result.toAffine();
  }

  /** result + digit * (table base), the table holding the odd multiples 1, 3, 5, ... */
  private static Jacobian addDigit(Jacobian result, Affine[] odd, int digit) {
    Affine entry = odd[Math.abs(digit) >> 1];
    return result.addAffine(entry.x(), digit > 0 ? entry.y() : entry.y().negate());
  }

  /**
   * p, 3p, 5p, ..., (2^(WINDOW-1) - 1)p in affine coordinates: Jacobian sums, then one batched
   * inversion for all their Z, so that the main loop can use the cheaper mixed addition. None
   * is infinity: they are multiples below 16 of a point of prime order r.
   */
  private static Affine[] oddMultiples(Affine p) {
    Jacobian[] odd = new Jacobian[1 << (WINDOW - 2)];
    Jacobian base = Jacobian.of(p);
    Jacobian twice = base.doubled();
    odd[0] = base;
    for (int i = 1; i < odd.length; i++) {
      odd[i] = odd[i - 1].add(twice);
    }
    Bn254Fp[] zInverse = new Bn254Fp[odd.length];
    for (int i = 0; i < odd.length; i++) {
      zInverse[i] = odd[i].z();
    }
    Bn254Fp.batchInvert(zInverse, odd.length);
    Affine[] affine = new Affine[odd.length];
    for (int i = 0; i < odd.length; i++) {
      Bn254Fp zInverse2 = zInverse[i].square();
      affine[i] = new Affine(odd[i].x().multiply(zInverse2), odd[i].y().multiply(zInverse2).multiply(zInverse[i]));
    }
    return affine;
  }

  /**
   * The GLV endomorphism of G1: phi(x, y) = (beta x, y) = lambda (x, y), beta a cube root of
   * unity mod p and lambda one mod r (the pair that matches; the tests check phi = lambda on
   * G1), and a reduced basis of the lattice {(a, b) : a + b lambda = 0 mod r} from the extended
   * Euclidean algorithm on (r, lambda) as in the GLV paper.
   */
  static final class Glv {
    private Glv() {}

    static final Bn254Fp BETA = Bn254Fp.fromBigInteger(
        new BigInteger("2203960485148121921418603742825762020974279258880205651966"));
    static final BigInteger LAMBDA = new BigInteger("4407920970296243842393367215006156084916469457145843978461");
    // Basis vectors v1 = (A1, B1), v2 = (A2, B2), determinant A1 B2 - A2 B1 = r.
    private static final BigInteger A1 = new BigInteger("9931322734385697763");
    private static final BigInteger B1 = new BigInteger("-147946756881789319000765030803803410728");
    private static final BigInteger A2 = new BigInteger("147946756881789319010696353538189108491");
    private static final BigInteger B2 = A1;
    private static final BigInteger HALF_ORDER = ORDER.shiftRight(1);

    /**
     * (k1, k2) with k1 + k2 lambda = k mod r: Babai rounding, c1 = round(B2 k / r), c2 =
     * round(-B1 k / r), then k - c1 v1 - c2 v2, whose coordinates are below 2^127.
     */
    static BigInteger[] split(BigInteger k) {
      BigInteger c1 = B2.multiply(k).add(HALF_ORDER).divide(ORDER);
      BigInteger c2 = B1.negate().multiply(k).add(HALF_ORDER).divide(ORDER);
      BigInteger k1 = k.subtract(c1.multiply(A1)).subtract(c2.multiply(A2));
      BigInteger k2 = c1.multiply(B1).add(c2.multiply(B2)).negate();
      return new BigInteger[] {k1, k2};
    }
  }
}

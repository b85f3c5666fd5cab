package org.xinlian.evm.precompile;

import java.math.BigInteger;

/**
 * G2 of alt_bn128: the order-r subgroup of the sextic twist y^2 = x^3 + 3 / xi over F_p^2
 * (xi = 9 + u). Unlike G1 the twist has a large cofactor, so EIP-197 requires a subgroup check
 * on every input point; {@link #isInSubgroup} does it with one 63-bit scalar multiplication.
 */
final class Bn254G2 {
  private Bn254G2() {}

  /** b' = 3 / xi, the twist's constant. */
  static final Bn254Fp2 B = Bn254Fp2.of(BigInteger.valueOf(3), BigInteger.ZERO).multiply(Bn254Fp2.XI.inverse());

  /** The BN parameter u of alt_bn128: p and r are polynomials in it, and 6u + 2 drives the pairing. */
  static final BigInteger U = new BigInteger("4965661367192848881");
  private static final byte[] U_NAF = Wnaf.digits(U, 4);

  /** psi scales x by xi^((p-1)/3) and y by xi^((p-1)/2) after conjugating (see {@link #psi}). */
  private static final Bn254Fp2 PSI_X = Bn254Fp12.frobeniusCoefficient(1, 2);
  private static final Bn254Fp2 PSI_Y = Bn254Fp12.frobeniusCoefficient(1, 3);

  /** An affine point other than infinity. */
  record Affine(Bn254Fp2 x, Bn254Fp2 y) {
    Affine negate() {
      return new Affine(x, y.negate());
    }
  }

  /** A Jacobian point over F_p^2; Z = 0 is infinity. Same formulas as {@link Bn254G1.Jacobian}. */
  record Jacobian(Bn254Fp2 x, Bn254Fp2 y, Bn254Fp2 z) {
    static final Jacobian INFINITY = new Jacobian(Bn254Fp2.ONE, Bn254Fp2.ONE, Bn254Fp2.ZERO);

    static Jacobian of(Affine p) {
      return p == null ? INFINITY : new Jacobian(p.x(), p.y(), Bn254Fp2.ONE);
    }

    boolean isInfinity() {
      return z.isZero();
    }

    Jacobian negate() {
      return new Jacobian(x, y.negate(), z);
    }

    Jacobian doubled() {
      if (isInfinity()) {
        return this;
      }
      Bn254Fp2 a = x.square();
      Bn254Fp2 b = y.square();
      Bn254Fp2 c = b.square();
      Bn254Fp2 d = x.add(b).square().subtract(a).subtract(c).doubled();
      Bn254Fp2 e = a.doubled().add(a);
      Bn254Fp2 f = e.square();
      Bn254Fp2 x3 = f.subtract(d.doubled());
      Bn254Fp2 y3 = e.multiply(d.subtract(x3)).subtract(c.doubled().doubled().doubled());
      Bn254Fp2 z3 = y.multiply(z).doubled();
      return new Jacobian(x3, y3, z3);
    }

    Jacobian add(Jacobian o) {
      if (isInfinity()) {
        return o;
      }
      if (o.isInfinity()) {
        return this;
      }
      Bn254Fp2 z1z1 = z.square();
      Bn254Fp2 z2z2 = o.z.square();
      Bn254Fp2 u1 = x.multiply(z2z2);
      Bn254Fp2 u2 = o.x.multiply(z1z1);
      Bn254Fp2 s1 = y.multiply(o.z).multiply(z2z2);
      Bn254Fp2 s2 = o.y.multiply(z).multiply(z1z1);
      Bn254Fp2 h = u2.subtract(u1);
      Bn254Fp2 r = s2.subtract(s1).doubled();
      if (h.isZero()) {
        return r.isZero() ? doubled() : INFINITY;
      }
      Bn254Fp2 i = h.doubled().square();
      Bn254Fp2 j = h.multiply(i);
      Bn254Fp2 v = u1.multiply(i);
      Bn254Fp2 x3 = r.square().subtract(j).subtract(v.doubled());
      Bn254Fp2 y3 = r.multiply(v.subtract(x3)).subtract(s1.multiply(j).doubled());
      Bn254Fp2 z3 = z.add(o.z).square().subtract(z1z1).subtract(z2z2).multiply(h);
      return new Jacobian(x3, y3, z3);
    }

    /** this + q for an affine q (madd-2007-bl, as {@link Bn254G1.Jacobian#addAffine}). */
    Jacobian addAffine(Bn254Fp2 qx, Bn254Fp2 qy) {
      if (isInfinity()) {
        return new Jacobian(qx, qy, Bn254Fp2.ONE);
      }
      Bn254Fp2 z1z1 = z.square();
      Bn254Fp2 u2 = qx.multiply(z1z1);
      Bn254Fp2 s2 = qy.multiply(z).multiply(z1z1);
      Bn254Fp2 h = u2.subtract(x);
      Bn254Fp2 r = s2.subtract(y).doubled();
      if (h.isZero()) {
        return r.isZero() ? doubled() : INFINITY;
      }
      Bn254Fp2 hh = h.square();
      Bn254Fp2 i = hh.doubled().doubled();
      Bn254Fp2 j = h.multiply(i);
      Bn254Fp2 v = x.multiply(i);
      Bn254Fp2 x3 = r.square().subtract(j).subtract(v.doubled());
      Bn254Fp2 y3 = r.multiply(v.subtract(x3)).subtract(y.multiply(j).doubled());
      Bn254Fp2 z3 = z.add(h).square().subtract(z1z1).subtract(hh);
      return new Jacobian(x3, y3, z3);
    }

    /** Same point: X1 Z2^2 = X2 Z1^2 and Y1 Z2^3 = Y2 Z1^3, or both infinity. */
    boolean sameAs(Jacobian o) {
      if (isInfinity() || o.isInfinity()) {
        return isInfinity() && o.isInfinity();
      }
      Bn254Fp2 z1z1 = z.square();
      Bn254Fp2 z2z2 = o.z.square();
      return x.multiply(z2z2).equals(o.x.multiply(z1z1))
          && y.multiply(z2z2).multiply(o.z).equals(o.y.multiply(z1z1).multiply(z));
    }

    Affine toAffine() {
      if (isInfinity()) {
        return null;
      }
      Bn254Fp2 zInverse = z.inverse();
      Bn254Fp2 zInverse2 = zInverse.square();
      return new Affine(x.multiply(zInverse2), y.multiply(zInverse2).multiply(zInverse));
    }
  }

  static boolean isOnCurve(Bn254Fp2 x, Bn254Fp2 y) {
    return y.square().equals(x.square().multiply(x).add(B));
  }

  /**
   * The untwist-Frobenius-twist endomorphism psi(x, y) = (conj(x) xi^((p-1)/3), conj(y)
   * xi^((p-1)/2)) (Galbraith and Scott, 2008/117), on Jacobian coordinates: conjugation is a
   * field automorphism, so it commutes with the division by Z^2 and Z^3.
   */
  static Jacobian psi(Jacobian q) {
    return new Jacobian(q.x().conjugate().multiply(PSI_X), q.y().conjugate().multiply(PSI_Y),
        q.z().conjugate());
  }

  /**
   * u q for any twist point q other than infinity: width-4 NAF of u (14 additions, not 24) over
   * the affine q, 3q, 5q, 7q. The twist's order r h has no prime factor below 10069, so none of
   * these is infinity and their Z are invertible together.
   */
  static Jacobian multiplyByU(Affine q) {
    Jacobian[] odd = new Jacobian[4];
    odd[0] = Jacobian.of(q);
    Jacobian twice = odd[0].doubled();
    for (int i = 1; i < odd.length; i++) {
      odd[i] = odd[i - 1].add(twice);
    }
    Bn254Fp2[] zInverse = new Bn254Fp2[odd.length];
    for (int i = 0; i < odd.length; i++) {
      zInverse[i] = odd[i].z();
    }
    Bn254Fp2.batchInvert(zInverse, odd.length);
    Affine[] table = new Affine[odd.length];
    for (int i = 0; i < odd.length; i++) {
      Bn254Fp2 zInverse2 = zInverse[i].square();
      table[i] = new Affine(odd[i].x().multiply(zInverse2), odd[i].y().multiply(zInverse2).multiply(zInverse[i]));
    }
    Jacobian result = Jacobian.INFINITY;
    for (int i = U_NAF.length - 1; i >= 0; i--) {
      result = result.doubled();
      int digit = U_NAF[i];
      if (digit != 0) {
        Affine entry = table[Math.abs(digit) >> 1];
        result = result.addAffine(entry.x(), digit > 0 ? entry.y() : entry.y().negate());
      }
    }
    return result;
  }

  /**
   * Whether a point on the twist has order r. By Dai, Lin, Zhao and Zhou, "Fast subgroup
   * membership testings for G1, G2 and GT on pairing-friendly curves" (2022/348, BN case; it
   * needs u != 4 mod 13 and u != 92 mod 97, which alt_bn128's u meets), q is in G2 exactly when
   * [u + 1]q + psi([u]q) + psi^2([u]q) = psi^3([2u]q). That costs a 63-bit multiplication where
   * [r]q = 0 costs a 254-bit one; the tests check both agree, also on points of small order.
   */
  static boolean isInSubgroup(Affine q) {
    Jacobian point = Jacobian.of(q);
    Jacobian uq = multiplyByU(q);
    Jacobian psiUq = psi(uq);
    Jacobian left = uq.add(point).add(psiUq).add(psi(psiUq));
    Jacobian right = psi(psi(psi(uq.doubled())));
    return left.sameAs(right);
  }
}

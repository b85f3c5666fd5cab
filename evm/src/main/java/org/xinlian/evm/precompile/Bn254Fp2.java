package org.xinlian.evm.precompile;

import java.math.BigInteger;
import org.xinlian.common.Invariants;

/**
 * a + b u in F_p^2 = F_p[u]/(u^2 + 1), the field of the G2 twist and the bottom of the pairing
 * tower. Immutable, like {@link Bn254Fp}.
 */
final class Bn254Fp2 {
  static final Bn254Fp2 ZERO = new Bn254Fp2(Bn254Fp.ZERO, Bn254Fp.ZERO);
  static final Bn254Fp2 ONE = new Bn254Fp2(Bn254Fp.ONE, Bn254Fp.ZERO);
  /** xi = 9 + u: v^3 = xi builds F_p^6, and the twist is y^2 = x^3 + 3 / xi (EIP-197). */
  static final Bn254Fp2 XI = new Bn254Fp2(Bn254Fp.fromBigInteger(BigInteger.valueOf(9)), Bn254Fp.ONE);

  final Bn254Fp a;
  final Bn254Fp b;

  Bn254Fp2(Bn254Fp a, Bn254Fp b) {
    this.a = a;
    this.b = b;
  }

  static Bn254Fp2 of(BigInteger real, BigInteger imaginary) {
    return new Bn254Fp2(Bn254Fp.fromBigInteger(real), Bn254Fp.fromBigInteger(imaginary));
  }

  boolean isZero() {
    return a.isZero() && b.isZero();
  }

  Bn254Fp2 add(Bn254Fp2 o) {
    return new Bn254Fp2(a.add(o.a), b.add(o.b));
  }

  Bn254Fp2 subtract(Bn254Fp2 o) {
    return new Bn254Fp2(a.subtract(o.a), b.subtract(o.b));
  }

  Bn254Fp2 doubled() {
    return new Bn254Fp2(a.doubled(), b.doubled());
  }

  Bn254Fp2 negate() {
    return new Bn254Fp2(a.negate(), b.negate());
  }

  /** The conjugate a - b u, which is also the Frobenius map x^p on F_p^2. */
  Bn254Fp2 conjugate() {
    return new Bn254Fp2(a, b.negate());
  }

  /**
   * Karatsuba with lazy reduction: a0 b0, a1 b1 and (a0 + a1)(b0 + b1) are exact 512-bit
   * products, and each coefficient is reduced once: three multiplications and two reductions
   * instead of three full Montgomery products.
   */
  Bn254Fp2 multiply(Bn254Fp2 o) {
    long[] t = new long[24];
    Bn254Wide.multiply(a.l0, a.l1, a.l2, a.l3, o.a.l0, o.a.l1, o.a.l2, o.a.l3, t, 0);
    Bn254Wide.multiply(b.l0, b.l1, b.l2, b.l3, o.b.l0, o.b.l1, o.b.l2, o.b.l3, t, 8);
    Bn254Wide.multiplySums(a, b, o.a, o.b, t, 16);
    Bn254Wide.karatsubaCombine(t);
    return new Bn254Fp2(Bn254Wide.reduce(t, 0), Bn254Wide.reduce(t, 16));
  }

  Bn254Fp2 multiply(Bn254Fp k) {
    return new Bn254Fp2(a.multiply(k), b.multiply(k));
  }

  /** (a + b u)^2 = (a + b)(a - b) + 2ab u: two base multiplications. */
  Bn254Fp2 square() {
    Bn254Fp ab = a.multiply(b);
    return new Bn254Fp2(a.add(b).multiply(a.subtract(b)), ab.doubled());
  }

  /** this * (9 + u) = (9a - b) + (a + 9b) u, by additions only. */
  Bn254Fp2 multiplyByXi() {
    return new Bn254Fp2(Bn254SmallMultiples.nineTimesMinus(a, b), Bn254SmallMultiples.nineTimesPlus(b, a));
  }

  /** 1 / this = conjugate / norm, with the norm a^2 + b^2 in F_p; 0 for 0. */
  Bn254Fp2 inverse() {
    Bn254Fp normInverse = a.square().add(b.square()).inverse();
    return new Bn254Fp2(a.multiply(normInverse), b.negate().multiply(normInverse));
  }

  /** values[0..n) = their inverses, with one inversion (Montgomery's trick); none may be zero. */
  static void batchInvert(Bn254Fp2[] values, int n) {
    Bn254Fp2[] prefix = new Bn254Fp2[n];
    prefix[0] = values[0];
    for (int k = 1; k < n; k++) {
      prefix[k] = prefix[k - 1].multiply(values[k]);
    }
    Invariants.check(!prefix[n - 1].isZero(), "bn254: batch inversion of zero");
    Bn254Fp2 inverse = prefix[n - 1].inverse();
    for (int k = n - 1; k > 0; k--) {
      Bn254Fp2 value = values[k];
      values[k] = inverse.multiply(prefix[k - 1]);
      inverse = inverse.multiply(value);
    }
    values[0] = inverse;
  }

  /** this^e for e >= 0: for the Frobenius constants at class initialisation, not hot paths. */
  Bn254Fp2 pow(BigInteger e) {
    Bn254Fp2 result = ONE;
    for (int i = e.bitLength() - 1; i >= 0; i--) {
      result = result.square();
      if (e.testBit(i)) {
        result = result.multiply(this);
      }
    }
    return result;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Bn254Fp2 o && a.equals(o.a) && b.equals(o.b);
  }

  @Override
  public int hashCode() {
    return a.hashCode() * 31 + b.hashCode();
  }

  @Override
  public String toString() {
    return a + " + " + b + "u";
  }
}

package org.xinlian.evm.precompile;

/**
 * c0 + c1 v + c2 v^2 in F_p^6 = F_p^2[v]/(v^3 - xi), xi = 9 + u: the middle of the pairing tower.
 * Multiplication and squaring follow Devegili, O hEigeartaigh, Scott and Dahab, "Multiplication
 * and squaring on pairing-friendly fields" (Karatsuba and Chung-Hasan SQR2).
 */
final class Bn254Fp6 {
  static final Bn254Fp6 ZERO = new Bn254Fp6(Bn254Fp2.ZERO, Bn254Fp2.ZERO, Bn254Fp2.ZERO);
  static final Bn254Fp6 ONE = new Bn254Fp6(Bn254Fp2.ONE, Bn254Fp2.ZERO, Bn254Fp2.ZERO);

  final Bn254Fp2 c0;
  final Bn254Fp2 c1;
  final Bn254Fp2 c2;

  Bn254Fp6(Bn254Fp2 c0, Bn254Fp2 c1, Bn254Fp2 c2) {
    this.c0 = c0;
    this.c1 = c1;
    this.c2 = c2;
  }

  boolean isZero() {
    return c0.isZero() && c1.isZero() && c2.isZero();
  }

  Bn254Fp6 add(Bn254Fp6 o) {
    return new Bn254Fp6(c0.add(o.c0), c1.add(o.c1), c2.add(o.c2));
  }

  Bn254Fp6 subtract(Bn254Fp6 o) {
    return new Bn254Fp6(c0.subtract(o.c0), c1.subtract(o.c1), c2.subtract(o.c2));
  }

  Bn254Fp6 negate() {
    return new Bn254Fp6(c0.negate(), c1.negate(), c2.negate());
  }

  Bn254Fp6 doubled() {
    return new Bn254Fp6(c0.doubled(), c1.doubled(), c2.doubled());
  }

  /** Karatsuba over three coefficients: six F_p^2 multiplications instead of nine. */
  Bn254Fp6 multiply(Bn254Fp6 o) {
    Bn254Fp2 t0 = c0.multiply(o.c0);
    Bn254Fp2 t1 = c1.multiply(o.c1);
    Bn254Fp2 t2 = c2.multiply(o.c2);
    Bn254Fp2 r0 = c1.add(c2).multiply(o.c1.add(o.c2)).subtract(t1).subtract(t2).multiplyByXi().add(t0);
    Bn254Fp2 r1 = c0.add(c1).multiply(o.c0.add(o.c1)).subtract(t0).subtract(t1).add(t2.multiplyByXi());
    Bn254Fp2 r2 = c0.add(c2).multiply(o.c0.add(o.c2)).subtract(t0).add(t1).subtract(t2);
    return new Bn254Fp6(r0, r1, r2);
  }

  /** Chung-Hasan SQR2: two multiplications and three squarings in F_p^2. */
  Bn254Fp6 square() {
    Bn254Fp2 s0 = c0.square();
    Bn254Fp2 s1 = c0.multiply(c1).doubled();
    Bn254Fp2 s2 = c0.subtract(c1).add(c2).square();
    Bn254Fp2 s3 = c1.multiply(c2).doubled();
    Bn254Fp2 s4 = c2.square();
    return new Bn254Fp6(s3.multiplyByXi().add(s0), s4.multiplyByXi().add(s1),
        s1.add(s2).add(s3).subtract(s0).subtract(s4));
  }

  Bn254Fp6 multiply(Bn254Fp2 k) {
    return new Bn254Fp6(c0.multiply(k), c1.multiply(k), c2.multiply(k));
  }

  /**
   * this * (b0 + b1 v), the shape half a Miller-loop line has: five F_p^2 multiplications.
   * Expanded, c0 b0 + xi c2 b1 + (c0 b1 + c1 b0) v + (c1 b1 + c2 b0) v^2.
   */
  Bn254Fp6 multiplyBy01(Bn254Fp2 b0, Bn254Fp2 b1) {
    Bn254Fp2 t0 = c0.multiply(b0);
    Bn254Fp2 t1 = c1.multiply(b1);
    Bn254Fp2 r0 = c2.multiply(b1).multiplyByXi().add(t0);
    Bn254Fp2 r1 = c0.add(c1).multiply(b0.add(b1)).subtract(t0).subtract(t1);
    Bn254Fp2 r2 = c2.multiply(b0).add(t1);
    return new Bn254Fp6(r0, r1, r2);
  }

  /** this * v = xi c2 + c0 v + c1 v^2, since v^3 = xi. */
  Bn254Fp6 multiplyByV() {
    return new Bn254Fp6(c2.multiplyByXi(), c0, c1);
  }

  /** 1 / this by the adjugate: one F_p^2 inversion (Scott, "Implementing cryptographic pairings"). */
  Bn254Fp6 inverse() {
    Bn254Fp2 t0 = c0.square().subtract(c1.multiply(c2).multiplyByXi());
    Bn254Fp2 t1 = c2.square().multiplyByXi().subtract(c0.multiply(c1));
    Bn254Fp2 t2 = c1.square().subtract(c0.multiply(c2));
    Bn254Fp2 norm = c0.multiply(t0).add(c2.multiply(t1).multiplyByXi()).add(c1.multiply(t2).multiplyByXi());
    Bn254Fp2 normInverse = norm.inverse();
    return new Bn254Fp6(t0.multiply(normInverse), t1.multiply(normInverse), t2.multiply(normInverse));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Bn254Fp6 o && c0.equals(o.c0) && c1.equals(o.c1) && c2.equals(o.c2);
  }

  @Override
  public int hashCode() {
    return (c0.hashCode() * 31 + c1.hashCode()) * 31 + c2.hashCode();
  }

  @Override
  public String toString() {
    return "(" + c0 + ") + (" + c1 + ")v + (" + c2 + ")v^2";
  }
}

package org.xinlian.evm.precompile;

import java.math.BigInteger;

/**
 * c0 + c1 w in F_p^12 = F_p^6[w]/(w^2 - v), where the pairing takes its values. Seen over F_p^2
 * this is F_p^2[w]/(w^6 - xi) with coefficients, by power of w, c0.c0, c1.c0, c0.c1, c1.c1,
 * c0.c2, c1.c2; the Frobenius maps and the cyclotomic squaring below work in that view.
 */
final class Bn254Fp12 {
  static final Bn254Fp12 ONE = new Bn254Fp12(Bn254Fp6.ONE, Bn254Fp6.ZERO);

  /**
   * FROBENIUS[k - 1][i] = xi^(i (p^k - 1) / 6): (w^i)^(p^k) = w^i times this, since w^6 = xi.
   * Derived from p here rather than pasted as opaque constants.
   */
  private static final Bn254Fp2[][] FROBENIUS = new Bn254Fp2[3][6];

  static {
    BigInteger pk = BigInteger.ONE;
    for (int k = 1; k <= 3; k++) {
      pk = pk.multiply(Bn254Fp.P);
      BigInteger sixth = pk.subtract(BigInteger.ONE).divide(BigInteger.valueOf(6));
      for (int i = 0; i < 6; i++) {
        FROBENIUS[k - 1][i] = Bn254Fp2.XI.pow(sixth.multiply(BigInteger.valueOf(i)));
      }
    }
  }

  /** xi^(i (p^k - 1) / 6), k in 1..3, i in 0..5: also the twist endomorphism's constants. */
  static Bn254Fp2 frobeniusCoefficient(int k, int i) {
    return FROBENIUS[k - 1][i];
  }

  final Bn254Fp6 c0;
  final Bn254Fp6 c1;

  Bn254Fp12(Bn254Fp6 c0, Bn254Fp6 c1) {
    this.c0 = c0;
    this.c1 = c1;
  }

  boolean isOne() {
    return equals(ONE);
  }

  Bn254Fp12 multiply(Bn254Fp12 o) {
    Bn254Fp6 t0 = c0.multiply(o.c0);
    Bn254Fp6 t1 = c1.multiply(o.c1);
    Bn254Fp6 cross = c0.add(c1).multiply(o.c0.add(o.c1)).subtract(t0).subtract(t1);
    return new Bn254Fp12(t1.multiplyByV().add(t0), cross);
  }

  /** Complex squaring: (c0 + c1)(c0 + v c1) - t - v t with t = c0 c1; two F_p^6 products. */
  Bn254Fp12 square() {
    Bn254Fp6 t = c0.multiply(c1);
    Bn254Fp6 r0 = c0.add(c1).multiply(c0.add(c1.multiplyByV())).subtract(t).subtract(t.multiplyByV());
    return new Bn254Fp12(r0, t.doubled());
  }

  /**
   * this * (r0 + r1 w + r2 v w): a Miller-loop line, whose other three coefficients are zero.
   * Thirteen F_p^2 multiplications instead of a full product's eighteen.
   */
  Bn254Fp12 multiplyByLine(Bn254Fp2 r0, Bn254Fp2 r1, Bn254Fp2 r2) {
    Bn254Fp6 t0 = c0.multiply(r0);
    Bn254Fp6 t1 = c1.multiplyBy01(r1, r2);
    Bn254Fp6 cross = c0.add(c1).multiplyBy01(r0.add(r1), r2).subtract(t0).subtract(t1);
    return new Bn254Fp12(t1.multiplyByV().add(t0), cross);
  }

  /**
   * this * (1 + (r1 + r2 v) w), a Miller-loop line divided by its constant term: with L = r1 +
   * r2 v, (c0 + c1 w)(1 + L w) = (c0 + v c1 L) + (c1 + c0 L) w, ten F_p^2 multiplications.
   */
  Bn254Fp12 multiplyByNormalizedLine(Bn254Fp2 r1, Bn254Fp2 r2) {
    return new Bn254Fp12(c1.multiplyBy01(r1, r2).multiplyByV().add(c0), c0.multiplyBy01(r1, r2).add(c1));
  }

  /** this^(p^6): w^(p^6) = -w. The inverse of an element of the cyclotomic subgroup. */
  Bn254Fp12 conjugate() {
    return new Bn254Fp12(c0, c1.negate());
  }

  /** 1 / this = (c0 - c1 w) / (c0^2 - v c1^2). */
  Bn254Fp12 inverse() {
    Bn254Fp6 normInverse = c0.square().subtract(c1.square().multiplyByV()).inverse();
    return new Bn254Fp12(c0.multiply(normInverse), c1.multiply(normInverse).negate());
  }

  /** this^(p^k) for k in 1..3: conjugate the coefficients when k is odd, then scale each power of w. */
  Bn254Fp12 frobenius(int k) {
    Bn254Fp2[] gamma = FROBENIUS[k - 1];
    boolean odd = (k & 1) == 1;
    Bn254Fp2 g0 = odd ? c0.c0.conjugate() : c0.c0;
    Bn254Fp2 h0 = odd ? c1.c0.conjugate() : c1.c0;
    Bn254Fp2 g1 = odd ? c0.c1.conjugate() : c0.c1;
    Bn254Fp2 h1 = odd ? c1.c1.conjugate() : c1.c1;
    Bn254Fp2 g2 = odd ? c0.c2.conjugate() : c0.c2;
    Bn254Fp2 h2 = odd ? c1.c2.conjugate() : c1.c2;
    return new Bn254Fp12(
        new Bn254Fp6(g0, g1.multiply(gamma[2]), g2.multiply(gamma[4])),
        new Bn254Fp6(h0.multiply(gamma[1]), h1.multiply(gamma[3]), h2.multiply(gamma[5])));
  }

  /**
   * The square of an element of the cyclotomic subgroup (every value after the easy part of the
   * final exponentiation), by Granger and Scott, "Faster squaring in the cyclotomic subgroup of
   * sixth degree extensions" (PKC 2010): nine F_p^2 squarings instead of two F_p^6 products.
   * Over F_p^4 = F_p^2[s]/(s^2 - xi), s = w^3, this is A0 + A1 w + A2 w^2 with A0 = g0 + h1 s,
   * A1 = h0 + g2 s, A2 = g1 + h2 s, and its square is (3 A0^2 - 2 conj A0)
   * + (3 s A2^2 + 2 conj A1) w + (3 A1^2 - 2 conj A2) w^2, conj being s -> -s.
   */
  Bn254Fp12 cyclotomicSquare() {
    Bn254Fp2 g0 = c0.c0;
    Bn254Fp2 g1 = c0.c1;
    Bn254Fp2 g2 = c0.c2;
    Bn254Fp2 h0 = c1.c0;
    Bn254Fp2 h1 = c1.c1;
    Bn254Fp2 h2 = c1.c2;
    // (x + y s)^2 = (x^2 + xi y^2) + 2xy s, with 2xy = (x + y)^2 - x^2 - y^2.
    Bn254Fp2 g0g0 = g0.square();
    Bn254Fp2 h1h1 = h1.square();
    Bn254Fp2 a0Real = h1h1.multiplyByXi().add(g0g0);
    Bn254Fp2 a0Imaginary = g0.add(h1).square().subtract(g0g0).subtract(h1h1);
    Bn254Fp2 h0h0 = h0.square();
    Bn254Fp2 g2g2 = g2.square();
    Bn254Fp2 a1Real = g2g2.multiplyByXi().add(h0h0);
    Bn254Fp2 a1Imaginary = h0.add(g2).square().subtract(h0h0).subtract(g2g2);
    Bn254Fp2 g1g1 = g1.square();
    Bn254Fp2 h2h2 = h2.square();
    Bn254Fp2 a2Real = h2h2.multiplyByXi().add(g1g1);
    Bn254Fp2 a2Imaginary = g1.add(h2).square().subtract(g1g1).subtract(h2h2).multiplyByXi();
    return new Bn254Fp12(
        new Bn254Fp6(threeMinusTwo(a0Real, g0), threeMinusTwo(a1Real, g1), threeMinusTwo(a2Real, g2)),
        new Bn254Fp6(threePlusTwo(a2Imaginary, h0), threePlusTwo(a0Imaginary, h1),
            threePlusTwo(a1Imaginary, h2)));
  }

  private static Bn254Fp2 threeMinusTwo(Bn254Fp2 t, Bn254Fp2 x) {
    return new Bn254Fp2(Bn254SmallMultiples.threeTimesMinusTwice(t.a, x.a), Bn254SmallMultiples.threeTimesMinusTwice(t.b, x.b));
  }

  private static Bn254Fp2 threePlusTwo(Bn254Fp2 t, Bn254Fp2 x) {
    return new Bn254Fp2(Bn254SmallMultiples.threeTimesPlusTwice(t.a, x.a), Bn254SmallMultiples.threeTimesPlusTwice(t.b, x.b));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Bn254Fp12 o && c0.equals(o.c0) && c1.equals(o.c1);
  }

  @Override
  public int hashCode() {
    return c0.hashCode() * 31 + c1.hashCode();
  }

  @Override
  public String toString() {
    return "(" + c0 + ") + (" + c1 + ")w";
  }
}

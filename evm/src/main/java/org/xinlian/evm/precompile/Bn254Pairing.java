package org.xinlian.evm.precompile;

import java.math.BigInteger;
import java.util.List;

/**
 * The optimal ate pairing of alt_bn128 (EIP-197), e(P, Q) = f^((p^12 - 1) / r) with f the Miller
 * function of 6u + 2 at Q times the lines to pi(Q) and -pi^2(Q) (Vercauteren, "Optimal
 * pairings"). All pairs share one Miller loop (one squaring of f per step) and one final
 * exponentiation, so a call with k pairs costs far less than k pairings.
 *
 * <p>The value is exactly the reduced pairing (not a fixed power of it), so it equals that of
 * any other correct implementation; the tests compare it with a textbook one.
 */
final class Bn254Pairing {
  private Bn254Pairing() {}

  /** 6u + 2 in NAF, least significant digit first: 66 digits, 22 of them non-zero. */
  private static final byte[] LOOP =
      Wnaf.digits(Bn254G2.U.multiply(BigInteger.valueOf(6)).add(BigInteger.TWO), 2);
  private static final byte[] U_NAF = Wnaf.digits(Bn254G2.U, 2);

  /** Whether the product of e(p_i, q_i) is one; a pair holding infinity (null) contributes one. */
  static boolean productIsOne(List<Bn254G1.Affine> g1, List<Bn254G2.Affine> g2) {
    return finalExponentiation(millerLoop(g1, g2)).isOne();
  }

  /** The reduced pairing of one pair, for tests. */
  static Bn254Fp12 pairing(Bn254G1.Affine p, Bn254G2.Affine q) {
    return finalExponentiation(millerLoop(List.of(p), List.of(q)));
  }

  /** The running multiple T of one pair's Q, in homogeneous projective coordinates (x = X/Z). */
  private static final class Step {
    private final Bn254G1.Affine p;
    private final Bn254G2.Affine q;
    private Bn254Fp2 x;
    private Bn254Fp2 y;
    private Bn254Fp2 z;

    Step(Bn254G1.Affine p, Bn254G2.Affine q) {
      this.p = p;
      this.q = q;
      this.x = q.x();
      this.y = q.y();
      this.z = Bn254Fp2.ONE;
    }

    /**
     * T = 2T, and f times the tangent at T evaluated at P. Costello, Lange and Naehrig, "Faster
     * pairing computations on curves with high-degree twists" (PKC 2010), homogeneous doubling
     * for a = 0; the line, scaled to be free of inversions, is -H yP + 3 X^2 xP w + (3b'Z^2 -
     * Y^2) v w with H = 2YZ, which is the tangent 2y yP - 3x^2 xP w + (3x^3 - 2y^2) w^3 times
     * a factor in F_p^2 (killed by the final exponentiation) after substituting the curve
     * equation.
     */
    Bn254Fp12 doubleInto(Bn254Fp12 f) {
      Bn254Fp2 a = x.multiply(y).halved();
      Bn254Fp2 b = y.square();
      Bn254Fp2 c = z.square();
      Bn254Fp2 e = c.doubled().add(c).multiply(Bn254G2.B);
      Bn254Fp2 threeE = e.doubled().add(e);
      Bn254Fp2 g = b.add(threeE).halved();
      Bn254Fp2 h = y.add(z).square().subtract(b.add(c));
      Bn254Fp2 xx = x.square();
      Bn254Fp2 ee = e.square();
      x = a.multiply(b.subtract(threeE));
      y = g.square().subtract(ee.doubled().add(ee));
      z = b.multiply(h);
      return f.multiplyByLine(h.negate().multiply(p.y()), xx.doubled().add(xx).multiply(p.x()),
          e.subtract(b));
    }

    /**
     * T = T + R for an affine R, and f times the chord through T and R evaluated at P: with
     * O = Y - yR Z and L = X - xR Z the slope is O / L, and L times the chord yP - lambda xP w
     * + (lambda xR - yR) w^3 is L yP - O xP w + (O xR - L yR) v w.
     */
    Bn254Fp12 addInto(Bn254Fp12 f, Bn254G2.Affine r) {
      Bn254Fp2 o = y.subtract(r.y().multiply(z));
      Bn254Fp2 l = x.subtract(r.x().multiply(z));
      Bn254Fp2 oo = o.square();
      Bn254Fp2 ll = l.square();
      Bn254Fp2 lll = l.multiply(ll);
      Bn254Fp2 zoo = z.multiply(oo);
      Bn254Fp2 xll = x.multiply(ll);
      Bn254Fp2 h = lll.add(zoo).subtract(xll.doubled());
      Bn254Fp2 yNext = o.multiply(xll.subtract(h)).subtract(y.multiply(lll));
      x = l.multiply(h);
      y = yNext;
      z = z.multiply(lll);
      return f.multiplyByLine(l.multiply(p.y()), o.negate().multiply(p.x()),
          o.multiply(r.x()).subtract(l.multiply(r.y())));
    }
  }

  /** f of the whole product, before the final exponentiation; 1 when every pair holds infinity. */
  static Bn254Fp12 millerLoop(List<Bn254G1.Affine> g1, List<Bn254G2.Affine> g2) {
    Step[] steps = new Step[g1.size()];
    int count = 0;
    for (int i = 0; i < g1.size(); i++) {
      if (g1.get(i) != null && g2.get(i) != null) {
        steps[count++] = new Step(g1.get(i), g2.get(i));
      }
    }
    Bn254Fp12 f = Bn254Fp12.ONE;
    if (count == 0) {
      return f;
    }
    // For Q of order r no step meets infinity or T = +-Q: the multiples of Q stay below 6u + 2 < r.
    for (int i = LOOP.length - 2; i >= 0; i--) {
      if (i < LOOP.length - 2) {
        f = f.square();
      }
      for (int k = 0; k < count; k++) {
        Step step = steps[k];
        f = step.doubleInto(f);
        if (LOOP[i] > 0) {
          f = step.addInto(f, step.q);
        } else if (LOOP[i] < 0) {
          f = step.addInto(f, step.q.negate());
        }
      }
    }
    Bn254Fp2 frobeniusX = Bn254Fp12.frobeniusCoefficient(1, 2);
    Bn254Fp2 frobeniusY = Bn254Fp12.frobeniusCoefficient(1, 3);
    Bn254Fp2 frobenius2X = Bn254Fp12.frobeniusCoefficient(2, 2);
    Bn254Fp2 frobenius2Y = Bn254Fp12.frobeniusCoefficient(2, 3);
    for (int k = 0; k < count; k++) {
      Step step = steps[k];
      Bn254G2.Affine q = step.q;
      // pi(Q) and pi^2(Q) on the twist: the p-power Frobenius of the untwisted point, twisted back.
      Bn254G2.Affine q1 = new Bn254G2.Affine(q.x().conjugate().multiply(frobeniusX),
          q.y().conjugate().multiply(frobeniusY));
      Bn254G2.Affine minusQ2 = new Bn254G2.Affine(q.x().multiply(frobenius2X),
          q.y().multiply(frobenius2Y).negate());
      f = step.addInto(f, q1);
      f = step.addInto(f, minusQ2);
    }
    return f;
  }

  /**
   * f^((p^12 - 1) / r) for f != 0. The easy part (p^6 - 1)(p^2 + 1) is a conjugation, one
   * inversion and Frobenius maps, and lands in the cyclotomic subgroup; the hard part
   * (p^4 - p^2 + 1) / r = lambda_3 p^3 + lambda_2 p^2 + lambda_1 p + lambda_0 (lambda_i
   * polynomials in u) is the vectorial addition chain of Scott, Benger, Charlemagne, Dominguez
   * Perez and Kachisa, "On the final exponentiation for calculating pairings on ordinary
   * elliptic curves" (Pairing 2009): three exponentiations by u and a dozen products.
   */
  static Bn254Fp12 finalExponentiation(Bn254Fp12 f) {
    Bn254Fp12 t = f.conjugate().multiply(f.inverse());
    Bn254Fp12 m = t.frobenius(2).multiply(t);

    Bn254Fp12 mu = powU(m);
    Bn254Fp12 mu2 = powU(mu);
    Bn254Fp12 mu3 = powU(mu2);
    // In the cyclotomic subgroup the inverse is the conjugate.
    Bn254Fp12 y0 = m.frobenius(1).multiply(m.frobenius(2)).multiply(m.frobenius(3));
    Bn254Fp12 y1 = m.conjugate();
    Bn254Fp12 y2 = mu2.frobenius(2);
    Bn254Fp12 y3 = mu.frobenius(1).conjugate();
    Bn254Fp12 y4 = mu.multiply(mu2.frobenius(1)).conjugate();
    Bn254Fp12 y5 = mu2.conjugate();
    Bn254Fp12 y6 = mu3.multiply(mu3.frobenius(1)).conjugate();
    // y0 y1^2 y2^6 y3^12 y4^18 y5^30 y6^36 with four squarings and nine products.
    Bn254Fp12 t0 = y6.cyclotomicSquare().multiply(y4).multiply(y5);
    Bn254Fp12 t1 = y3.multiply(y5).multiply(t0);
    t0 = t0.multiply(y2);
    t1 = t1.cyclotomicSquare().multiply(t0).cyclotomicSquare();
    t0 = t1.multiply(y1);
    t1 = t1.multiply(y0);
    return t0.cyclotomicSquare().multiply(t1);
  }

  /** m^u for m in the cyclotomic subgroup, over the NAF of u (conjugation is inversion there). */
  private static Bn254Fp12 powU(Bn254Fp12 m) {
    Bn254Fp12 inverse = m.conjugate();
    Bn254Fp12 result = m;
    for (int i = U_NAF.length - 2; i >= 0; i--) {
      result = result.cyclotomicSquare();
      if (U_NAF[i] > 0) {
        result = result.multiply(m);
      } else if (U_NAF[i] < 0) {
        result = result.multiply(inverse);
      }
    }
    return result;
  }
}

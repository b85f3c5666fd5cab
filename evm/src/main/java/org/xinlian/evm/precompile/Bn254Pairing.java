package org.xinlian.evm.precompile;

import java.util.List;

/**
 * The optimal ate pairing of alt_bn128 (EIP-197), e(P, Q) = f^((p^12 - 1) / r) with f the Miller
 * function of 6u + 2 at Q times the lines to pi(Q) and -pi^2(Q) (Vercauteren, "Optimal
 * pairings"; the loop is {@link Bn254MillerLoop}). All pairs share one Miller loop and one final
 * exponentiation, so a call with k pairs costs far less than k pairings.
 *
 * <p>The value is exactly the reduced pairing (not a fixed power of it), so it equals that of
 * any other correct implementation; the tests compare it with a textbook one.
 */
final class Bn254Pairing {
  private Bn254Pairing() {}

  private static final byte[] U_NAF = Wnaf.digits(Bn254G2.U, 4);

  /** Whether the product of e(p_i, q_i) is one; a pair holding infinity (null) contributes one. */
  static boolean productIsOne(List<Bn254G1.Affine> g1, List<Bn254G2.Affine> g2) {
    return finalExponentiation(Bn254MillerLoop.run(g1, g2)).isOne();
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

  /**
   * m^u for m in the cyclotomic subgroup, over the width-4 NAF of u (14 non-zero digits against
   * 24 in the plain NAF): conjugation is inversion there, so negative digits are free.
   */
  private static Bn254Fp12 powU(Bn254Fp12 m) {
    Bn254Fp12 m2 = m.cyclotomicSquare();
    Bn254Fp12[] odd = {m, m.multiply(m2), null, null};
    odd[2] = odd[1].multiply(m2);
    odd[3] = odd[2].multiply(m2);
    Bn254Fp12 result = odd[U_NAF[U_NAF.length - 1] >> 1];
    for (int i = U_NAF.length - 2; i >= 0; i--) {
      result = result.cyclotomicSquare();
      int digit = U_NAF[i];
      if (digit > 0) {
        result = result.multiply(odd[digit >> 1]);
      } else if (digit < 0) {
        result = result.multiply(odd[-digit >> 1].conjugate());
      }
    }
    return result;
  }
}

package org.xinlian.evm.precompile;

import java.math.BigInteger;
import java.util.List;

/**
 * The Miller loop of the optimal ate pairing over all pairs at once: f is squared once per step
 * for every pair, and the running points T_k stay affine, their slopes' denominators inverted
 * together (Montgomery's batch trick: one inversion and three multiplications per pair and
 * step). Affine steps pay off twice: a step costs three F_p^2 multiplications and two squarings
 * instead of about ten, and the line can be divided by y_P (an F_p factor, which the final
 * exponentiation removes) so that its constant coefficient is 1 and multiplying f by it takes
 * ten F_p^2 multiplications instead of thirteen.
 *
 * <p>With T = (x, y) untwisted to (x w^2, y w^3), the line through it with slope lambda w
 * (lambda the slope on the twist), evaluated at P and divided by y_P, is
 * 1 + lambda (-x_P / y_P) w + (lambda x - y) (1 / y_P) v w.
 */
final class Bn254MillerLoop {
  private Bn254MillerLoop() {}

  /** 6u + 2 in NAF, least significant digit first: 66 digits, 22 of them non-zero. */
  private static final byte[] LOOP =
      Wnaf.digits(Bn254G2.U.multiply(BigInteger.valueOf(6)).add(BigInteger.TWO), 2);

  private static final Bn254Fp2 FROBENIUS_X = Bn254Fp12.frobeniusCoefficient(1, 2);
  private static final Bn254Fp2 FROBENIUS_Y = Bn254Fp12.frobeniusCoefficient(1, 3);
  private static final Bn254Fp2 FROBENIUS2_X = Bn254Fp12.frobeniusCoefficient(2, 2);
  private static final Bn254Fp2 FROBENIUS2_Y = Bn254Fp12.frobeniusCoefficient(2, 3);

  /** f of the whole product, before the final exponentiation; 1 when every pair holds infinity. */
  static Bn254Fp12 run(List<Bn254G1.Affine> g1, List<Bn254G2.Affine> g2) {
    int n = 0;
    Bn254G1.Affine[] ps = new Bn254G1.Affine[g1.size()];
    Bn254G2.Affine[] qs = new Bn254G2.Affine[g1.size()];
    for (int i = 0; i < g1.size(); i++) {
      if (g1.get(i) != null && g2.get(i) != null) {
        ps[n] = g1.get(i);
        qs[n] = g2.get(i);
        n++;
      }
    }
    if (n == 0) {
      return Bn254Fp12.ONE;
    }
    // Per pair: -x_P / y_P and 1 / y_P (y_P != 0: G1 has no point of order 2).
    Bn254Fp[] yInverse = new Bn254Fp[n];
    for (int k = 0; k < n; k++) {
      yInverse[k] = ps[k].y();
    }
    Bn254Fp.batchInvert(yInverse, n);
    Bn254Fp[] xOverY = new Bn254Fp[n];
    for (int k = 0; k < n; k++) {
      xOverY[k] = ps[k].x().multiply(yInverse[k]).negate();
    }
    Loop loop = new Loop(n, qs, xOverY, yInverse);
    // For Q of order r no step meets infinity, a vertical chord or a tangent at y = 0: the
    // multiples of Q involved stay strictly between 1 and 6u + 2 < r (the tests also check the
    // two final additions).
    for (int i = LOOP.length - 2; i >= 0; i--) {
      if (i < LOOP.length - 2) {
        loop.f = loop.f.square();
      }
      loop.doubleStep();
      if (LOOP[i] != 0) {
        loop.addStep(qs, LOOP[i] < 0);
      }
    }
    // The lines to pi(Q) and -pi^2(Q): the p-power Frobenius of the untwisted point, twisted back.
    Bn254G2.Affine[] q1 = new Bn254G2.Affine[n];
    Bn254G2.Affine[] minusQ2 = new Bn254G2.Affine[n];
    for (int k = 0; k < n; k++) {
      q1[k] = new Bn254G2.Affine(qs[k].x().conjugate().multiply(FROBENIUS_X),
          qs[k].y().conjugate().multiply(FROBENIUS_Y));
      minusQ2[k] = new Bn254G2.Affine(qs[k].x().multiply(FROBENIUS2_X),
          qs[k].y().multiply(FROBENIUS2_Y).negate());
    }
    loop.addStep(q1, false);
    loop.addStep(minusQ2, false);
    return loop.f;
  }

  /** The running state: f and every pair's affine T. */
  private static final class Loop {
    private final int n;
    private final Bn254Fp[] xOverY;
    private final Bn254Fp[] yInverse;
    private final Bn254Fp2[] x;
    private final Bn254Fp2[] y;
    private final Bn254Fp2[] denominators;
    private Bn254Fp12 f = Bn254Fp12.ONE;

    Loop(int n, Bn254G2.Affine[] qs, Bn254Fp[] xOverY, Bn254Fp[] yInverse) {
      this.n = n;
      this.xOverY = xOverY;
      this.yInverse = yInverse;
      this.x = new Bn254Fp2[n];
      this.y = new Bn254Fp2[n];
      this.denominators = new Bn254Fp2[n];
      for (int k = 0; k < n; k++) {
        x[k] = qs[k].x();
        y[k] = qs[k].y();
      }
    }

    /** T = 2T with the tangent's slope 3x^2 / 2y, and f times the tangent, for every pair. */
    void doubleStep() {
      for (int k = 0; k < n; k++) {
        denominators[k] = y[k].doubled();
      }
      Bn254Fp2.batchInvert(denominators, n);
      for (int k = 0; k < n; k++) {
        Bn254Fp2 xx = x[k].square();
        Bn254Fp2 slope = xx.doubled().add(xx).multiply(denominators[k]);
        Bn254Fp2 x3 = slope.square().subtract(x[k].doubled());
        line(k, slope);
        y[k] = slope.multiply(x[k].subtract(x3)).subtract(y[k]);
        x[k] = x3;
      }
    }

    /** T = T + R (R = -R when {@code negate}) with the chord's slope, and f times the chord. */
    void addStep(Bn254G2.Affine[] rs, boolean negate) {
      for (int k = 0; k < n; k++) {
        denominators[k] = x[k].subtract(rs[k].x());
      }
      Bn254Fp2.batchInvert(denominators, n);
      for (int k = 0; k < n; k++) {
        Bn254Fp2 ry = negate ? rs[k].y().negate() : rs[k].y();
        Bn254Fp2 slope = y[k].subtract(ry).multiply(denominators[k]);
        Bn254Fp2 x3 = slope.square().subtract(x[k]).subtract(rs[k].x());
        line(k, slope);
        y[k] = slope.multiply(x[k].subtract(x3)).subtract(y[k]);
        x[k] = x3;
      }
    }

    /** f times 1 + slope (-x_P / y_P) w + (slope x - y) (1 / y_P) v w at the current T. */
    private void line(int k, Bn254Fp2 slope) {
      Bn254Fp2 r1 = slope.multiply(xOverY[k]);
      Bn254Fp2 r2 = slope.multiply(x[k]).subtract(y[k]).multiply(yInverse[k]);
      f = f.multiplyByNormalizedLine(r1, r2);
    }
  }
}

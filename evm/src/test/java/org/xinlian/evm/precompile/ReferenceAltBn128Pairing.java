package org.xinlian.evm.precompile;

import java.math.BigInteger;
import java.util.List;

/**
 * The optimal ate pairing on alt_bn128 (EIP-197), following the structure of the reference
 * implementation py_ecc: G2 is mapped into F_p^12 by the twist, the Miller loop runs over the
 * curve's ate parameter, and one final exponentiation covers the whole product.
 *
 * <p>Test reference, like {@link ReferenceAltBn128}: slow (tens of milliseconds per pairing) and
 * easy to check against py_ecc.
 */
final class ReferenceAltBn128Pairing {
  private ReferenceAltBn128Pairing() {}

  private static final BigInteger ATE_LOOP_COUNT = new BigInteger("29793968203157093288");
  private static final int LOG_ATE_LOOP_COUNT = 63;
  private static final BigInteger NINE = BigInteger.valueOf(9);

  /** A point over F_p^12; {@code null} is infinity. */
  private record Point(ReferenceFq12 x, ReferenceFq12 y) {}

  /** Whether the product of e(P_i, Q_i) is one; pairs with a point at infinity contribute one. */
  static boolean productIsOne(List<ReferenceAltBn128.G1> g1, List<ReferenceAltBn128.G2> g2) {
    ReferenceFq12 product = ReferenceFq12.ALT_BN128.one();
    for (int i = 0; i < g1.size(); i++) {
      if (g1.get(i) == null || g2.get(i) == null) {
        continue;
      }
      product = product.multiply(millerLoop(twist(g2.get(i)), cast(g1.get(i))));
    }
    return !product.isZero() && product.finalExponentiation(ReferenceAltBn128.ORDER).isOne();
  }

  /** The reduced pairing e(p, q) of two points other than infinity. */
  static ReferenceFq12 pairing(ReferenceAltBn128.G1 p, ReferenceAltBn128.G2 q) {
    return millerLoop(twist(q), cast(p)).finalExponentiation(ReferenceAltBn128.ORDER);
  }

  private static Point cast(ReferenceAltBn128.G1 point) {
    return new Point(ReferenceFq12.constant(ReferenceFq12.ALT_BN128, point.x()), ReferenceFq12.constant(ReferenceFq12.ALT_BN128, point.y()));
  }

  /** i = w^6 - 9, then x is divided by w^2 and y by w^3 (multiplied, in the py_ecc convention). */
  private static Point twist(ReferenceAltBn128.G2 point) {
    ReferenceAltBn128.Fq2 x = point.x();
    ReferenceAltBn128.Fq2 y = point.y();
    ReferenceFq12 nx = ReferenceFq12.monomial(ReferenceFq12.ALT_BN128, 2, x.a().subtract(x.b().multiply(NINE)))
        .add(ReferenceFq12.monomial(ReferenceFq12.ALT_BN128, 8, x.b()));
    ReferenceFq12 ny = ReferenceFq12.monomial(ReferenceFq12.ALT_BN128, 3, y.a().subtract(y.b().multiply(NINE)))
        .add(ReferenceFq12.monomial(ReferenceFq12.ALT_BN128, 9, y.b()));
    return new Point(nx, ny);
  }

  private static ReferenceFq12 line(Point p1, Point p2, Point t) {
    if (!p1.x().equals(p2.x())) {
      ReferenceFq12 slope = p2.y().subtract(p1.y()).multiply(p2.x().subtract(p1.x()).inverse());
      return slope.multiply(t.x().subtract(p1.x())).subtract(t.y().subtract(p1.y()));
    }
    if (p1.y().equals(p2.y())) {
      ReferenceFq12 slope = p1.x().multiply(p1.x()).multiply(BigInteger.valueOf(3))
          .multiply(p1.y().multiply(BigInteger.TWO).inverse());
      return slope.multiply(t.x().subtract(p1.x())).subtract(t.y().subtract(p1.y()));
    }
    return t.x().subtract(p1.x());
  }

  private static Point doublePoint(Point p) {
    ReferenceFq12 slope = p.x().multiply(p.x()).multiply(BigInteger.valueOf(3))
        .multiply(p.y().multiply(BigInteger.TWO).inverse());
    ReferenceFq12 x = slope.multiply(slope).subtract(p.x().multiply(BigInteger.TWO));
    ReferenceFq12 y = slope.multiply(p.x().subtract(x)).subtract(p.y());
    return new Point(x, y);
  }

  private static Point add(Point p1, Point p2) {
    if (p1 == null) {
      return p2;
    }
    if (p2 == null) {
      return p1;
    }
    if (p1.x().equals(p2.x())) {
      return p1.y().equals(p2.y()) ? doublePoint(p1) : null;
    }
    ReferenceFq12 slope = p2.y().subtract(p1.y()).multiply(p2.x().subtract(p1.x()).inverse());
    ReferenceFq12 x = slope.multiply(slope).subtract(p1.x()).subtract(p2.x());
    ReferenceFq12 y = slope.multiply(p1.x().subtract(x)).subtract(p1.y());
    return new Point(x, y);
  }

  /** The Miller loop without the final exponentiation. */
  private static ReferenceFq12 millerLoop(Point q, Point p) {
    Point r = q;
    ReferenceFq12 f = ReferenceFq12.ALT_BN128.one();
    for (int i = LOG_ATE_LOOP_COUNT; i >= 0; i--) {
      f = f.multiply(f).multiply(line(r, r, p));
      r = doublePoint(r);
      if (ATE_LOOP_COUNT.testBit(i)) {
        f = f.multiply(line(r, q, p));
        r = add(r, q);
      }
    }
    Point q1 = new Point(q.x().pow(ReferenceAltBn128.P), q.y().pow(ReferenceAltBn128.P));
    Point negativeQ2 = new Point(q1.x().pow(ReferenceAltBn128.P), q1.y().pow(ReferenceAltBn128.P).negate());
    f = f.multiply(line(r, q1, p));
    r = add(r, q1);
    f = f.multiply(line(r, negativeQ2, p));
    return f;
  }
}

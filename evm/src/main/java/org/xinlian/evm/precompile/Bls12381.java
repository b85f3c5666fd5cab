package org.xinlian.evm.precompile;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Optional;

/**
 * BLS12-381 as EIP-4844's point evaluation needs it: compressed point decoding (the ZCash
 * format), G1/G2 arithmetic in affine BigInteger coordinates, and a pairing-product check in the
 * py_ecc style shared with alt_bn128 ({@link Fq12}). {@code null} is the point at infinity.
 */
final class Bls12381 {
  private Bls12381() {}

  static final BigInteger P = new BigInteger(
      "1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaaab", 16);
  /** The subgroup order, also EIP-4844's BLS_MODULUS. */
  static final BigInteger ORDER = new BigInteger(
      "73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001", 16);
  private static final BigInteger HALF_P = P.subtract(BigInteger.ONE).shiftRight(1);
  private static final BigInteger FOUR = BigInteger.valueOf(4);
  static final Fq12.Tower TOWER = new Fq12.Tower(P, BigInteger.TWO, BigInteger.valueOf(-2));
  private static final BigInteger ATE_LOOP_COUNT = new BigInteger("d201000000010000", 16);

  record G1(BigInteger x, BigInteger y) {}

  /** a + b i with i^2 = -1. */
  record Fp2(BigInteger a, BigInteger b) {
    static final Fp2 ZERO = new Fp2(BigInteger.ZERO, BigInteger.ZERO);
    static final Fp2 ONE = new Fp2(BigInteger.ONE, BigInteger.ZERO);

    Fp2 add(Fp2 o) {
      return new Fp2(a.add(o.a).mod(P), b.add(o.b).mod(P));
    }

    Fp2 subtract(Fp2 o) {
      return new Fp2(a.subtract(o.a).mod(P), b.subtract(o.b).mod(P));
    }

    Fp2 multiply(Fp2 o) {
      return new Fp2(a.multiply(o.a).subtract(b.multiply(o.b)).mod(P),
          a.multiply(o.b).add(b.multiply(o.a)).mod(P));
    }

    Fp2 multiply(BigInteger k) {
      return new Fp2(a.multiply(k).mod(P), b.multiply(k).mod(P));
    }

    Fp2 inverse() {
      BigInteger norm = a.multiply(a).add(b.multiply(b)).mod(P).modInverse(P);
      return new Fp2(a.multiply(norm).mod(P), b.negate().multiply(norm).mod(P));
    }

    Fp2 pow(BigInteger exponent) {
      Fp2 result = ONE;
      for (int i = exponent.bitLength() - 1; i >= 0; i--) {
        result = result.multiply(result);
        if (exponent.testBit(i)) {
          result = result.multiply(this);
        }
      }
      return result;
    }

    boolean isZero() {
      return a.signum() == 0 && b.signum() == 0;
    }

    /** The ZCash sign: the larger of y and -y, comparing the imaginary part first. */
    boolean isLarger() {
      return b.signum() != 0 ? b.compareTo(HALF_P) > 0 : a.compareTo(HALF_P) > 0;
    }
  }

  record G2(Fp2 x, Fp2 y) {}

  private static final Fp2 TWIST_B = new Fp2(FOUR, FOUR);

  /** Decodes a 48-byte compressed G1 point in the subgroup; empty if invalid. */
  static Optional<Optional<G1>> decodeG1(byte[] bytes) {
    int flags = bytes[0] & 0xE0;
    if (bytes.length != 48 || (flags & 0x80) == 0) {
      return Optional.empty();
    }
    byte[] body = bytes.clone();
    body[0] &= 0x1F;
    BigInteger x = new BigInteger(1, body);
    if ((flags & 0x40) != 0) {
      return flags == 0xC0 && x.signum() == 0 ? Optional.of(Optional.empty()) : Optional.empty();
    }
    if (x.compareTo(P) >= 0) {
      return Optional.empty();
    }
    BigInteger right = x.pow(3).add(FOUR).mod(P);
    BigInteger y = right.modPow(P.add(BigInteger.ONE).shiftRight(2), P);
    if (!y.multiply(y).mod(P).equals(right)) {
      return Optional.empty();
    }
    if ((y.compareTo(HALF_P) > 0) != ((flags & 0x20) != 0)) {
      y = P.subtract(y);
    }
    G1 point = new G1(x, y);
    return multiply(point, ORDER) == null ? Optional.of(Optional.of(point)) : Optional.empty();
  }

  /** Decodes a 96-byte compressed G2 point (imaginary part first); empty if invalid. */
  static Optional<G2> decodeG2(byte[] bytes) {
    int flags = bytes[0] & 0xE0;
    if (bytes.length != 96 || (flags & 0x80) == 0 || (flags & 0x40) != 0) {
      return Optional.empty();
    }
    byte[] body = bytes.clone();
    body[0] &= 0x1F;
    Fp2 x = new Fp2(new BigInteger(1, Arrays.copyOfRange(body, 48, 96)),
        new BigInteger(1, Arrays.copyOfRange(body, 0, 48)));
    Fp2 right = x.multiply(x).multiply(x).add(TWIST_B);
    Optional<Fp2> root = sqrt(right);
    if (root.isEmpty()) {
      return Optional.empty();
    }
    Fp2 y = root.get();
    if (y.isLarger() != ((flags & 0x20) != 0)) {
      y = Fp2.ZERO.subtract(y);
    }
    return Optional.of(new G2(x, y));
  }

  /** Square root in F_p^2 for p = 3 mod 4 (Adj and Rodriguez-Henriquez, algorithm 9). */
  private static Optional<Fp2> sqrt(Fp2 value) {
    if (value.isZero()) {
      return Optional.of(Fp2.ZERO);
    }
    Fp2 a1 = value.pow(P.subtract(BigInteger.valueOf(3)).shiftRight(2));
    Fp2 alpha = a1.multiply(a1).multiply(value);
    Fp2 x0 = a1.multiply(value);
    Fp2 minusOne = new Fp2(P.subtract(BigInteger.ONE), BigInteger.ZERO);
    Fp2 root;
    if (alpha.equals(minusOne)) {
      root = new Fp2(x0.b().negate().mod(P), x0.a());
    } else {
      root = alpha.add(Fp2.ONE).pow(P.subtract(BigInteger.ONE).shiftRight(1)).multiply(x0);
    }
    return root.multiply(root).equals(value) ? Optional.of(root) : Optional.empty();
  }

  static G1 add(G1 p1, G1 p2) {
    if (p1 == null) {
      return p2;
    }
    if (p2 == null) {
      return p1;
    }
    BigInteger slope;
    if (p1.x().equals(p2.x())) {
      if (!p1.y().equals(p2.y()) || p1.y().signum() == 0) {
        return null;
      }
      slope = BigInteger.valueOf(3).multiply(p1.x()).multiply(p1.x())
          .multiply(p1.y().shiftLeft(1).modInverse(P)).mod(P);
    } else {
      slope = p2.y().subtract(p1.y()).multiply(p2.x().subtract(p1.x()).mod(P).modInverse(P)).mod(P);
    }
    BigInteger x = slope.multiply(slope).subtract(p1.x()).subtract(p2.x()).mod(P);
    return new G1(x, slope.multiply(p1.x().subtract(x)).subtract(p1.y()).mod(P));
  }

  static G1 multiply(G1 point, BigInteger scalar) {
    G1 result = null;
    for (int i = scalar.bitLength() - 1; i >= 0; i--) {
      result = add(result, result);
      if (scalar.testBit(i)) {
        result = add(result, point);
      }
    }
    return result;
  }

  static G2 add(G2 p1, G2 p2) {
    if (p1 == null) {
      return p2;
    }
    if (p2 == null) {
      return p1;
    }
    Fp2 slope;
    if (p1.x().equals(p2.x())) {
      if (!p1.y().equals(p2.y()) || p1.y().isZero()) {
        return null;
      }
      slope = p1.x().multiply(p1.x()).multiply(BigInteger.valueOf(3))
          .multiply(p1.y().multiply(BigInteger.TWO).inverse());
    } else {
      slope = p2.y().subtract(p1.y()).multiply(p2.x().subtract(p1.x()).inverse());
    }
    Fp2 x = slope.multiply(slope).subtract(p1.x()).subtract(p2.x());
    return new G2(x, slope.multiply(p1.x().subtract(x)).subtract(p1.y()));
  }

  static G2 multiply(G2 point, BigInteger scalar) {
    G2 result = null;
    for (int i = scalar.bitLength() - 1; i >= 0; i--) {
      result = add(result, result);
      if (scalar.testBit(i)) {
        result = add(result, point);
      }
    }
    return result;
  }

  static G2 negate(G2 point) {
    return point == null ? null : new G2(point.x(), Fp2.ZERO.subtract(point.y()));
  }

  /** Whether e(a1, b1) * e(a2, b2) is one. */
  static boolean pairingProductIsOne(G1 a1, G2 b1, G1 a2, G2 b2) {
    Fq12 product = TOWER.one();
    if (a1 != null && b1 != null) {
      product = product.multiply(Pairing.millerLoop(b1, a1));
    }
    if (a2 != null && b2 != null) {
      product = product.multiply(Pairing.millerLoop(b2, a2));
    }
    return !product.isZero() && product.finalExponentiation(ORDER).isOne();
  }

  /** The Miller loop over |x| of the BLS parameter, on G2 twisted into F_p^12 (M-twist). */
  private static final class Pairing {
    private static final Fq12 W2_INVERSE = Fq12.monomial(TOWER, 2, BigInteger.ONE).inverse();
    private static final Fq12 W3_INVERSE = Fq12.monomial(TOWER, 3, BigInteger.ONE).inverse();

    private record Point(Fq12 x, Fq12 y) {}

    static Fq12 millerLoop(G2 q, G1 p) {
      Point twisted = twist(q);
      Point cast = new Point(Fq12.constant(TOWER, p.x()), Fq12.constant(TOWER, p.y()));
      Point r = twisted;
      Fq12 f = TOWER.one();
      for (int i = ATE_LOOP_COUNT.bitLength() - 2; i >= 0; i--) {
        f = f.multiply(f).multiply(line(r, r, cast));
        r = doublePoint(r);
        if (ATE_LOOP_COUNT.testBit(i)) {
          f = f.multiply(line(r, twisted, cast));
          r = add(r, twisted);
        }
      }
      return f;
    }

    /** i = w^6 - 1; x is divided by w^2 and y by w^3. */
    private static Point twist(G2 q) {
      Fq12 nx = Fq12.monomial(TOWER, 0, q.x().a().subtract(q.x().b()))
          .add(Fq12.monomial(TOWER, 6, q.x().b()));
      Fq12 ny = Fq12.monomial(TOWER, 0, q.y().a().subtract(q.y().b()))
          .add(Fq12.monomial(TOWER, 6, q.y().b()));
      return new Point(nx.multiply(W2_INVERSE), ny.multiply(W3_INVERSE));
    }

    private static Fq12 line(Point p1, Point p2, Point t) {
      if (!p1.x().equals(p2.x())) {
        Fq12 slope = p2.y().subtract(p1.y()).multiply(p2.x().subtract(p1.x()).inverse());
        return slope.multiply(t.x().subtract(p1.x())).subtract(t.y().subtract(p1.y()));
      }
      if (p1.y().equals(p2.y())) {
        Fq12 slope = p1.x().multiply(p1.x()).multiply(BigInteger.valueOf(3))
            .multiply(p1.y().multiply(BigInteger.TWO).inverse());
        return slope.multiply(t.x().subtract(p1.x())).subtract(t.y().subtract(p1.y()));
      }
      return t.x().subtract(p1.x());
    }

    private static Point doublePoint(Point p) {
      Fq12 slope = p.x().multiply(p.x()).multiply(BigInteger.valueOf(3))
          .multiply(p.y().multiply(BigInteger.TWO).inverse());
      Fq12 x = slope.multiply(slope).subtract(p.x().multiply(BigInteger.TWO));
      return new Point(x, slope.multiply(p.x().subtract(x)).subtract(p.y()));
    }

    private static Point add(Point p1, Point p2) {
      if (p1.x().equals(p2.x())) {
        return doublePoint(p1);
      }
      Fq12 slope = p2.y().subtract(p1.y()).multiply(p2.x().subtract(p1.x()).inverse());
      Fq12 x = slope.multiply(slope).subtract(p1.x()).subtract(p2.x());
      return new Point(x, slope.multiply(p1.x().subtract(x)).subtract(p1.y()));
    }
  }
}

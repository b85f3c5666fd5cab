package org.xinlian.evm.precompile;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Optional;

/**
 * The alt_bn128 (BN254) curve of EIP-196/197: y^2 = x^3 + 3 over F_p for G1, and its sextic twist
 * over F_p^2 for G2. Points are affine BigInteger pairs; {@code null} is the point at infinity.
 *
 * <p>Test reference: the straightforward implementation the precompiles used before the
 * Montgomery-form {@code Bn254*} classes, kept as the oracle the property tests compare with.
 */
final class ReferenceAltBn128 {
  private ReferenceAltBn128() {}

  static final BigInteger P =
      new BigInteger("21888242871839275222246405745257275088696311157297823662689037894645226208583");
  static final BigInteger ORDER =
      new BigInteger("21888242871839275222246405745257275088548364400416034343698204186575808495617");
  private static final BigInteger THREE = BigInteger.valueOf(3);

  /** A G1 point. */
  record G1(BigInteger x, BigInteger y) {}

  /** An element a + b i of F_p^2 with i^2 = -1. */
  record Fq2(BigInteger a, BigInteger b) {
    static final Fq2 ZERO = new Fq2(BigInteger.ZERO, BigInteger.ZERO);
    static final Fq2 ONE = new Fq2(BigInteger.ONE, BigInteger.ZERO);

    Fq2 add(Fq2 o) {
      return new Fq2(a.add(o.a).mod(P), b.add(o.b).mod(P));
    }

    Fq2 subtract(Fq2 o) {
      return new Fq2(a.subtract(o.a).mod(P), b.subtract(o.b).mod(P));
    }

    Fq2 multiply(Fq2 o) {
      return new Fq2(
          a.multiply(o.a).subtract(b.multiply(o.b)).mod(P),
          a.multiply(o.b).add(b.multiply(o.a)).mod(P));
    }

    Fq2 multiply(BigInteger k) {
      return new Fq2(a.multiply(k).mod(P), b.multiply(k).mod(P));
    }

    Fq2 inverse() {
      BigInteger norm = a.multiply(a).add(b.multiply(b)).mod(P).modInverse(P);
      return new Fq2(a.multiply(norm).mod(P), b.negate().multiply(norm).mod(P));
    }

    boolean isZero() {
      return a.signum() == 0 && b.signum() == 0;
    }
  }

  /** A G2 point on the twist y^2 = x^3 + 3 / (9 + i). */
  record G2(Fq2 x, Fq2 y) {}

  static final Fq2 TWIST_B = new Fq2(THREE, BigInteger.ZERO).multiply(new Fq2(BigInteger.valueOf(9), BigInteger.ONE).inverse());

  static BigInteger word(byte[] input, int offset) {
    byte[] out = new byte[32];
    if (offset < input.length) {
      System.arraycopy(input, offset, out, 0, Math.min(32, input.length - offset));
    }
    return new BigInteger(1, out);
  }

  /** Parses a G1 point; empty if a coordinate is not below p or the point is off the curve. */
  static Optional<Optional<G1>> parseG1(byte[] input, int offset) {
    BigInteger x = word(input, offset);
    BigInteger y = word(input, offset + 32);
    if (x.compareTo(P) >= 0 || y.compareTo(P) >= 0) {
      return Optional.empty();
    }
    if (x.signum() == 0 && y.signum() == 0) {
      return Optional.of(Optional.empty());
    }
    boolean onCurve = y.multiply(y).subtract(x.pow(3)).subtract(THREE).mod(P).signum() == 0;
    return onCurve ? Optional.of(Optional.of(new G1(x, y))) : Optional.empty();
  }

  /** Parses a G2 point (imaginary parts first, as EIP-197 orders them) and checks the subgroup. */
  static Optional<Optional<G2>> parseG2(byte[] input, int offset) {
    BigInteger xImaginary = word(input, offset);
    BigInteger xReal = word(input, offset + 32);
    BigInteger yImaginary = word(input, offset + 64);
    BigInteger yReal = word(input, offset + 96);
    for (BigInteger v : new BigInteger[] {xImaginary, xReal, yImaginary, yReal}) {
      if (v.compareTo(P) >= 0) {
        return Optional.empty();
      }
    }
    Fq2 x = new Fq2(xReal, xImaginary);
    Fq2 y = new Fq2(yReal, yImaginary);
    if (x.isZero() && y.isZero()) {
      return Optional.of(Optional.empty());
    }
    boolean onCurve = y.multiply(y).subtract(x.multiply(x).multiply(x)).subtract(TWIST_B).isZero();
    if (!onCurve) {
      return Optional.empty();
    }
    G2 point = new G2(x, y);
    return multiplyG2(point, ORDER) == null ? Optional.of(Optional.of(point)) : Optional.empty();
  }

  static byte[] encode(G1 point) {
    byte[] out = new byte[64];
    if (point != null) {
      put(out, 0, point.x());
      put(out, 32, point.y());
    }
    return out;
  }

  private static void put(byte[] out, int offset, BigInteger value) {
    byte[] bytes = value.toByteArray();
    int length = Math.min(bytes.length, 32);
    System.arraycopy(bytes, bytes.length - length, out, offset + 32 - length, length);
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
      slope = THREE.multiply(p1.x()).multiply(p1.x())
          .multiply(p1.y().shiftLeft(1).modInverse(P)).mod(P);
    } else {
      slope = p2.y().subtract(p1.y()).multiply(p2.x().subtract(p1.x()).mod(P).modInverse(P)).mod(P);
    }
    BigInteger x = slope.multiply(slope).subtract(p1.x()).subtract(p2.x()).mod(P);
    BigInteger y = slope.multiply(p1.x().subtract(x)).subtract(p1.y()).mod(P);
    return new G1(x, y);
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

  static G2 addG2(G2 p1, G2 p2) {
    if (p1 == null) {
      return p2;
    }
    if (p2 == null) {
      return p1;
    }
    Fq2 slope;
    if (p1.x().equals(p2.x())) {
      if (!p1.y().equals(p2.y()) || p1.y().isZero()) {
        return null;
      }
      slope = p1.x().multiply(p1.x()).multiply(THREE).multiply(p1.y().multiply(BigInteger.TWO).inverse());
    } else {
      slope = p2.y().subtract(p1.y()).multiply(p2.x().subtract(p1.x()).inverse());
    }
    Fq2 x = slope.multiply(slope).subtract(p1.x()).subtract(p2.x());
    Fq2 y = slope.multiply(p1.x().subtract(x)).subtract(p1.y());
    return new G2(x, y);
  }

  static G2 multiplyG2(G2 point, BigInteger scalar) {
    G2 result = null;
    for (int i = scalar.bitLength() - 1; i >= 0; i--) {
      result = addG2(result, result);
      if (scalar.testBit(i)) {
        result = addG2(result, point);
      }
    }
    return result;
  }

  static byte[] copy(byte[] input, int length) {
    return Arrays.copyOf(input, Math.max(length, input.length));
  }
}

package org.xinlian.evm.precompile;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * The degree-12 extension of alt_bn128's base field as polynomials in w modulo
 * w^12 - 18 w^6 + 82 (the representation of EIP-197's reference, py_ecc): simple to check, and
 * fast enough with BigInteger for the precompile's few pairings per call.
 */
final class Fq12 {
  static final BigInteger P = AltBn128.P;
  private static final int DEGREE = 12;
  private static final BigInteger EIGHTEEN = BigInteger.valueOf(18);
  private static final BigInteger EIGHTY_TWO = BigInteger.valueOf(82);
  /** Coefficients of the modulus polynomial, lowest first, including the leading 1. */
  private static final BigInteger[] MODULUS = modulus();
  static final Fq12 ONE = constant(BigInteger.ONE);
  static final Fq12 ZERO = constant(BigInteger.ZERO);

  final BigInteger[] c;

  Fq12(BigInteger[] coefficients) {
    this.c = coefficients;
  }

  private static BigInteger[] modulus() {
    BigInteger[] m = new BigInteger[DEGREE + 1];
    Arrays.fill(m, BigInteger.ZERO);
    m[0] = EIGHTY_TWO;
    m[6] = P.subtract(EIGHTEEN);
    m[12] = BigInteger.ONE;
    return m;
  }

  static Fq12 constant(BigInteger value) {
    BigInteger[] c = new BigInteger[DEGREE];
    Arrays.fill(c, BigInteger.ZERO);
    c[0] = value.mod(P);
    return new Fq12(c);
  }

  /** The element with a single non-zero coefficient at {@code power} of w. */
  static Fq12 monomial(int power, BigInteger value) {
    BigInteger[] c = new BigInteger[DEGREE];
    Arrays.fill(c, BigInteger.ZERO);
    c[power] = value.mod(P);
    return new Fq12(c);
  }

  Fq12 add(Fq12 other) {
    BigInteger[] r = new BigInteger[DEGREE];
    for (int i = 0; i < DEGREE; i++) {
      r[i] = c[i].add(other.c[i]).mod(P);
    }
    return new Fq12(r);
  }

  Fq12 subtract(Fq12 other) {
    BigInteger[] r = new BigInteger[DEGREE];
    for (int i = 0; i < DEGREE; i++) {
      r[i] = c[i].subtract(other.c[i]).mod(P);
    }
    return new Fq12(r);
  }

  Fq12 negate() {
    return ZERO.subtract(this);
  }

  Fq12 multiply(BigInteger scalar) {
    BigInteger[] r = new BigInteger[DEGREE];
    for (int i = 0; i < DEGREE; i++) {
      r[i] = c[i].multiply(scalar).mod(P);
    }
    return new Fq12(r);
  }

  Fq12 multiply(Fq12 other) {
    BigInteger[] product = new BigInteger[2 * DEGREE - 1];
    Arrays.fill(product, BigInteger.ZERO);
    for (int i = 0; i < DEGREE; i++) {
      if (c[i].signum() == 0) {
        continue;
      }
      for (int j = 0; j < DEGREE; j++) {
        product[i + j] = product[i + j].add(c[i].multiply(other.c[j]));
      }
    }
    // w^12 = 18 w^6 - 82
    for (int k = 2 * DEGREE - 2; k >= DEGREE; k--) {
      BigInteger top = product[k].mod(P);
      product[k - 6] = product[k - 6].add(top.multiply(EIGHTEEN));
      product[k - 12] = product[k - 12].subtract(top.multiply(EIGHTY_TWO));
    }
    BigInteger[] r = new BigInteger[DEGREE];
    for (int i = 0; i < DEGREE; i++) {
      r[i] = product[i].mod(P);
    }
    return new Fq12(r);
  }

  Fq12 pow(BigInteger exponent) {
    Fq12 result = ONE;
    for (int i = exponent.bitLength() - 1; i >= 0; i--) {
      result = result.multiply(result);
      if (exponent.testBit(i)) {
        result = result.multiply(this);
      }
    }
    return result;
  }

  /** Inverse by the extended Euclidean algorithm over F_p[w]. */
  Fq12 inverse() {
    BigInteger[] lowCoefficients = Arrays.copyOf(c, DEGREE + 1);
    lowCoefficients[DEGREE] = BigInteger.ZERO;
    BigInteger[] low = lowCoefficients;
    BigInteger[] high = MODULUS.clone();
    BigInteger[] lm = zeros(DEGREE + 1);
    lm[0] = BigInteger.ONE;
    BigInteger[] hm = zeros(DEGREE + 1);
    while (degree(low) > 0) {
      BigInteger[] quotient = divide(high, low);
      BigInteger[] nm = hm.clone();
      BigInteger[] next = high.clone();
      for (int i = 0; i <= DEGREE; i++) {
        for (int j = 0; j + i <= DEGREE; j++) {
          if (quotient[j].signum() == 0) {
            continue;
          }
          nm[i + j] = nm[i + j].subtract(lm[i].multiply(quotient[j])).mod(P);
          next[i + j] = next[i + j].subtract(low[i].multiply(quotient[j])).mod(P);
        }
      }
      hm = lm;
      high = low;
      lm = nm;
      low = next;
    }
    BigInteger scale = low[0].modInverse(P);
    BigInteger[] r = new BigInteger[DEGREE];
    for (int i = 0; i < DEGREE; i++) {
      r[i] = lm[i].multiply(scale).mod(P);
    }
    return new Fq12(r);
  }

  private static BigInteger[] zeros(int length) {
    BigInteger[] r = new BigInteger[length];
    Arrays.fill(r, BigInteger.ZERO);
    return r;
  }

  private static int degree(BigInteger[] polynomial) {
    int d = polynomial.length - 1;
    while (d > 0 && polynomial[d].signum() == 0) {
      d--;
    }
    return d;
  }

  /** Polynomial quotient of a by b (b non-zero), padded to DEGREE + 1 coefficients. */
  private static BigInteger[] divide(BigInteger[] a, BigInteger[] b) {
    int degreeA = degree(a);
    int degreeB = degree(b);
    BigInteger[] remainder = a.clone();
    BigInteger[] quotient = zeros(DEGREE + 1);
    BigInteger leadInverse = b[degreeB].modInverse(P);
    for (int i = degreeA - degreeB; i >= 0; i--) {
      BigInteger factor = remainder[degreeB + i].multiply(leadInverse).mod(P);
      quotient[i] = factor;
      for (int k = 0; k <= degreeB; k++) {
        remainder[k + i] = remainder[k + i].subtract(b[k].multiply(factor)).mod(P);
      }
    }
    return quotient;
  }

  boolean isOne() {
    return equals(ONE);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Fq12 && Arrays.equals(c, ((Fq12) other).c);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(c);
  }
}

package org.xinlian.evm.precompile;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A degree-12 extension field as polynomials in w modulo w^12 - a w^6 - b (the representation
 * of the pairing references, py_ecc): alt_bn128 uses w^12 = 18 w^6 - 82, BLS12-381 uses
 * w^12 = 2 w^6 - 2. Simple to check, and fast enough with BigInteger for a few pairings per call.
 *
 * <p>A test-scope copy of the production {@code Fq12} (which BLS12-381 code uses), so that the
 * alt_bn128 reference does not depend on production code that may be replaced.
 */
final class ReferenceFq12 {
  private static final int DEGREE = 12;

  /** The base prime and the reduction w^12 = sixth * w^6 + constant. */
  record Tower(BigInteger p, BigInteger sixth, BigInteger constant) {
    /** Coefficients of the modulus polynomial, lowest first, including the leading 1. */
    BigInteger[] modulus() {
      BigInteger[] m = new BigInteger[DEGREE + 1];
      Arrays.fill(m, BigInteger.ZERO);
      m[0] = constant.negate().mod(p);
      m[6] = sixth.negate().mod(p);
      m[12] = BigInteger.ONE;
      return m;
    }

    ReferenceFq12 one() {
      return ReferenceFq12.constant(this, BigInteger.ONE);
    }
  }

  static final Tower ALT_BN128 = new Tower(ReferenceAltBn128.P, BigInteger.valueOf(18), BigInteger.valueOf(-82));

  final Tower tower;
  final BigInteger[] c;
  private final BigInteger p;

  ReferenceFq12(Tower tower, BigInteger[] coefficients) {
    this.tower = tower;
    this.c = coefficients;
    this.p = tower.p();
  }

  static ReferenceFq12 constant(Tower tower, BigInteger value) {
    BigInteger[] c = new BigInteger[DEGREE];
    Arrays.fill(c, BigInteger.ZERO);
    c[0] = value.mod(tower.p());
    return new ReferenceFq12(tower, c);
  }

  /** The element with a single non-zero coefficient at {@code power} of w. */
  static ReferenceFq12 monomial(Tower tower, int power, BigInteger value) {
    BigInteger[] c = new BigInteger[DEGREE];
    Arrays.fill(c, BigInteger.ZERO);
    c[power] = value.mod(tower.p());
    return new ReferenceFq12(tower, c);
  }

  ReferenceFq12 add(ReferenceFq12 other) {
    BigInteger[] r = new BigInteger[DEGREE];
    for (int i = 0; i < DEGREE; i++) {
      r[i] = c[i].add(other.c[i]).mod(p);
    }
    return new ReferenceFq12(tower, r);
  }

  ReferenceFq12 subtract(ReferenceFq12 other) {
    BigInteger[] r = new BigInteger[DEGREE];
    for (int i = 0; i < DEGREE; i++) {
      r[i] = c[i].subtract(other.c[i]).mod(p);
    }
    return new ReferenceFq12(tower, r);
  }

  ReferenceFq12 negate() {
    return constant(tower, BigInteger.ZERO).subtract(this);
  }

  ReferenceFq12 multiply(BigInteger scalar) {
    BigInteger[] r = new BigInteger[DEGREE];
    for (int i = 0; i < DEGREE; i++) {
      r[i] = c[i].multiply(scalar).mod(p);
    }
    return new ReferenceFq12(tower, r);
  }

  ReferenceFq12 multiply(ReferenceFq12 other) {
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
    for (int k = 2 * DEGREE - 2; k >= DEGREE; k--) {
      BigInteger top = product[k].mod(p);
      product[k - 6] = product[k - 6].add(top.multiply(tower.sixth()));
      product[k - 12] = product[k - 12].add(top.multiply(tower.constant()));
    }
    BigInteger[] r = new BigInteger[DEGREE];
    for (int i = 0; i < DEGREE; i++) {
      r[i] = product[i].mod(p);
    }
    return new ReferenceFq12(tower, r);
  }

  ReferenceFq12 pow(BigInteger exponent) {
    ReferenceFq12 result = tower.one();
    for (int i = exponent.bitLength() - 1; i >= 0; i--) {
      result = result.multiply(result);
      if (exponent.testBit(i)) {
        result = result.multiply(this);
      }
    }
    return result;
  }

  /** Inverse by the extended Euclidean algorithm over F_p[w]. */
  ReferenceFq12 inverse() {
    BigInteger[] lowCoefficients = Arrays.copyOf(c, DEGREE + 1);
    lowCoefficients[DEGREE] = BigInteger.ZERO;
    BigInteger[] low = lowCoefficients;
    BigInteger[] high = tower.modulus();
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
          nm[i + j] = nm[i + j].subtract(lm[i].multiply(quotient[j])).mod(p);
          next[i + j] = next[i + j].subtract(low[i].multiply(quotient[j])).mod(p);
        }
      }
      hm = lm;
      high = low;
      lm = nm;
      low = next;
    }
    BigInteger scale = low[0].modInverse(p);
    BigInteger[] r = new BigInteger[DEGREE];
    for (int i = 0; i < DEGREE; i++) {
      r[i] = lm[i].multiply(scale).mod(p);
    }
    return new ReferenceFq12(tower, r);
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
  private BigInteger[] divide(BigInteger[] a, BigInteger[] b) {
    int degreeA = degree(a);
    int degreeB = degree(b);
    BigInteger[] remainder = a.clone();
    BigInteger[] quotient = zeros(DEGREE + 1);
    BigInteger leadInverse = b[degreeB].modInverse(p);
    for (int i = degreeA - degreeB; i >= 0; i--) {
      BigInteger factor = remainder[degreeB + i].multiply(leadInverse).mod(p);
      quotient[i] = factor;
      for (int k = 0; k <= degreeB; k++) {
        remainder[k + i] = remainder[k + i].subtract(b[k].multiply(factor)).mod(p);
      }
    }
    return quotient;
  }

  /** (w^i)^p for each i, per tower: the Frobenius map on the basis. */
  private static final Map<Tower, ReferenceFq12[]> FROBENIUS_IMAGES = new ConcurrentHashMap<>();

  /** this^p: coefficients lie in F_p, so only the basis moves. */
  ReferenceFq12 frobenius() {
    ReferenceFq12[] images = FROBENIUS_IMAGES.computeIfAbsent(tower, t -> {
      ReferenceFq12[] out = new ReferenceFq12[DEGREE];
      for (int i = 0; i < DEGREE; i++) {
        out[i] = monomial(t, i, BigInteger.ONE).pow(t.p());
      }
      return out;
    });
    ReferenceFq12 result = constant(tower, BigInteger.ZERO);
    for (int i = 0; i < DEGREE; i++) {
      if (c[i].signum() != 0) {
        result = result.add(images[i].multiply(c[i]));
      }
    }
    return result;
  }

  private ReferenceFq12 frobenius(int times) {
    ReferenceFq12 result = this;
    for (int i = 0; i < times; i++) {
      result = result.frobenius();
    }
    return result;
  }

  /**
   * this^((p^12 - 1) / order) for a non-zero element, split as (p^6 - 1)(p^2 + 1) times
   * (p^4 - p^2 + 1) / order: the first two factors are Frobenius maps, which leaves a third of
   * the exponent to square-and-multiply.
   */
  ReferenceFq12 finalExponentiation(BigInteger order) {
    ReferenceFq12 easy = frobenius(6).multiply(inverse());
    easy = easy.frobenius(2).multiply(easy);
    BigInteger p2 = p.multiply(p);
    BigInteger hard = p2.multiply(p2).subtract(p2).add(BigInteger.ONE).divide(order);
    return easy.pow(hard);
  }

  boolean isZero() {
    for (BigInteger coefficient : c) {
      if (coefficient.signum() != 0) {
        return false;
      }
    }
    return true;
  }

  boolean isOne() {
    return equals(tower.one());
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ReferenceFq12 && Arrays.equals(c, ((ReferenceFq12) other).c);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(c);
  }
}

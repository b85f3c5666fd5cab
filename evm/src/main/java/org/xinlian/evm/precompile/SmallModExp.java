package org.xinlian.evm.precompile;

import java.math.BigInteger;

/**
 * {@code base^exponent mod modulus} for a modulus of at most 64 bits, in {@code long}s without
 * allocating: the cheapest MODEXP calls by gas (EIP-2565 charges a third of a gas per exponent
 * bit below 9 bytes of modulus), where BigInteger's per-call overhead made a 1 KiB exponent
 * barely reach the 20 Mgas/s floor (docs/spec/evm.md EVM-15).
 *
 * <p>An odd modulus uses Montgomery multiplication with R = 2^64 and a 4-bit fixed window. An
 * even modulus {@code q * 2^k} is split: the odd part by Montgomery, the power of two by plain
 * 64-bit multiplication (exact modulo 2^64, so modulo 2^k), joined by the Chinese remainder
 * theorem. All values are unsigned 64-bit numbers.
 */
final class SmallModExp {
  private static final int WINDOW_BITS = 4;
  private static final int WINDOW_SIZE = 1 << WINDOW_BITS;
  private static final BigInteger TWO_128 = BigInteger.ONE.shiftLeft(128);
  private static final BigInteger UNSIGNED_LONG_MASK = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  private SmallModExp() {}

  /**
   * @param base any non-negative number
   * @param exponent big-endian, any length
   * @param modulus at least 1 and below 2^64
   * @return the result, an unsigned value below the modulus
   */
  static long modPow(BigInteger base, byte[] exponent, BigInteger modulus) {
    long m = modulus.longValue();
    if (m == 1) {
      return 0;
    }
    int twos = Long.numberOfTrailingZeros(m);
    long odd = m >>> twos;
    long b = base.mod(modulus).longValue();
    if (twos == 0) {
      return oddModPow(b, exponent, odd);
    }
    long mask = (1L << twos) - 1;
    long powerOfTwoPart = wrappingPow(b, exponent) & mask;
    if (odd == 1) {
      return powerOfTwoPart;
    }
    long oddPart = oddModPow(Long.remainderUnsigned(b, odd), exponent, odd);
    // x = oddPart + odd * t with t = (powerOfTwoPart - oddPart) / odd mod 2^twos: x < odd * 2^twos.
    long t = ((powerOfTwoPart - oddPart) * inverse(odd)) & mask;
    return oddPart + odd * t;
  }

  /** {@code b^e mod 2^64}: two's-complement multiplication wraps exactly there. */
  private static long wrappingPow(long b, byte[] exponent) {
    long result = 1;
    for (byte value : exponent) {
      for (int bit = 7; bit >= 0; bit--) {
        result *= result;
        if (((value >>> bit) & 1) != 0) {
          result *= b;
        }
      }
    }
    return result;
  }

  /** {@code b^e mod q} for odd q > 1 and b < q, by Montgomery multiplication. */
  static long oddModPow(long b, byte[] exponent, long q) {
    long qInverseNegated = -inverse(q);
    BigInteger modulus = unsigned(q);
    long rSquared = TWO_128.mod(modulus).longValue();
    long one = BigInteger.ONE.shiftLeft(64).mod(modulus).longValue();
    long[] powers = new long[WINDOW_SIZE];
    powers[0] = one;
    powers[1] = montgomery(b, rSquared, q, qInverseNegated);
    for (int i = 2; i < WINDOW_SIZE; i++) {
      powers[i] = montgomery(powers[i - 1], powers[1], q, qInverseNegated);
    }
    long result = one;
    for (byte value : exponent) {
      for (int shift = 8 - WINDOW_BITS; shift >= 0; shift -= WINDOW_BITS) {
        for (int i = 0; i < WINDOW_BITS; i++) {
          result = montgomery(result, result, q, qInverseNegated);
        }
        int window = (value >>> shift) & (WINDOW_SIZE - 1);
        if (window != 0) {
          result = montgomery(result, powers[window], q, qInverseNegated);
        }
      }
    }
    return montgomery(result, 1, q, qInverseNegated);
  }

  /**
   * {@code a * b / 2^64 mod q} for a, b below q (REDC). The sum before the final subtraction is
   * below 2q, which may not fit 64 bits when q > 2^63, so its carry is tracked.
   */
  static long montgomery(long a, long b, long q, long qInverseNegated) {
    long low = a * b;
    long high = unsignedMultiplyHigh(a, b);
    long m = low * qInverseNegated;
    long mqHigh = unsignedMultiplyHigh(m, q);
    // low + m * q is 0 mod 2^64 by the choice of m: it carries exactly when low is not 0.
    long carry = low == 0 ? 0 : 1;
    long sum = high + mqHigh;
    boolean overflow = Long.compareUnsigned(sum, high) < 0;
    long result = sum + carry;
    overflow |= carry == 1 && result == 0;
    if (overflow || Long.compareUnsigned(result, q) >= 0) {
      result -= q;
    }
    return result;
  }

  /** The inverse of odd {@code a} modulo 2^64 by Newton's iteration (each step doubles the bits). */
  static long inverse(long a) {
    long x = a; // correct to 3 bits: a * a = 1 mod 8 for odd a
    for (int i = 0; i < 5; i++) {
      x *= 2 - a * x;
    }
    return x;
  }

  /** The high 64 bits of the unsigned 128-bit product (Math.unsignedMultiplyHigh is Java 18). */
  static long unsignedMultiplyHigh(long a, long b) {
    return Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
  }

  static BigInteger unsigned(long value) {
    return BigInteger.valueOf(value).and(UNSIGNED_LONG_MASK);
  }
}

package org.xinlian.evm.word;

/**
 * Unsigned multi-word division (Knuth, TAOCP vol. 2, 4.3.1 algorithm D, as laid out in Hacker's
 * Delight "divmnu") on little-endian 32-bit limbs, so DIV, MOD, ADDMOD and MULMOD on wide operands
 * need no BigInteger.
 */
final class Division {
  private static final long MASK = 0xFFFF_FFFFL;
  private static final long BASE = 1L << 32;

  private Division() {}

  static int[] limbs(UInt256 value) {
    return new int[] {
      (int) value.l0, (int) (value.l0 >>> 32), (int) value.l1, (int) (value.l1 >>> 32),
      (int) value.l2, (int) (value.l2 >>> 32), (int) value.l3, (int) (value.l3 >>> 32)
    };
  }

  /** The low 256 bits of little-endian limbs. */
  static UInt256 word(int[] limbs) {
    long[] out = new long[4];
    for (int i = 0; i < Math.min(8, limbs.length); i++) {
      out[i >>> 1] |= (limbs[i] & MASK) << ((i & 1) * 32);
    }
    return UInt256.of(out[0], out[1], out[2], out[3]);
  }

  private static int significantLimbs(int[] limbs) {
    int n = limbs.length;
    while (n > 0 && limbs[n - 1] == 0) {
      n--;
    }
    return n;
  }

  /** The remainder of {@code numerator} (any number of limbs) by a non-zero {@code divisor}. */
  static UInt256 remainder(int[] numerator, int[] divisor) {
    int[] remainder = new int[divisor.length];
    divide(numerator, divisor, null, remainder);
    return word(remainder);
  }

  /** The quotient of {@code numerator} by a non-zero {@code divisor}, truncated to 256 bits. */
  static UInt256 quotient(int[] numerator, int[] divisor) {
    int[] quotient = new int[numerator.length];
    divide(numerator, divisor, quotient, null);
    return word(quotient);
  }

  /** Fills {@code quotient} and/or {@code remainder} (either may be null). */
  private static void divide(int[] u, int[] v, int[] quotient, int[] remainder) {
    int m = significantLimbs(u);
    int n = significantLimbs(v);
    if (m < n) {
      if (remainder != null) {
        System.arraycopy(u, 0, remainder, 0, m);
      }
      return;
    }
    int[] q = quotient != null ? quotient : new int[m];
    if (n == 1) {
      long divisor = v[0] & MASK;
      long rest = 0;
      for (int j = m - 1; j >= 0; j--) {
        long current = (rest << 32) | (u[j] & MASK);
        q[j] = (int) Long.divideUnsigned(current, divisor);
        rest = Long.remainderUnsigned(current, divisor);
      }
      if (remainder != null) {
        remainder[0] = (int) rest;
      }
      return;
    }
    int shift = Integer.numberOfLeadingZeros(v[n - 1]);
    int[] vn = new int[n];
    for (int i = n - 1; i > 0; i--) {
      vn[i] = (v[i] << shift) | (shift == 0 ? 0 : v[i - 1] >>> (32 - shift));
    }
    vn[0] = v[0] << shift;
    int[] un = new int[m + 1];
    un[m] = shift == 0 ? 0 : u[m - 1] >>> (32 - shift);
    for (int i = m - 1; i > 0; i--) {
      un[i] = (u[i] << shift) | (shift == 0 ? 0 : u[i - 1] >>> (32 - shift));
    }
    un[0] = u[0] << shift;
    long top = vn[n - 1] & MASK;
    long second = vn[n - 2] & MASK;
    for (int j = m - n; j >= 0; j--) {
      long numerator = ((un[j + n] & MASK) << 32) | (un[j + n - 1] & MASK);
      long estimate = Long.divideUnsigned(numerator, top);
      long rest = Long.remainderUnsigned(numerator, top);
      while (estimate >= BASE
          || Long.compareUnsigned(estimate * second, (rest << 32) | (un[j + n - 2] & MASK)) > 0) {
        estimate--;
        rest += top;
        if (rest >= BASE) {
          break;
        }
      }
      long borrow = 0;
      long t;
      for (int i = 0; i < n; i++) {
        long product = estimate * (vn[i] & MASK);
        t = (un[i + j] & MASK) - borrow - (product & MASK);
        un[i + j] = (int) t;
        borrow = (product >>> 32) - (t >> 32);
      }
      t = (un[j + n] & MASK) - borrow;
      un[j + n] = (int) t;
      q[j] = (int) estimate;
      if (t < 0) {
        q[j]--;
        long carry = 0;
        for (int i = 0; i < n; i++) {
          t = (un[i + j] & MASK) + (vn[i] & MASK) + carry;
          un[i + j] = (int) t;
          carry = t >>> 32;
        }
        un[j + n] += (int) carry;
      }
    }
    if (remainder != null) {
      for (int i = 0; i < n; i++) {
        remainder[i] = (un[i] >>> shift) | (shift == 0 ? 0 : un[i + 1] << (32 - shift));
      }
    }
  }

  /** The full 512-bit product as 16 little-endian limbs. */
  static int[] product(UInt256 a, UInt256 b) {
    int[] x = limbs(a);
    int[] y = limbs(b);
    int[] out = new int[16];
    for (int i = 0; i < 8; i++) {
      long carry = 0;
      long xi = x[i] & MASK;
      if (xi == 0) {
        continue;
      }
      for (int j = 0; j < 8; j++) {
        long t = xi * (y[j] & MASK) + (out[i + j] & MASK) + carry;
        out[i + j] = (int) t;
        carry = t >>> 32;
      }
      out[i + 8] = (int) carry;
    }
    return out;
  }

  /** The 257-bit sum as 9 little-endian limbs. */
  static int[] sum(UInt256 a, UInt256 b) {
    int[] x = limbs(a);
    int[] y = limbs(b);
    int[] out = new int[9];
    long carry = 0;
    for (int i = 0; i < 8; i++) {
      long t = (x[i] & MASK) + (y[i] & MASK) + carry;
      out[i] = (int) t;
      carry = t >>> 32;
    }
    out[8] = (int) carry;
    return out;
  }
}

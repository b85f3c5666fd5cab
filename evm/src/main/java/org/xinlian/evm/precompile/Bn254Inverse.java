package org.xinlian.evm.precompile;

import static org.xinlian.evm.precompile.Bn254Fp.P0;
import static org.xinlian.evm.precompile.Bn254Fp.P1;
import static org.xinlian.evm.precompile.Bn254Fp.P2;
import static org.xinlian.evm.precompile.Bn254Fp.P3;
import static org.xinlian.evm.precompile.Bn254Fp.P_INV_NEG;

import java.math.BigInteger;

/**
 * Inversion in F_p by Pornin's optimised binary GCD ("Optimized binary GCD for modular
 * inversion", ePrint 2020/972, algorithm 2 with k = 32): 31 binary-GCD steps at a time run on
 * 64-bit approximations of a and b (their low 31 and top 33 bits), and only their accumulated
 * update matrix touches the full numbers. A couple of microseconds, against ~10 for
 * {@link BigInteger#modInverse} and ~300 multiplications for a Fermat power; ecAdd's 150 gas
 * buys 7.5 microseconds at the 20 Mgas/s floor (EVM-14), and the Miller loop inverts once per
 * step.
 *
 * <p>Not constant-time (EVM inputs are public): the loop runs until a = 0 rather than for the
 * proven worst-case count. Whatever the approximations decide, each step applies the same
 * unimodular update to the exact values, so gcd(a, b) = 1 and the invariants a = y u and b = y v
 * (mod p, up to the tracked powers of two) hold; only the number of rounds depends on them.
 *
 * <p>Numbers are 256-bit two's complement in four limbs (the top one signed) plus a fifth for
 * the products; u and v are only brought into [0, p) at the end, since each round shrinks them
 * back below p + 2^224 whatever their sign.
 */
final class Bn254Inverse {
  private Bn254Inverse() {}

  /** Steps per round: k - 1 with k = 32, so the update factors stay within 32 signed bits. */
  private static final int STEPS = 31;
  /** Far above the ~17 rounds 254-bit inputs need (2 * 254 - 1 steps); beyond it, BigInteger. */
  private static final int ROUNDS_MAX = 40;

  /**
   * CORRECTION[n] = 2^(33 n) R^3 mod p. After n rounds v = 2^(31 n) / y exactly, and each
   * round's Montgomery step divided u and v by 2^64 once more, so v holds 2^(-33 n) / y; for y
   * = a R (Montgomery form) the wanted a^-1 R = R^2 / y is then montgomery(v, CORRECTION[n]).
   */
  private static final Bn254Fp[] CORRECTION = new Bn254Fp[ROUNDS_MAX + 1];

  static {
    BigInteger r3 = BigInteger.ONE.shiftLeft(768).mod(Bn254Fp.P);
    for (int n = 0; n <= ROUNDS_MAX; n++) {
      BigInteger value = BigInteger.ONE.shiftLeft(33 * n).multiply(r3).mod(Bn254Fp.P);
      CORRECTION[n] = Bn254Fp.ofRawLimbs(value.longValue(), value.shiftRight(64).longValue(),
          value.shiftRight(128).longValue(), value.shiftRight(192).longValue());
    }
  }

  /** 1 / x for x != 0, both in Montgomery form. */
  static Bn254Fp inverse(Bn254Fp x) {
    long[] a = {x.l0, x.l1, x.l2, x.l3};
    long[] b = {P0, P1, P2, P3};
    long[] u = {1, 0, 0, 0};
    long[] v = {0, 0, 0, 0};
    long[] nextA = new long[5];
    long[] nextB = new long[5];
    long[] nextU = new long[5];
    long[] nextV = new long[5];
    int rounds = 0;
    while ((a[0] | a[1] | a[2] | a[3]) != 0) {
      if (rounds == ROUNDS_MAX) {
        return x.inverseByBigInteger();
      }
      rounds++;
      int n = Math.max(Math.max(bitLength(a), bitLength(b)), 64);
      long approxA = approximate(a, n);
      long approxB = approximate(b, n);
      long f0 = 1;
      long g0 = 0;
      long f1 = 0;
      long g1 = 1;
      // The STEPS binary-GCD steps, with every run of even steps done as one shift (bounded by
      // the steps left through a sentinel bit) and the odd step's conditional swap done with
      // masks: data-dependent branches here mispredict about half the time.
      int left = STEPS;
      while (true) {
        int zeros = Long.numberOfTrailingZeros(approxA | (1L << left));
        approxA >>>= zeros;
        f1 <<= zeros;
        g1 <<= zeros;
        left -= zeros;
        if (left == 0) {
          break;
        }
        long swap = -borrow(approxA, approxB, approxA - approxB);
        long t = (approxA ^ approxB) & swap;
        approxA ^= t;
        approxB ^= t;
        t = (f0 ^ f1) & swap;
        f0 ^= t;
        f1 ^= t;
        t = (g0 ^ g1) & swap;
        g0 ^= t;
        g1 ^= t;
        approxA = (approxA - approxB) >>> 1;
        f0 -= f1;
        g0 -= g1;
        f1 <<= 1;
        g1 <<= 1;
        left--;
        if (left == 0) {
          break;
        }
      }
      // (a, b) = (|a f0 + b g0| / 2^31, |a f1 + b g1| / 2^31); a sign flip flips its factors.
      linear(a, f0, b, g0, nextA);
      linear(a, f1, b, g1, nextB);
      long signA = nextA[4] >> 63;
      long signB = nextB[4] >> 63;
      absoluteShiftRight31(nextA, signA, a);
      absoluteShiftRight31(nextB, signB, b);
      f0 = (f0 ^ signA) - signA;
      g0 = (g0 ^ signA) - signA;
      f1 = (f1 ^ signB) - signB;
      g1 = (g1 ^ signB) - signB;
      // (u, v) = ((u f0 + v g0) / 2^64, (u f1 + v g1) / 2^64) mod p, left unreduced.
      linear(u, f0, v, g0, nextU);
      linear(u, f1, v, g1, nextV);
      montgomeryStep(nextU, u);
      montgomeryStep(nextV, v);
    }
    normalise(v);
    return Bn254Fp.ofRawLimbs(v[0], v[1], v[2], v[3]).multiply(CORRECTION[rounds]);
  }

  /** Bit length of a non-negative 4-limb value. */
  private static int bitLength(long[] x) {
    for (int i = 3; i >= 0; i--) {
      if (x[i] != 0) {
        return 64 * i + 64 - Long.numberOfLeadingZeros(x[i]);
      }
    }
    return 0;
  }

  /** The low 31 bits of x, with bits n - 33 .. n - 1 above them (n >= 64). */
  private static long approximate(long[] x, int n) {
    int from = n - 33;
    int limb = from >>> 6;
    int shift = from & 63;
    long top = x[limb] >>> shift;
    if (shift > 31 && limb < 3) {
      top |= x[limb + 1] << (64 - shift);
    }
    return (x[0] & 0x7fffffffL) | ((top & 0x1ffffffffL) << 31);
  }

  /**
   * out = x f + y g on five limbs, for signed 256-bit x, y (limb 3 signed) and |f|, |g| <= 2^32.
   * Limbs 0..2 are unsigned, so their signed high products get the sign correction; the running
   * carry is a signed high word, sign-extended into the next sum.
   */
  private static void linear(long[] x, long f, long[] y, long g, long[] out) {
    long carry = 0;
    for (int i = 0; i < 4; i++) {
      long xi = x[i];
      long yi = y[i];
      long xl = xi * f;
      long yl = yi * g;
      long xh = Math.multiplyHigh(xi, f);
      long yh = Math.multiplyHigh(yi, g);
      if (i < 3) {
        xh += (xi >> 63) & f;
        yh += (yi >> 63) & g;
      }
      long s = xl + yl;
      long c1 = carry(xl, yl, s);
      long r = s + carry;
      long c2 = carry(s, carry, r);
      out[i] = r;
      carry = xh + yh + c1 + c2 + (carry >> 63);
    }
    out[4] = carry;
  }

  /** out = |x| / 2^31 for a 5-limb x divisible by 2^31 with |x| < 2^286; sign is x's (0 or -1). */
  private static void absoluteShiftRight31(long[] x, long sign, long[] out) {
    // |x| = (x ^ sign) - sign, limb by limb with the borrow.
    long borrow = sign & 1;
    long[] magnitude = x;
    for (int i = 0; i < 5; i++) {
      long flipped = magnitude[i] ^ sign;
      long d = flipped + borrow;
      borrow = carry(flipped, borrow, d);
      magnitude[i] = d;
    }
    for (int i = 0; i < 4; i++) {
      out[i] = (magnitude[i] >>> 31) | (magnitude[i + 1] << 33);
    }
  }

  /**
   * out = (w + m p) / 2^64 for m = w_0 (-p^-1) mod 2^64, which clears the low limb: w is a signed
   * 5-limb value, the result a signed 4-limb one of magnitude below p + |w| / 2^64.
   */
  private static void montgomeryStep(long[] w, long[] out) {
    long m = w[0] * P_INV_NEG;
    long carry = step(m, P0, w[0], 0, null, -1);
    carry = step(m, P1, w[1], carry, out, 0);
    carry = step(m, P2, w[2], carry, out, 1);
    carry = step(m, P3, w[3], carry, out, 2);
    out[3] = w[4] + carry;
  }

  /** out[index] = low word of m p_i + w_i + carry (unsigned); returns the high word. */
  private static long step(long m, long pi, long wi, long carry, long[] out, int index) {
    long lo = m * pi;
    long hi = Math.multiplyHigh(m, pi) + ((m >> 63) & pi) + ((pi >> 63) & m);
    long s = lo + wi;
    long c1 = carry(lo, wi, s);
    long r = s + carry;
    long c2 = carry(s, carry, r);
    if (out != null) {
      out[index] = r;
    }
    return hi + c1 + c2;
  }

  /** A signed 4-limb value of magnitude below 2p, brought into [0, p). */
  private static void normalise(long[] x) {
    while (x[3] < 0) {
      addSigned(x, P0, P1, P2, P3);
    }
    while (!lessThanP(x)) {
      addSigned(x, -P0, ~P1, ~P2, ~P3);
    }
  }

  /** x += (y0..y3) modulo 2^256 (two's complement of p is (-P0, ~P1, ~P2, ~P3) as P0 != 0). */
  private static void addSigned(long[] x, long y0, long y1, long y2, long y3) {
    long[] y = {y0, y1, y2, y3};
    long carry = 0;
    for (int i = 0; i < 4; i++) {
      long t = x[i] + y[i];
      long s = t + carry;
      carry = carry(x[i], y[i], t) | carry(t, carry, s);
      x[i] = s;
    }
  }

  private static boolean lessThanP(long[] x) {
    long[] p = {P0, P1, P2, P3};
    for (int i = 3; i >= 0; i--) {
      if (x[i] != p[i]) {
        return Long.compareUnsigned(x[i], p[i]) < 0;
      }
    }
    return false;
  }

  /** Carry and borrow by bit logic, not comparison: the swap mask above must not branch. */
  private static long carry(long a, long b, long s) {
    return ((a & b) | ((a | b) & ~s)) >>> 63;
  }

  private static long borrow(long a, long b, long d) {
    return ((~a & b) | ((~a | b) & d)) >>> 63;
  }
}

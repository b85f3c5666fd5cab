package org.xinlian.evm.precompile;

import static org.xinlian.evm.precompile.Bn254Fp.P0;
import static org.xinlian.evm.precompile.Bn254Fp.P1;
import static org.xinlian.evm.precompile.Bn254Fp.P2;
import static org.xinlian.evm.precompile.Bn254Fp.P3;
import static org.xinlian.evm.precompile.Bn254Fp.P_INV_NEG;

import java.math.BigInteger;

/**
 * Inversion in F_p by Bernstein and Yang's divsteps ("Fast constant-time gcd computation and
 * modular inversion", 2019) in the variable-time form libsecp256k1 uses (its
 * doc/safegcd_implementation.md): 62 divsteps at a time run on the low 64 bits of f and g alone
 * (divsteps depend on nothing else), skipping runs of zero bits and cancelling up to six bits of
 * g per step, and only the resulting 2x2 matrix touches the full numbers, about ten times per
 * inversion. About a microsecond, against ~10 for {@link BigInteger#modInverse} and ~300
 * multiplications for a Fermat power; ecAdd's 150 gas buys 7.5 microseconds at the 20 Mgas/s
 * floor (EVM-14), and the Miller loop inverts once per step.
 *
 * <p>Not constant-time (EVM inputs are public). Numbers are 256-bit two's complement in four
 * limbs (the top one signed), with a fifth for the matrix products; d and e stay in (-2p, p).
 */
final class Bn254Inverse {
  private Bn254Inverse() {}

  private static final long[] P_LIMBS = {P0, P1, P2, P3};
  private static final long MASK62 = (1L << 62) - 1;
  /** p^-1 mod 2^62, from -p^-1 mod 2^64. */
  private static final long P_INV_62 = -P_INV_NEG & MASK62;
  /** 724 divsteps suffice for any 256-bit input (libsecp256k1's safegcd bounds): 12 rounds. */
  private static final int ROUNDS_MAX = 20;

  /** R^3 mod p: the inverse of a Montgomery value a R is a^-1 R^-1, and montgomery(that, R^3) = a^-1 R. */
  private static final Bn254Fp R_CUBED;

  static {
    BigInteger value = BigInteger.ONE.shiftLeft(768).mod(Bn254Fp.P);
    R_CUBED = Bn254Fp.ofRawLimbs(value.longValue(), value.shiftRight(64).longValue(),
        value.shiftRight(128).longValue(), value.shiftRight(192).longValue());
  }

  /** 1 / x for x != 0, both in Montgomery form. */
  static Bn254Fp inverse(Bn254Fp x) {
    long[] f = P_LIMBS.clone();
    long[] g = {x.l0, x.l1, x.l2, x.l3};
    long[] d = {0, 0, 0, 0};
    long[] e = {1, 0, 0, 0};
    long[] matrix = new long[4];
    long[] wide = new long[5];
    long[] wide2 = new long[5];
    long eta = -1;
    int rounds = 0;
    while ((g[0] | g[1] | g[2] | g[3]) != 0) {
      if (rounds++ == ROUNDS_MAX) {
        return x.inverseByBigInteger();
      }
      eta = divsteps(eta, f[0], g[0], matrix);
      long u = matrix[0];
      long v = matrix[1];
      long q = matrix[2];
      long r = matrix[3];
      updateDe(d, e, u, v, q, r, wide, wide2);
      // (f, g) = (u f + v g, q f + r g) / 2^62, exactly.
      linear(f, u, g, v, wide);
      linear(f, q, g, r, wide2);
      shiftRight62(wide, f);
      shiftRight62(wide2, g);
    }
    // f = +-1 = gcd; d = f / x. Bring d from (-2p, p) into [0, p) with f's sign.
    long fSign = f[3] >> 63;
    if (d[3] < 0) {
      add(d, P_LIMBS);
    }
    if (fSign != 0) {
      negate(d);
    }
    if (d[3] < 0) {
      add(d, P_LIMBS);
    }
    return Bn254Fp.ofRawLimbs(d[0], d[1], d[2], d[3]).multiply(R_CUBED);
  }

  /**
   * 62 divsteps on the low bits of f (odd) and g, variable-time: the transition matrix (u, v,
   * q, r), scaled by 2^62, goes to {@code out}; returns the new eta (minus delta). Runs of zero
   * bits in g go in one shift; otherwise a multiple w of f cancels up to six (eta negative,
   * after the swap) or four low bits of g at once, w = -g / f mod 2^limit by the closed forms
   * f (f^2 - 2) and f + (((f + 1) and 4) shifted left once) for -1 / f.
   */
  private static long divsteps(long eta, long f0, long g0, long[] out) {
    long u = 1;
    long v = 0;
    long q = 0;
    long r = 1;
    long f = f0;
    long g = g0;
    int left = 62;
    while (true) {
      int zeros = Long.numberOfTrailingZeros(g | (-1L << left));
      g >>>= zeros;
      u <<= zeros;
      v <<= zeros;
      eta -= zeros;
      left -= zeros;
      if (left == 0) {
        break;
      }
      long w;
      if (eta < 0) {
        eta = -eta;
        long t = f;
        f = g;
        g = -t;
        t = u;
        u = q;
        q = -t;
        t = v;
        v = r;
        r = -t;
        int limit = (int) Math.min(eta + 1, left);
        long mask = (-1L >>> (64 - limit)) & 63;
        w = (f * g * (f * f - 2)) & mask;
      } else {
        int limit = (int) Math.min(eta + 1, left);
        long mask = (-1L >>> (64 - limit)) & 15;
        w = f + (((f + 1) & 4) << 1);
        w = (-w * g) & mask;
      }
      g += f * w;
      q += u * w;
      r += v * w;
    }
    out[0] = u;
    out[1] = v;
    out[2] = q;
    out[3] = r;
    return eta;
  }

  /**
   * (d, e) = (u d + v e, q d + r e) / 2^62 mod p, kept in (-2p, p): first add p to a negative d
   * or e (folded into the multiples md, me of p added), then choose md, me so that the low 62
   * bits vanish (p^-1 mod 2^62 gives them), then shift.
   */
  private static void updateDe(long[] d, long[] e, long u, long v, long q, long r, long[] wide,
      long[] wide2) {
    long dSign = d[3] >> 63;
    long eSign = e[3] >> 63;
    long md = (u & dSign) + (v & eSign);
    long me = (q & dSign) + (r & eSign);
    long cd = u * d[0] + v * e[0];
    long ce = q * d[0] + r * e[0];
    md -= (P_INV_62 * cd + md) & MASK62;
    me -= (P_INV_62 * ce + me) & MASK62;
    linear(d, u, e, v, wide);
    addTimesP(md, wide);
    linear(d, q, e, r, wide2);
    addTimesP(me, wide2);
    shiftRight62(wide, d);
    shiftRight62(wide2, e);
  }

  /**
   * out = x a + y b on five limbs, for signed 256-bit x, y (limb 3 signed) and |a| + |b| <=
   * 2^62. Limbs 0..2 are unsigned, so their signed high products get the sign correction; the
   * running carry is a signed high word below 2^62 in magnitude, sign-extended into the next sum.
   */
  private static void linear(long[] x, long a, long[] y, long b, long[] out) {
    long carry = 0;
    for (int i = 0; i < 4; i++) {
      long xi = x[i];
      long yi = y[i];
      long xl = xi * a;
      long yl = yi * b;
      long xh = Math.multiplyHigh(xi, a);
      long yh = Math.multiplyHigh(yi, b);
      if (i < 3) {
        xh += (xi >> 63) & a;
        yh += (yi >> 63) & b;
      }
      long s = xl + yl;
      long c1 = carry(xl, yl, s);
      long s2 = s + carry;
      long c2 = carry(s, carry, s2);
      out[i] = s2;
      carry = xh + yh + c1 + c2 + (carry >> 63);
    }
    out[4] = carry;
  }

  /**
   * out += p m for |m| < 2^63, in its own carry chain: folded into {@link #linear}, the carries
   * of three products could pass 2^63.
   */
  private static void addTimesP(long m, long[] out) {
    long carry = 0;
    for (int i = 0; i < 4; i++) {
      long pi = P_LIMBS[i];
      long pl = pi * m;
      long ph = Math.multiplyHigh(pi, m) + ((pi >> 63) & m);
      long s = out[i] + pl;
      long c1 = carry(out[i], pl, s);
      long s2 = s + carry;
      long c2 = carry(s, carry, s2);
      out[i] = s2;
      carry = ph + c1 + c2 + (carry >> 63);
    }
    out[4] += carry;
  }

  /** out = x / 2^62 for a 5-limb two's complement x whose low 62 bits are zero. */
  private static void shiftRight62(long[] x, long[] out) {
    for (int i = 0; i < 4; i++) {
      out[i] = (x[i] >>> 62) | (x[i + 1] << 2);
    }
  }

  /** x += y modulo 2^256. */
  private static void add(long[] x, long[] y) {
    long carry = 0;
    for (int i = 0; i < 4; i++) {
      long t = x[i] + y[i];
      long s = t + carry;
      carry = carry(x[i], y[i], t) | carry(t, carry, s);
      x[i] = s;
    }
  }

  /** x = -x modulo 2^256. */
  private static void negate(long[] x) {
    long carry = 1;
    for (int i = 0; i < 4; i++) {
      long s = ~x[i] + carry;
      carry = carry(~x[i], carry, s);
      x[i] = s;
    }
  }

  private static long carry(long a, long b, long s) {
    return Long.compareUnsigned(s, a) < 0 ? 1 : 0;
  }
}

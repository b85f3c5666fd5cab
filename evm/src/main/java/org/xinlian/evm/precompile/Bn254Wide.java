package org.xinlian.evm.precompile;

import static org.xinlian.evm.precompile.Bn254Fp.P0;
import static org.xinlian.evm.precompile.Bn254Fp.P1;
import static org.xinlian.evm.precompile.Bn254Fp.P2;
import static org.xinlian.evm.precompile.Bn254Fp.P3;
import static org.xinlian.evm.precompile.Bn254Fp.P_INV_NEG;
import static org.xinlian.evm.precompile.Bn254Fp.borrow;
import static org.xinlian.evm.precompile.Bn254Fp.carry;
import static org.xinlian.evm.precompile.Bn254Fp.mulHigh;

import java.math.BigInteger;

/**
 * Double-width (512-bit) products and Montgomery reduction, for the lazy reduction of F_p^2
 * products: Karatsuba's a0 b0 - a1 b1 and (a0 + a1)(b0 + b1) - a0 b0 - a1 b1 are formed exactly
 * and reduced once each, two reductions per product instead of three. Values live in long
 * arrays, eight little-endian limbs from an offset, since Java returns one value per call.
 */
final class Bn254Wide {
  private Bn254Wide() {}

  /** p^2: added before subtracting a product below p^2 keeps a difference non-negative. */
  private static final long[] P_SQUARED = new long[8];

  static {
    BigInteger square = Bn254Fp.P.multiply(Bn254Fp.P);
    for (int i = 0; i < 8; i++) {
      P_SQUARED[i] = square.shiftRight(64 * i).longValue();
    }
  }

  /** out[offset..offset+8) = a * b for any 256-bit a, b (schoolbook, row by row). */
  static void multiply(long a0, long a1, long a2, long a3, long b0, long b1, long b2, long b3,
      long[] out, int offset) {
    long t0;
    long t1;
    long t2;
    long t3;
    long t4;
    long t5;
    long t6;
    long t7;
    long lo;
    long hi;
    long s;
    long u;
    long c;
    lo = a0 * b0; hi = mulHigh(a0, b0); t0 = lo; c = hi;
    lo = a1 * b0; hi = mulHigh(a1, b0); s = lo + c; hi += carry(lo, c, s); t1 = s; c = hi;
    lo = a2 * b0; hi = mulHigh(a2, b0); s = lo + c; hi += carry(lo, c, s); t2 = s; c = hi;
    lo = a3 * b0; hi = mulHigh(a3, b0); s = lo + c; hi += carry(lo, c, s); t3 = s; t4 = hi;
    lo = a0 * b1; hi = mulHigh(a0, b1); s = lo + t1; hi += carry(lo, t1, s); t1 = s; c = hi;
    lo = a1 * b1; hi = mulHigh(a1, b1); s = lo + t2; hi += carry(lo, t2, s); u = s + c; hi += carry(s, c, u); t2 = u; c = hi;
    lo = a2 * b1; hi = mulHigh(a2, b1); s = lo + t3; hi += carry(lo, t3, s); u = s + c; hi += carry(s, c, u); t3 = u; c = hi;
    lo = a3 * b1; hi = mulHigh(a3, b1); s = lo + t4; hi += carry(lo, t4, s); u = s + c; hi += carry(s, c, u); t4 = u; t5 = hi;
    lo = a0 * b2; hi = mulHigh(a0, b2); s = lo + t2; hi += carry(lo, t2, s); t2 = s; c = hi;
    lo = a1 * b2; hi = mulHigh(a1, b2); s = lo + t3; hi += carry(lo, t3, s); u = s + c; hi += carry(s, c, u); t3 = u; c = hi;
    lo = a2 * b2; hi = mulHigh(a2, b2); s = lo + t4; hi += carry(lo, t4, s); u = s + c; hi += carry(s, c, u); t4 = u; c = hi;
    lo = a3 * b2; hi = mulHigh(a3, b2); s = lo + t5; hi += carry(lo, t5, s); u = s + c; hi += carry(s, c, u); t5 = u; t6 = hi;
    lo = a0 * b3; hi = mulHigh(a0, b3); s = lo + t3; hi += carry(lo, t3, s); t3 = s; c = hi;
    lo = a1 * b3; hi = mulHigh(a1, b3); s = lo + t4; hi += carry(lo, t4, s); u = s + c; hi += carry(s, c, u); t4 = u; c = hi;
    lo = a2 * b3; hi = mulHigh(a2, b3); s = lo + t5; hi += carry(lo, t5, s); u = s + c; hi += carry(s, c, u); t5 = u; c = hi;
    lo = a3 * b3; hi = mulHigh(a3, b3); s = lo + t6; hi += carry(lo, t6, s); u = s + c; hi += carry(s, c, u); t6 = u; t7 = hi;
    out[offset] = t0;
    out[offset + 1] = t1;
    out[offset + 2] = t2;
    out[offset + 3] = t3;
    out[offset + 4] = t4;
    out[offset + 5] = t5;
    out[offset + 6] = t6;
    out[offset + 7] = t7;
  }

  /**
   * out[offset..offset+8) = (a0 + a1)(b0 + b1), the sums unreduced: below 2p < 2^255, they fit
   * four limbs and their product stays below 4p^2 < p 2^256, which {@link #reduce} accepts.
   */
  static void multiplySums(Bn254Fp a0, Bn254Fp a1, Bn254Fp b0, Bn254Fp b1, long[] out, int offset) {
    long x0 = a0.l0 + a1.l0;
    long c = carry(a0.l0, a1.l0, x0);
    long t = a0.l1 + a1.l1;
    long x1 = t + c;
    c = carry(a0.l1, a1.l1, t) | carry(t, c, x1);
    t = a0.l2 + a1.l2;
    long x2 = t + c;
    c = carry(a0.l2, a1.l2, t) | carry(t, c, x2);
    long x3 = a0.l3 + a1.l3 + c;
    long y0 = b0.l0 + b1.l0;
    c = carry(b0.l0, b1.l0, y0);
    t = b0.l1 + b1.l1;
    long y1 = t + c;
    c = carry(b0.l1, b1.l1, t) | carry(t, c, y1);
    t = b0.l2 + b1.l2;
    long y2 = t + c;
    c = carry(b0.l2, b1.l2, t) | carry(t, c, y2);
    long y3 = b0.l3 + b1.l3 + c;
    multiply(x0, x1, x2, x3, y0, y1, y2, y3, out, offset);
  }

  /**
   * t / 2^256 mod p for t = x[offset..offset+8) below p 2^256 (REDC). Each round adds the
   * multiple of p that clears the lowest limb; {@code extra} carries into the limb above the
   * round's top, and is zero at the end because the result is below 2p < 2^256.
   */
  static Bn254Fp reduce(long[] x, int offset) {
    long t0 = x[offset];
    long t1 = x[offset + 1];
    long t2 = x[offset + 2];
    long t3 = x[offset + 3];
    long t4 = x[offset + 4];
    long t5 = x[offset + 5];
    long t6 = x[offset + 6];
    long t7 = x[offset + 7];
    long lo;
    long hi;
    long s;
    long u;
    long c;
    long m;
    long extra;
    m = t0 * P_INV_NEG;
    lo = m * P0; hi = mulHigh(m, P0); s = lo + t0; hi += carry(lo, t0, s); c = hi;
    lo = m * P1; hi = mulHigh(m, P1); s = lo + t1; hi += carry(lo, t1, s); u = s + c; hi += carry(s, c, u); t1 = u; c = hi;
    lo = m * P2; hi = mulHigh(m, P2); s = lo + t2; hi += carry(lo, t2, s); u = s + c; hi += carry(s, c, u); t2 = u; c = hi;
    lo = m * P3; hi = mulHigh(m, P3); s = lo + t3; hi += carry(lo, t3, s); u = s + c; hi += carry(s, c, u); t3 = u; c = hi;
    s = t4 + c; extra = carry(t4, c, s); t4 = s;
    m = t1 * P_INV_NEG;
    lo = m * P0; hi = mulHigh(m, P0); s = lo + t1; hi += carry(lo, t1, s); c = hi;
    lo = m * P1; hi = mulHigh(m, P1); s = lo + t2; hi += carry(lo, t2, s); u = s + c; hi += carry(s, c, u); t2 = u; c = hi;
    lo = m * P2; hi = mulHigh(m, P2); s = lo + t3; hi += carry(lo, t3, s); u = s + c; hi += carry(s, c, u); t3 = u; c = hi;
    lo = m * P3; hi = mulHigh(m, P3); s = lo + t4; hi += carry(lo, t4, s); u = s + c; hi += carry(s, c, u); t4 = u; c = hi;
    s = t5 + c; u = s + extra; extra = carry(t5, c, s) + carry(s, extra, u); t5 = u;
    m = t2 * P_INV_NEG;
    lo = m * P0; hi = mulHigh(m, P0); s = lo + t2; hi += carry(lo, t2, s); c = hi;
    lo = m * P1; hi = mulHigh(m, P1); s = lo + t3; hi += carry(lo, t3, s); u = s + c; hi += carry(s, c, u); t3 = u; c = hi;
    lo = m * P2; hi = mulHigh(m, P2); s = lo + t4; hi += carry(lo, t4, s); u = s + c; hi += carry(s, c, u); t4 = u; c = hi;
    lo = m * P3; hi = mulHigh(m, P3); s = lo + t5; hi += carry(lo, t5, s); u = s + c; hi += carry(s, c, u); t5 = u; c = hi;
    s = t6 + c; u = s + extra; extra = carry(t6, c, s) + carry(s, extra, u); t6 = u;
    m = t3 * P_INV_NEG;
    lo = m * P0; hi = mulHigh(m, P0); s = lo + t3; hi += carry(lo, t3, s); c = hi;
    lo = m * P1; hi = mulHigh(m, P1); s = lo + t4; hi += carry(lo, t4, s); u = s + c; hi += carry(s, c, u); t4 = u; c = hi;
    lo = m * P2; hi = mulHigh(m, P2); s = lo + t5; hi += carry(lo, t5, s); u = s + c; hi += carry(s, c, u); t5 = u; c = hi;
    lo = m * P3; hi = mulHigh(m, P3); s = lo + t6; hi += carry(lo, t6, s); u = s + c; hi += carry(s, c, u); t6 = u; c = hi;
    s = t7 + c; u = s + extra; extra = carry(t7, c, s) + carry(s, extra, u); t7 = u;
    return Bn254Fp.reduceOnce(t4, t5, t6, t7);
  }

  /**
   * With t[0..8) = a0 b0, t[8..16) = a1 b1 and t[16..24) = (a0 + a1)(b0 + b1): t[16..24) becomes
   * the imaginary part a0 b1 + a1 b0 (below 2p^2) and t[0..8) the real part a0 b0 - a1 b1 + p^2
   * (in [0, 2p^2)), in one pass with three borrow/carry chains.
   */
  static void karatsubaCombine(long[] t) {
    long borrowImaginary = 0;
    long borrowReal = 0;
    long carryReal = 0;
    for (int i = 0; i < 8; i++) {
      long x0 = t[i];
      long x1 = t[8 + i];
      // imaginary: t2 - x0 - x1
      long t2 = t[16 + i];
      long d = t2 - x0;
      long b1 = borrow(t2, x0, d);
      long e = d - x1;
      long b2 = borrow(d, x1, e);
      long f = e - borrowImaginary;
      long b3 = borrow(e, borrowImaginary, f);
      borrowImaginary = b1 + b2 + b3;
      t[16 + i] = f;
      // real: x0 + p^2 - x1
      long pp = P_SQUARED[i];
      long s = x0 + pp;
      long c1 = carry(x0, pp, s);
      long s2 = s + carryReal;
      long c2 = carry(s, carryReal, s2);
      carryReal = c1 + c2;
      long r = s2 - x1;
      long b4 = borrow(s2, x1, r);
      long r2 = r - borrowReal;
      long b5 = borrow(r, borrowReal, r2);
      borrowReal = b4 + b5;
      t[i] = r2;
    }
  }
}

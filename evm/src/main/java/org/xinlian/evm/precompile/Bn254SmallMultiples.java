package org.xinlian.evm.precompile;

import static org.xinlian.evm.precompile.Bn254Fp.P0;
import static org.xinlian.evm.precompile.Bn254Fp.P1;
import static org.xinlian.evm.precompile.Bn254Fp.P2;
import static org.xinlian.evm.precompile.Bn254Fp.P3;
import static org.xinlian.evm.precompile.Bn254Fp.borrow;
import static org.xinlian.evm.precompile.Bn254Fp.carry;
import static org.xinlian.evm.precompile.Bn254Fp.reduceOnce;

import java.math.BigInteger;

/**
 * Small linear combinations in F_p reduced once: 9a -/+ b (multiplication by xi = 9 + u in
 * F_p^2) and 3t -/+ 2x (the cyclotomic squaring's coefficients). Done as sums of modular
 * additions they cost four or five reductions and objects each; here the exact value, below
 * 16p, loses its multiple of p in one step. The tower calls these millions of times per block.
 */
final class Bn254SmallMultiples {
  private Bn254SmallMultiples() {}

  /** 9a - b, the real part of (a + b u)(9 + u): 9a + (p - b) below 10p, reduced once. */
  static Bn254Fp nineTimesMinus(Bn254Fp a, Bn254Fp b) {
    // p - b, in [1, p] (b < p)
    long n0 = P0 - b.l0;
    long borrow = borrow(P0, b.l0, n0);
    long t = P1 - b.l1;
    long n1 = t - borrow;
    borrow = borrow(P1, b.l1, t) | borrow(t, borrow, n1);
    t = P2 - b.l2;
    long n2 = t - borrow;
    borrow = borrow(P2, b.l2, t) | borrow(t, borrow, n2);
    long n3 = P3 - b.l3 - borrow;
    return nineTimesPlusRaw(a, n0, n1, n2, n3);
  }

  /** 9a + b, the imaginary part of (b + a u)(9 + u), reduced once. */
  static Bn254Fp nineTimesPlus(Bn254Fp a, Bn254Fp b) {
    return nineTimesPlusRaw(a, b.l0, b.l1, b.l2, b.l3);
  }

  /** 3t - 2x, a cyclotomic-squaring coefficient: 3t + 2(p - x) below 5p, reduced once. */
  static Bn254Fp threeTimesMinusTwice(Bn254Fp t, Bn254Fp x) {
    long n0 = P0 - x.l0;
    long borrow = borrow(P0, x.l0, n0);
    long d = P1 - x.l1;
    long n1 = d - borrow;
    borrow = borrow(P1, x.l1, d) | borrow(d, borrow, n1);
    d = P2 - x.l2;
    long n2 = d - borrow;
    borrow = borrow(P2, x.l2, d) | borrow(d, borrow, n2);
    long n3 = P3 - x.l3 - borrow;
    return threeTimesPlusTwiceRaw(t, n0, n1, n2, n3);
  }

  /** 3t + 2x, a cyclotomic-squaring coefficient, reduced once. */
  static Bn254Fp threeTimesPlusTwice(Bn254Fp t, Bn254Fp x) {
    return threeTimesPlusTwiceRaw(t, x.l0, x.l1, x.l2, x.l3);
  }

  /** 3t + 2c for c at most p: below 5p, five limbs and one small quotient. */
  private static Bn254Fp threeTimesPlusTwiceRaw(Bn254Fp t, long c0, long c1, long c2, long c3) {
    // 2t + 2c = 2(t + c) with t + c < 2p < 2^255, then + t.
    long s0 = t.l0 + c0;
    long c = carry(t.l0, c0, s0);
    long u = t.l1 + c1;
    long s1 = u + c;
    c = carry(t.l1, c1, u) | carry(u, c, s1);
    u = t.l2 + c2;
    long s2 = u + c;
    c = carry(t.l2, c2, u) | carry(u, c, s2);
    long s3 = t.l3 + c3 + c;
    long e0 = s0 << 1;
    long e1 = (s1 << 1) | (s0 >>> 63);
    long e2 = (s2 << 1) | (s1 >>> 63);
    long e3 = (s3 << 1) | (s2 >>> 63);
    long e4 = s3 >>> 63;
    long v0 = e0 + t.l0;
    c = carry(e0, t.l0, v0);
    u = e1 + t.l1;
    long v1 = u + c;
    c = carry(e1, t.l1, u) | carry(u, c, v1);
    u = e2 + t.l2;
    long v2 = u + c;
    c = carry(e2, t.l2, u) | carry(u, c, v2);
    u = e3 + t.l3;
    long v3 = u + c;
    c = carry(e3, t.l3, u) | carry(u, c, v3);
    return reduceSmallMultiple(v0, v1, v2, v3, e4 + c);
  }

  /** 9a + (c0..c3) for c at most p: below 10p < 2^258, so five limbs and one small quotient. */
  private static Bn254Fp nineTimesPlusRaw(Bn254Fp a, long c0, long c1, long c2, long c3) {
    // 8a on five limbs, then + a, then + c.
    long e0 = a.l0 << 3;
    long e1 = (a.l1 << 3) | (a.l0 >>> 61);
    long e2 = (a.l2 << 3) | (a.l1 >>> 61);
    long e3 = (a.l3 << 3) | (a.l2 >>> 61);
    long e4 = a.l3 >>> 61;
    long s0 = e0 + a.l0;
    long c = carry(e0, a.l0, s0);
    long t = e1 + a.l1;
    long s1 = t + c;
    c = carry(e1, a.l1, t) | carry(t, c, s1);
    t = e2 + a.l2;
    long s2 = t + c;
    c = carry(e2, a.l2, t) | carry(t, c, s2);
    t = e3 + a.l3;
    long s3 = t + c;
    c = carry(e3, a.l3, t) | carry(t, c, s3);
    long s4 = e4 + c;
    long v0 = s0 + c0;
    c = carry(s0, c0, v0);
    t = s1 + c1;
    long v1 = t + c;
    c = carry(s1, c1, t) | carry(t, c, v1);
    t = s2 + c2;
    long v2 = t + c;
    c = carry(s2, c2, t) | carry(t, c, v2);
    t = s3 + c3;
    long v3 = t + c;
    c = carry(s3, c3, t) | carry(t, c, v3);
    long v4 = s4 + c;
    return reduceSmallMultiple(v0, v1, v2, v3, v4);
  }

  /**
   * v mod p for v below 16p (five limbs). With t = floor(v / 2^248) and p = 48.39... 2^248,
   * q = floor(t / 49) is floor(v / p) or one less (t < 2^10 keeps the error below 0.16), so
   * subtracting q p and then p once more if needed reduces fully.
   */
  private static Bn254Fp reduceSmallMultiple(long v0, long v1, long v2, long v3, long v4) {
    int q = (int) (((v4 << 8) | (v3 >>> 56)) / 49);
    long[] qp = SMALL_MULTIPLES[q];
    long d0 = v0 - qp[0];
    long b = borrow(v0, qp[0], d0);
    long t = v1 - qp[1];
    long d1 = t - b;
    b = borrow(v1, qp[1], t) | borrow(t, b, d1);
    t = v2 - qp[2];
    long d2 = t - b;
    b = borrow(v2, qp[2], t) | borrow(t, b, d2);
    long d3 = v3 - qp[3] - b;
    // The remainder is below 2p < 2^255, so limb 4 is gone and d3 holds its top bits.
    return reduceOnce(d0, d1, d2, d3);
  }

  /** SMALL_MULTIPLES[k] = k p on five limbs, k < 16. */
  private static final long[][] SMALL_MULTIPLES = new long[16][];

  static {
    for (int k = 0; k < 16; k++) {
      BigInteger kp = Bn254Fp.P.multiply(BigInteger.valueOf(k));
      SMALL_MULTIPLES[k] = new long[] {kp.longValue(), kp.shiftRight(64).longValue(),
          kp.shiftRight(128).longValue(), kp.shiftRight(192).longValue(), kp.shiftRight(256).longValue()};
    }
  }
}

package org.xinlian.evm.precompile;

import java.math.BigInteger;
import org.xinlian.common.Invariants;

/**
 * An element of F_p, p the alt_bn128 base prime, in Montgomery form (a * 2^256 mod p) on four
 * little-endian 64-bit limbs, always fully reduced (below p) so that equality is limb equality.
 * Immutable: the pairing tower above is written as plain expressions, and the JIT's allocation of
 * these small objects costs far less than the multiplications they carry.
 *
 * <p>Inputs are public (EVM call data), so nothing here tries to be constant-time.
 */
final class Bn254Fp {
  static final BigInteger P =
      new BigInteger("21888242871839275222246405745257275088696311157297823662689037894645226208583");

  // p's limbs, least significant first; checked against P below.
  private static final long P0 = 0x3c208c16d87cfd47L;
  private static final long P1 = 0x97816a916871ca8dL;
  private static final long P2 = 0xb85045b68181585dL;
  private static final long P3 = 0x30644e72e131a029L;
  /** -p^-1 mod 2^64: the Montgomery reduction factor. */
  private static final long P_INV_NEG = 0x87d20782e4866389L;

  private static final BigInteger R = BigInteger.ONE.shiftLeft(256);
  /** R^2 mod p turns a canonical value into Montgomery form with one multiplication. */
  private static final Bn254Fp R_SQUARED = fromLimbsOf(R.multiply(R).mod(P));
  /** R^3 mod p: the Montgomery image of R^2, for inverting through BigInteger (see inverse). */
  private static final Bn254Fp R_CUBED = fromLimbsOf(R.pow(3).mod(P));

  static final Bn254Fp ZERO = new Bn254Fp(0, 0, 0, 0);
  static final Bn254Fp ONE = fromBigInteger(BigInteger.ONE);

  static {
    Invariants.check(limbsOf(P)[0] == P0 && limbsOf(P)[1] == P1 && limbsOf(P)[2] == P2
        && limbsOf(P)[3] == P3, "bn254: limbs of p");
    Invariants.check(BigInteger.valueOf(P0).multiply(BigInteger.valueOf(P_INV_NEG)).add(BigInteger.ONE)
        .mod(BigInteger.TWO.pow(64)).signum() == 0, "bn254: -p^-1 mod 2^64");
  }

  final long l0;
  final long l1;
  final long l2;
  final long l3;

  private Bn254Fp(long l0, long l1, long l2, long l3) {
    this.l0 = l0;
    this.l1 = l1;
    this.l2 = l2;
    this.l3 = l3;
  }

  /** The element {@code value mod p}. */
  static Bn254Fp fromBigInteger(BigInteger value) {
    return fromLimbsOf(value.mod(P)).multiply(R_SQUARED);
  }

  /**
   * The 32-byte big-endian word at {@code offset} (which must be in range) as an element, or
   * null when it is not below p: EIP-196 rejects such coordinates rather than reducing them.
   */
  static Bn254Fp fromWord(byte[] in, int offset) {
    long w3 = readLong(in, offset);
    long w2 = readLong(in, offset + 8);
    long w1 = readLong(in, offset + 16);
    long w0 = readLong(in, offset + 24);
    if (!lessThanP(w0, w1, w2, w3)) {
      return null;
    }
    return new Bn254Fp(w0, w1, w2, w3).multiply(R_SQUARED);
  }

  /** Writes the canonical value as a 32-byte big-endian word at {@code offset}. */
  void writeWord(byte[] out, int offset) {
    Bn254Fp canonical = fromMontgomery();
    writeLong(out, offset, canonical.l3);
    writeLong(out, offset + 8, canonical.l2);
    writeLong(out, offset + 16, canonical.l1);
    writeLong(out, offset + 24, canonical.l0);
  }

  BigInteger toBigInteger() {
    Bn254Fp canonical = fromMontgomery();
    byte[] bytes = new byte[32];
    writeLong(bytes, 0, canonical.l3);
    writeLong(bytes, 8, canonical.l2);
    writeLong(bytes, 16, canonical.l1);
    writeLong(bytes, 24, canonical.l0);
    return new BigInteger(1, bytes);
  }

  /** Montgomery multiplication by 1 divides by R: the canonical value's limbs. */
  private Bn254Fp fromMontgomery() {
    return multiply(new Bn254Fp(1, 0, 0, 0));
  }

  boolean isZero() {
    return (l0 | l1 | l2 | l3) == 0;
  }

  Bn254Fp add(Bn254Fp b) {
    // Both are below p < 2^254, so the sum fits in 256 bits and one subtraction reduces it.
    long s0 = l0 + b.l0;
    long c = carry(l0, b.l0, s0);
    long t = l1 + b.l1;
    long s1 = t + c;
    c = carry(l1, b.l1, t) | carry(t, c, s1);
    t = l2 + b.l2;
    long s2 = t + c;
    c = carry(l2, b.l2, t) | carry(t, c, s2);
    long s3 = l3 + b.l3 + c;
    return reduceOnce(s0, s1, s2, s3);
  }

  Bn254Fp doubled() {
    return add(this);
  }

  Bn254Fp subtract(Bn254Fp b) {
    long d0 = l0 - b.l0;
    long borrow = borrow(l0, b.l0, d0);
    long t = l1 - b.l1;
    long d1 = t - borrow;
    borrow = borrow(l1, b.l1, t) | borrow(t, borrow, d1);
    t = l2 - b.l2;
    long d2 = t - borrow;
    borrow = borrow(l2, b.l2, t) | borrow(t, borrow, d2);
    t = l3 - b.l3;
    long d3 = t - borrow;
    borrow = borrow(l3, b.l3, t) | borrow(t, borrow, d3);
    if (borrow == 0) {
      return new Bn254Fp(d0, d1, d2, d3);
    }
    // Went below zero: add p back (the carry out of the top limb cancels the borrow).
    long s0 = d0 + P0;
    long c = carry(d0, P0, s0);
    t = d1 + P1;
    long s1 = t + c;
    c = carry(d1, P1, t) | carry(t, c, s1);
    t = d2 + P2;
    long s2 = t + c;
    c = carry(d2, P2, t) | carry(t, c, s2);
    long s3 = d3 + P3 + c;
    return new Bn254Fp(s0, s1, s2, s3);
  }

  Bn254Fp negate() {
    return isZero() ? this : ZERO.subtract(this);
  }

  /** x / 2: x is even, or x + p is (p is odd); the shift of that 255-bit sum cannot lose a bit. */
  Bn254Fp halved() {
    long a0 = l0;
    long a1 = l1;
    long a2 = l2;
    long a3 = l3;
    if ((a0 & 1) != 0) {
      long s0 = a0 + P0;
      long c = carry(a0, P0, s0);
      long t = a1 + P1;
      long s1 = t + c;
      c = carry(a1, P1, t) | carry(t, c, s1);
      t = a2 + P2;
      long s2 = t + c;
      c = carry(a2, P2, t) | carry(t, c, s2);
      a0 = s0;
      a1 = s1;
      a2 = s2;
      a3 = a3 + P3 + c;
    }
    return new Bn254Fp((a0 >>> 1) | (a1 << 63), (a1 >>> 1) | (a2 << 63), (a2 >>> 1) | (a3 << 63), a3 >>> 1);
  }

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
      BigInteger kp = P.multiply(BigInteger.valueOf(k));
      SMALL_MULTIPLES[k] = new long[] {kp.longValue(), kp.shiftRight(64).longValue(),
          kp.shiftRight(128).longValue(), kp.shiftRight(192).longValue(), kp.shiftRight(256).longValue()};
    }
  }

  Bn254Fp square() {
    return multiply(this);
  }

  /**
   * Montgomery product a * b / 2^256 mod p by CIOS in the "no-carry" form (gnark-crypto's note
   * on Montgomery multiplication): p's top limb is below 2^62, so the running sum never needs a
   * fifth limb. Each line is (H, L) = x + y * z + w on 128 bits, with H in {@code hi}.
   */
  Bn254Fp multiply(Bn254Fp b) {
    long a0 = l0;
    long a1 = l1;
    long a2 = l2;
    long a3 = l3;
    long b0 = b.l0;
    long b1 = b.l1;
    long b2 = b.l2;
    long b3 = b.l3;
    long t0;
    long t1;
    long t2;
    long t3;
    long lo;
    long hi;
    long s;
    long u;
    long m;
    long A;
    long C;
    // round 0
    lo = a0 * b0; hi = mulHigh(a0, b0); t0 = lo; A = hi;
    m = t0 * P_INV_NEG;
    lo = m * P0; hi = mulHigh(m, P0); s = lo + t0; hi += carry(lo, t0, s); C = hi;
    lo = a1 * b0; hi = mulHigh(a1, b0); s = lo + A; hi += carry(lo, A, s); t1 = s; A = hi;
    lo = m * P1; hi = mulHigh(m, P1); s = lo + t1; hi += carry(lo, t1, s); u = s + C; hi += carry(s, C, u); t0 = u; C = hi;
    lo = a2 * b0; hi = mulHigh(a2, b0); s = lo + A; hi += carry(lo, A, s); t2 = s; A = hi;
    lo = m * P2; hi = mulHigh(m, P2); s = lo + t2; hi += carry(lo, t2, s); u = s + C; hi += carry(s, C, u); t1 = u; C = hi;
    lo = a3 * b0; hi = mulHigh(a3, b0); s = lo + A; hi += carry(lo, A, s); t3 = s; A = hi;
    lo = m * P3; hi = mulHigh(m, P3); s = lo + t3; hi += carry(lo, t3, s); u = s + C; hi += carry(s, C, u); t2 = u; C = hi;
    t3 = C + A;
    // round 1
    lo = a0 * b1; hi = mulHigh(a0, b1); s = lo + t0; hi += carry(lo, t0, s); t0 = s; A = hi;
    m = t0 * P_INV_NEG;
    lo = m * P0; hi = mulHigh(m, P0); s = lo + t0; hi += carry(lo, t0, s); C = hi;
    lo = a1 * b1; hi = mulHigh(a1, b1); s = lo + t1; hi += carry(lo, t1, s); u = s + A; hi += carry(s, A, u); t1 = u; A = hi;
    lo = m * P1; hi = mulHigh(m, P1); s = lo + t1; hi += carry(lo, t1, s); u = s + C; hi += carry(s, C, u); t0 = u; C = hi;
    lo = a2 * b1; hi = mulHigh(a2, b1); s = lo + t2; hi += carry(lo, t2, s); u = s + A; hi += carry(s, A, u); t2 = u; A = hi;
    lo = m * P2; hi = mulHigh(m, P2); s = lo + t2; hi += carry(lo, t2, s); u = s + C; hi += carry(s, C, u); t1 = u; C = hi;
    lo = a3 * b1; hi = mulHigh(a3, b1); s = lo + t3; hi += carry(lo, t3, s); u = s + A; hi += carry(s, A, u); t3 = u; A = hi;
    lo = m * P3; hi = mulHigh(m, P3); s = lo + t3; hi += carry(lo, t3, s); u = s + C; hi += carry(s, C, u); t2 = u; C = hi;
    t3 = C + A;
    // round 2
    lo = a0 * b2; hi = mulHigh(a0, b2); s = lo + t0; hi += carry(lo, t0, s); t0 = s; A = hi;
    m = t0 * P_INV_NEG;
    lo = m * P0; hi = mulHigh(m, P0); s = lo + t0; hi += carry(lo, t0, s); C = hi;
    lo = a1 * b2; hi = mulHigh(a1, b2); s = lo + t1; hi += carry(lo, t1, s); u = s + A; hi += carry(s, A, u); t1 = u; A = hi;
    lo = m * P1; hi = mulHigh(m, P1); s = lo + t1; hi += carry(lo, t1, s); u = s + C; hi += carry(s, C, u); t0 = u; C = hi;
    lo = a2 * b2; hi = mulHigh(a2, b2); s = lo + t2; hi += carry(lo, t2, s); u = s + A; hi += carry(s, A, u); t2 = u; A = hi;
    lo = m * P2; hi = mulHigh(m, P2); s = lo + t2; hi += carry(lo, t2, s); u = s + C; hi += carry(s, C, u); t1 = u; C = hi;
    lo = a3 * b2; hi = mulHigh(a3, b2); s = lo + t3; hi += carry(lo, t3, s); u = s + A; hi += carry(s, A, u); t3 = u; A = hi;
    lo = m * P3; hi = mulHigh(m, P3); s = lo + t3; hi += carry(lo, t3, s); u = s + C; hi += carry(s, C, u); t2 = u; C = hi;
    t3 = C + A;
    // round 3
    lo = a0 * b3; hi = mulHigh(a0, b3); s = lo + t0; hi += carry(lo, t0, s); t0 = s; A = hi;
    m = t0 * P_INV_NEG;
    lo = m * P0; hi = mulHigh(m, P0); s = lo + t0; hi += carry(lo, t0, s); C = hi;
    lo = a1 * b3; hi = mulHigh(a1, b3); s = lo + t1; hi += carry(lo, t1, s); u = s + A; hi += carry(s, A, u); t1 = u; A = hi;
    lo = m * P1; hi = mulHigh(m, P1); s = lo + t1; hi += carry(lo, t1, s); u = s + C; hi += carry(s, C, u); t0 = u; C = hi;
    lo = a2 * b3; hi = mulHigh(a2, b3); s = lo + t2; hi += carry(lo, t2, s); u = s + A; hi += carry(s, A, u); t2 = u; A = hi;
    lo = m * P2; hi = mulHigh(m, P2); s = lo + t2; hi += carry(lo, t2, s); u = s + C; hi += carry(s, C, u); t1 = u; C = hi;
    lo = a3 * b3; hi = mulHigh(a3, b3); s = lo + t3; hi += carry(lo, t3, s); u = s + A; hi += carry(s, A, u); t3 = u; A = hi;
    lo = m * P3; hi = mulHigh(m, P3); s = lo + t3; hi += carry(lo, t3, s); u = s + C; hi += carry(s, C, u); t2 = u; C = hi;
    t3 = C + A;
    return reduceOnce(t0, t1, t2, t3);
  }

  /** values[0..n) = their inverses, with one inversion (Montgomery's trick); none may be zero. */
  static void batchInvert(Bn254Fp[] values, int n) {
    Bn254Fp[] prefix = new Bn254Fp[n];
    prefix[0] = values[0];
    for (int k = 1; k < n; k++) {
      prefix[k] = prefix[k - 1].multiply(values[k]);
    }
    Invariants.check(!prefix[n - 1].isZero(), "bn254: batch inversion of zero");
    Bn254Fp inverse = prefix[n - 1].inverse();
    for (int k = n - 1; k > 0; k--) {
      Bn254Fp value = values[k];
      values[k] = inverse.multiply(prefix[k - 1]);
      inverse = inverse.multiply(value);
    }
    values[0] = inverse;
  }

  /** this^e for e >= 0 by square-and-multiply: for constants and square roots, not hot paths. */
  Bn254Fp pow(BigInteger e) {
    Bn254Fp result = ONE;
    for (int i = e.bitLength() - 1; i >= 0; i--) {
      result = result.square();
      if (e.testBit(i)) {
        result = result.multiply(this);
      }
    }
    return result;
  }

  /** 1 / this (0 for 0), by {@link Bn254Inverse}. */
  Bn254Fp inverse() {
    return isZero() ? ZERO : Bn254Inverse.inverse(this);
  }

  /**
   * 1 / this (0 for 0) through {@link BigInteger#modInverse}: a cross-check for the tests and the
   * fallback of {@link Bn254Inverse}. It inverts the Montgomery value aR to a^-1 R^-1; one
   * Montgomery product with R^3 makes that a^-1 R.
   */
  Bn254Fp inverseByBigInteger() {
    if (isZero()) {
      return ZERO;
    }
    return fromLimbsOf(rawBigInteger().modInverse(P)).multiply(R_CUBED);
  }

  /** The element whose Montgomery representation has these limbs (below p). */
  static Bn254Fp ofRawLimbs(long l0, long l1, long l2, long l3) {
    return new Bn254Fp(l0, l1, l2, l3);
  }

  private BigInteger rawBigInteger() {
    byte[] bytes = new byte[32];
    writeLong(bytes, 0, l3);
    writeLong(bytes, 8, l2);
    writeLong(bytes, 16, l1);
    writeLong(bytes, 24, l0);
    return new BigInteger(1, bytes);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Bn254Fp o && l0 == o.l0 && l1 == o.l1 && l2 == o.l2 && l3 == o.l3;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(l0 ^ l1 ^ l2 ^ l3);
  }

  @Override
  public String toString() {
    return toBigInteger().toString(16);
  }

  /** The unsigned high 64 bits of a * b; Java 17 only has the signed {@link Math#multiplyHigh}. */
  private static long mulHigh(long a, long b) {
    return Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
  }

  /** The carry out of the unsigned sum {@code s = a + b}, as 0 or 1. */
  private static long carry(long a, long b, long s) {
    return Long.compareUnsigned(s, a) < 0 ? 1 : 0;
  }

  /** The borrow out of the unsigned difference {@code d = a - b}, as 0 or 1. */
  private static long borrow(long a, long b, long d) {
    return Long.compareUnsigned(a, b) < 0 ? 1 : 0;
  }

  /** (s0..s3) - p when that is not negative, else (s0..s3): inputs below 2p. */
  static Bn254Fp reduceOnce(long s0, long s1, long s2, long s3) {
    long d0 = s0 - P0;
    long b = borrow(s0, P0, d0);
    long t = s1 - P1;
    long d1 = t - b;
    b = borrow(s1, P1, t) | borrow(t, b, d1);
    t = s2 - P2;
    long d2 = t - b;
    b = borrow(s2, P2, t) | borrow(t, b, d2);
    t = s3 - P3;
    long d3 = t - b;
    b = borrow(s3, P3, t) | borrow(t, b, d3);
    return b == 0 ? new Bn254Fp(d0, d1, d2, d3) : new Bn254Fp(s0, s1, s2, s3);
  }

  private static boolean lessThanP(long w0, long w1, long w2, long w3) {
    long d0 = w0 - P0;
    long b = borrow(w0, P0, d0);
    long t = w1 - P1;
    long d1 = t - b;
    b = borrow(w1, P1, t) | borrow(t, b, d1);
    t = w2 - P2;
    long d2 = t - b;
    b = borrow(w2, P2, t) | borrow(t, b, d2);
    t = w3 - P3;
    long d3 = t - b;
    b = borrow(w3, P3, t) | borrow(t, b, d3);
    return b != 0;
  }

  /** The limbs of a value below 2^256, not converted to Montgomery form. */
  private static Bn254Fp fromLimbsOf(BigInteger value) {
    long[] limbs = limbsOf(value);
    return new Bn254Fp(limbs[0], limbs[1], limbs[2], limbs[3]);
  }

  private static long[] limbsOf(BigInteger value) {
    long[] limbs = new long[4];
    for (int i = 0; i < 4; i++) {
      limbs[i] = value.shiftRight(64 * i).longValue();
    }
    return limbs;
  }

  private static long readLong(byte[] in, int offset) {
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = (v << 8) | (in[offset + i] & 0xffL);
    }
    return v;
  }

  private static void writeLong(byte[] out, int offset, long v) {
    for (int i = 7; i >= 0; i--) {
      out[offset + i] = (byte) v;
      v >>>= 8;
    }
  }
}

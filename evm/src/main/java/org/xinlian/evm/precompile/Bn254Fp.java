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
  static final long P0 = 0x3c208c16d87cfd47L;
  static final long P1 = 0x97816a916871ca8dL;
  static final long P2 = 0xb85045b68181585dL;
  static final long P3 = 0x30644e72e131a029L;
  /** -p^-1 mod 2^64: the Montgomery reduction factor. */
  static final long P_INV_NEG = 0x87d20782e4866389L;

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

  Bn254Fp square() {
    return multiply(this);
  }

  /**
   * Montgomery product a * b / 2^256 mod p by CIOS in the "no-carry" form (gnark-crypto's note
   * on Montgomery multiplication): p's top limb is below 2^62, so the running sum never needs a
   * fifth limb. Each line is (H, L) = x + y * z + w on 128 bits, with H in {@code hi}; round i
   * adds a * b_i (its carry chain in carryAb) and m p (carryMp), m clearing the lowest limb,
   * and shifts down one limb.
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
    long carryAb;
    long carryMp;
    // round 0
    lo = a0 * b0; hi = mulHigh(a0, b0); t0 = lo; carryAb = hi;
    m = t0 * P_INV_NEG;
    lo = m * P0; hi = mulHigh(m, P0); s = lo + t0; hi += carry(lo, t0, s); carryMp = hi;
    lo = a1 * b0; hi = mulHigh(a1, b0); s = lo + carryAb; hi += carry(lo, carryAb, s); t1 = s; carryAb = hi;
    lo = m * P1; hi = mulHigh(m, P1); s = lo + t1; hi += carry(lo, t1, s); u = s + carryMp; hi += carry(s, carryMp, u); t0 = u; carryMp = hi;
    lo = a2 * b0; hi = mulHigh(a2, b0); s = lo + carryAb; hi += carry(lo, carryAb, s); t2 = s; carryAb = hi;
    lo = m * P2; hi = mulHigh(m, P2); s = lo + t2; hi += carry(lo, t2, s); u = s + carryMp; hi += carry(s, carryMp, u); t1 = u; carryMp = hi;
    lo = a3 * b0; hi = mulHigh(a3, b0); s = lo + carryAb; hi += carry(lo, carryAb, s); t3 = s; carryAb = hi;
    lo = m * P3; hi = mulHigh(m, P3); s = lo + t3; hi += carry(lo, t3, s); u = s + carryMp; hi += carry(s, carryMp, u); t2 = u; carryMp = hi;
    t3 = carryMp + carryAb;
    // round 1
    lo = a0 * b1; hi = mulHigh(a0, b1); s = lo + t0; hi += carry(lo, t0, s); t0 = s; carryAb = hi;
    m = t0 * P_INV_NEG;
    lo = m * P0; hi = mulHigh(m, P0); s = lo + t0; hi += carry(lo, t0, s); carryMp = hi;
    lo = a1 * b1; hi = mulHigh(a1, b1); s = lo + t1; hi += carry(lo, t1, s); u = s + carryAb; hi += carry(s, carryAb, u); t1 = u; carryAb = hi;
    lo = m * P1; hi = mulHigh(m, P1); s = lo + t1; hi += carry(lo, t1, s); u = s + carryMp; hi += carry(s, carryMp, u); t0 = u; carryMp = hi;
    lo = a2 * b1; hi = mulHigh(a2, b1); s = lo + t2; hi += carry(lo, t2, s); u = s + carryAb; hi += carry(s, carryAb, u); t2 = u; carryAb = hi;
    lo = m * P2; hi = mulHigh(m, P2); s = lo + t2; hi += carry(lo, t2, s); u = s + carryMp; hi += carry(s, carryMp, u); t1 = u; carryMp = hi;
    lo = a3 * b1; hi = mulHigh(a3, b1); s = lo + t3; hi += carry(lo, t3, s); u = s + carryAb; hi += carry(s, carryAb, u); t3 = u; carryAb = hi;
    lo = m * P3; hi = mulHigh(m, P3); s = lo + t3; hi += carry(lo, t3, s); u = s + carryMp; hi += carry(s, carryMp, u); t2 = u; carryMp = hi;
    t3 = carryMp + carryAb;
    // round 2
    lo = a0 * b2; hi = mulHigh(a0, b2); s = lo + t0; hi += carry(lo, t0, s); t0 = s; carryAb = hi;
    m = t0 * P_INV_NEG;
    lo = m * P0; hi = mulHigh(m, P0); s = lo + t0; hi += carry(lo, t0, s); carryMp = hi;
    lo = a1 * b2; hi = mulHigh(a1, b2); s = lo + t1; hi += carry(lo, t1, s); u = s + carryAb; hi += carry(s, carryAb, u); t1 = u; carryAb = hi;
    lo = m * P1; hi = mulHigh(m, P1); s = lo + t1; hi += carry(lo, t1, s); u = s + carryMp; hi += carry(s, carryMp, u); t0 = u; carryMp = hi;
    lo = a2 * b2; hi = mulHigh(a2, b2); s = lo + t2; hi += carry(lo, t2, s); u = s + carryAb; hi += carry(s, carryAb, u); t2 = u; carryAb = hi;
    lo = m * P2; hi = mulHigh(m, P2); s = lo + t2; hi += carry(lo, t2, s); u = s + carryMp; hi += carry(s, carryMp, u); t1 = u; carryMp = hi;
    lo = a3 * b2; hi = mulHigh(a3, b2); s = lo + t3; hi += carry(lo, t3, s); u = s + carryAb; hi += carry(s, carryAb, u); t3 = u; carryAb = hi;
    lo = m * P3; hi = mulHigh(m, P3); s = lo + t3; hi += carry(lo, t3, s); u = s + carryMp; hi += carry(s, carryMp, u); t2 = u; carryMp = hi;
    t3 = carryMp + carryAb;
    // round 3
    lo = a0 * b3; hi = mulHigh(a0, b3); s = lo + t0; hi += carry(lo, t0, s); t0 = s; carryAb = hi;
    m = t0 * P_INV_NEG;
    lo = m * P0; hi = mulHigh(m, P0); s = lo + t0; hi += carry(lo, t0, s); carryMp = hi;
    lo = a1 * b3; hi = mulHigh(a1, b3); s = lo + t1; hi += carry(lo, t1, s); u = s + carryAb; hi += carry(s, carryAb, u); t1 = u; carryAb = hi;
    lo = m * P1; hi = mulHigh(m, P1); s = lo + t1; hi += carry(lo, t1, s); u = s + carryMp; hi += carry(s, carryMp, u); t0 = u; carryMp = hi;
    lo = a2 * b3; hi = mulHigh(a2, b3); s = lo + t2; hi += carry(lo, t2, s); u = s + carryAb; hi += carry(s, carryAb, u); t2 = u; carryAb = hi;
    lo = m * P2; hi = mulHigh(m, P2); s = lo + t2; hi += carry(lo, t2, s); u = s + carryMp; hi += carry(s, carryMp, u); t1 = u; carryMp = hi;
    lo = a3 * b3; hi = mulHigh(a3, b3); s = lo + t3; hi += carry(lo, t3, s); u = s + carryAb; hi += carry(s, carryAb, u); t3 = u; carryAb = hi;
    lo = m * P3; hi = mulHigh(m, P3); s = lo + t3; hi += carry(lo, t3, s); u = s + carryMp; hi += carry(s, carryMp, u); t2 = u; carryMp = hi;
    t3 = carryMp + carryAb;
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
  static long mulHigh(long a, long b) {
    return Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
  }

  /** The carry out of the unsigned sum {@code s = a + b}, as 0 or 1. */
  static long carry(long a, long b, long s) {
    return Long.compareUnsigned(s, a) < 0 ? 1 : 0;
  }

  /** The borrow out of the unsigned difference {@code d = a - b}, as 0 or 1. */
  static long borrow(long a, long b, long d) {
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

package org.xinlian.evm.precompile;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * Width-w non-adjacent form of a scalar: digits d_i, zero or odd with |d_i| < 2^(w-1), such that
 * k = sum d_i 2^i and any w consecutive digits hold at most one non-zero. A scalar multiplication
 * then needs about bits / (w + 1) additions from a table of 2^(w-2) odd multiples, negated for
 * negative digits (negating a point is free). Width 2 is the plain NAF.
 */
final class Wnaf {
  private Wnaf() {}

  /**
   * The digits of k >= 0, least significant first, up to the last non-zero one (which is
   * positive): at most bitLength(k) + 1 of them, none for k = 0.
   */
  static byte[] digits(BigInteger k, int width) {
    int length = k.bitLength() + 1;
    long[] limbs = new long[(length + 63) / 64 + 1];
    for (int i = 0; i < limbs.length; i++) {
      limbs[i] = k.shiftRight(64 * i).longValue();
    }
    byte[] digits = new byte[length];
    // Scan upwards: a run of bits equal to the pending carry gives zero digits; otherwise take
    // a whole window, make it odd-centred, and carry its top into the bits above (as in
    // libsecp256k1's secp256k1_ecmult_wnaf).
    int carry = 0;
    int bit = 0;
    int top = -1;
    while (bit < length) {
      if (bits(limbs, bit, 1) == carry) {
        bit++;
        continue;
      }
      int width0 = Math.min(width, length - bit);
      int word = bits(limbs, bit, width0) + carry;
      carry = (word >> (width - 1)) & 1;
      word -= carry << width;
      digits[bit] = (byte) word;
      top = bit;
      bit += width0;
    }
    return Arrays.copyOf(digits, top + 1);
  }

  /** Bits [from, from + count) of the little-endian limbs, count <= 8. */
  private static int bits(long[] limbs, int from, int count) {
    int limb = from >>> 6;
    int shift = from & 63;
    long value = limbs[limb] >>> shift;
    if (shift + count > 64 && limb + 1 < limbs.length) {
      value |= limbs[limb + 1] << (64 - shift);
    }
    return (int) (value & ((1L << count) - 1));
  }
}

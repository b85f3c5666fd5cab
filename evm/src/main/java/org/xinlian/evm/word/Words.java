package org.xinlian.evm.word;

/**
 * The EVM's arithmetic on 256-bit words (Yellow Paper appendix H), all modulo 2^256. Division by
 * zero yields zero as the EVM defines; no method throws. Nothing here uses BigInteger: operands
 * that fit in 64 bits stay on longs, wide division runs Knuth's algorithm D ({@link Division}).
 */
public final class Words {
  private Words() {}

  public static UInt256 add(UInt256 a, UInt256 b) {
    long r0 = a.l0 + b.l0;
    long carry = Long.compareUnsigned(r0, a.l0) < 0 ? 1 : 0;
    long t1 = a.l1 + b.l1;
    long c1 = Long.compareUnsigned(t1, a.l1) < 0 ? 1 : 0;
    long r1 = t1 + carry;
    c1 |= Long.compareUnsigned(r1, t1) < 0 ? 1 : 0;
    long t2 = a.l2 + b.l2;
    long c2 = Long.compareUnsigned(t2, a.l2) < 0 ? 1 : 0;
    long r2 = t2 + c1;
    c2 |= Long.compareUnsigned(r2, t2) < 0 ? 1 : 0;
    long r3 = a.l3 + b.l3 + c2;
    return UInt256.of(r0, r1, r2, r3);
  }

  public static UInt256 sub(UInt256 a, UInt256 b) {
    long r0 = a.l0 - b.l0;
    long borrow = Long.compareUnsigned(a.l0, b.l0) < 0 ? 1 : 0;
    long t1 = a.l1 - b.l1;
    long b1 = Long.compareUnsigned(a.l1, b.l1) < 0 ? 1 : 0;
    long r1 = t1 - borrow;
    b1 |= Long.compareUnsigned(t1, borrow) < 0 ? 1 : 0;
    long t2 = a.l2 - b.l2;
    long b2 = Long.compareUnsigned(a.l2, b.l2) < 0 ? 1 : 0;
    long r2 = t2 - b1;
    b2 |= Long.compareUnsigned(t2, b1) < 0 ? 1 : 0;
    long r3 = a.l3 - b.l3 - b2;
    return UInt256.of(r0, r1, r2, r3);
  }

  private static long unsignedMultiplyHigh(long x, long y) {
    return Math.multiplyHigh(x, y) + ((x >> 63) & y) + ((y >> 63) & x);
  }

  /** Low 256 bits of the product, schoolbook over 64-bit limbs without allocation. */
  public static UInt256 mul(UInt256 a, UInt256 b) {
    long a0 = a.l0;
    long a1 = a.l1;
    long a2 = a.l2;
    long a3 = a.l3;
    long b0 = b.l0;
    long b1 = b.l1;
    long b2 = b.l2;
    long b3 = b.l3;
    if ((a1 | a2 | a3 | b1 | b2 | b3) == 0) {
      return UInt256.of(a0 * b0, unsignedMultiplyHigh(a0, b0), 0, 0);
    }
    // Row 0: a0 * (b0, b1, b2, b3)
    long r0 = a0 * b0;
    long carry = unsignedMultiplyHigh(a0, b0);
    long low = a0 * b1;
    long r1 = low + carry;
    carry = unsignedMultiplyHigh(a0, b1) + (Long.compareUnsigned(r1, low) < 0 ? 1 : 0);
    low = a0 * b2;
    long r2 = low + carry;
    carry = unsignedMultiplyHigh(a0, b2) + (Long.compareUnsigned(r2, low) < 0 ? 1 : 0);
    long r3 = a0 * b3 + carry;
    // Row 1: a1 * (b0, b1, b2) shifted one limb
    low = a1 * b0;
    long sum = r1 + low;
    carry = unsignedMultiplyHigh(a1, b0) + (Long.compareUnsigned(sum, low) < 0 ? 1 : 0);
    r1 = sum;
    low = a1 * b1;
    sum = r2 + low;
    long high = unsignedMultiplyHigh(a1, b1) + (Long.compareUnsigned(sum, low) < 0 ? 1 : 0);
    r2 = sum + carry;
    high += Long.compareUnsigned(r2, sum) < 0 ? 1 : 0;
    r3 += a1 * b2 + high;
    // Row 2: a2 * (b0, b1) shifted two limbs
    low = a2 * b0;
    sum = r2 + low;
    carry = unsignedMultiplyHigh(a2, b0) + (Long.compareUnsigned(sum, low) < 0 ? 1 : 0);
    r2 = sum;
    r3 += a2 * b1 + carry;
    // Row 3: a3 * b0 shifted three limbs
    r3 += a3 * b0;
    return UInt256.of(r0, r1, r2, r3);
  }

  public static UInt256 div(UInt256 a, UInt256 b) {
    if (b.isZero()) {
      return UInt256.ZERO;
    }
    if ((a.l1 | a.l2 | a.l3 | b.l1 | b.l2 | b.l3) == 0) {
      return UInt256.fromLong(Long.divideUnsigned(a.l0, b.l0));
    }
    if (a.compareTo(b) < 0) {
      return UInt256.ZERO;
    }
    return Division.quotient(Division.limbs(a), Division.limbs(b));
  }

  public static UInt256 mod(UInt256 a, UInt256 b) {
    if (b.isZero()) {
      return UInt256.ZERO;
    }
    if ((a.l1 | a.l2 | a.l3 | b.l1 | b.l2 | b.l3) == 0) {
      return UInt256.fromLong(Long.remainderUnsigned(a.l0, b.l0));
    }
    if (a.compareTo(b) < 0) {
      return a;
    }
    return Division.remainder(Division.limbs(a), Division.limbs(b));
  }

  /** Signed division truncating toward zero; -2^255 / -1 overflows back to -2^255 (EIP-145 era rule). */
  public static UInt256 sdiv(UInt256 a, UInt256 b) {
    if (b.isZero()) {
      return UInt256.ZERO;
    }
    boolean negative = a.isNegative() != b.isNegative();
    UInt256 quotient = div(abs(a), abs(b));
    return negative ? negate(quotient) : quotient;
  }

  /** Signed remainder taking the sign of the dividend. */
  public static UInt256 smod(UInt256 a, UInt256 b) {
    if (b.isZero()) {
      return UInt256.ZERO;
    }
    UInt256 remainder = mod(abs(a), abs(b));
    return a.isNegative() ? negate(remainder) : remainder;
  }

  public static UInt256 addmod(UInt256 a, UInt256 b, UInt256 m) {
    if (m.isZero()) {
      return UInt256.ZERO;
    }
    return Division.remainder(Division.sum(a, b), Division.limbs(m));
  }

  public static UInt256 mulmod(UInt256 a, UInt256 b, UInt256 m) {
    if (m.isZero()) {
      return UInt256.ZERO;
    }
    return Division.remainder(Division.product(a, b), Division.limbs(m));
  }

  public static UInt256 exp(UInt256 base, UInt256 exponent) {
    UInt256 result = UInt256.ONE;
    UInt256 power = base;
    int bits = exponent.bitLength();
    for (int i = 0; i < bits; i++) {
      if (testBit(exponent, i)) {
        result = mul(result, power);
      }
      if (i + 1 < bits) {
        power = mul(power, power);
      }
    }
    return result;
  }

  private static boolean testBit(UInt256 word, int bit) {
    return ((word.limb(bit >>> 6) >>> (bit & 63)) & 1) != 0;
  }

  public static UInt256 negate(UInt256 a) {
    return add(not(a), UInt256.ONE);
  }

  private static UInt256 abs(UInt256 a) {
    return a.isNegative() ? negate(a) : a;
  }

  /** SIGNEXTEND: extends the sign bit of byte {@code byteIndex} (0 = least significant). */
  public static UInt256 signExtend(UInt256 byteIndex, UInt256 value) {
    if (!byteIndex.fitsInt() || byteIndex.l0 >= 31) {
      return value;
    }
    int signBit = (int) byteIndex.l0 * 8 + 7;
    boolean negative = testBit(value, signBit);
    UInt256 mask = shr(UInt256.MAX, UInt256.fromLong(255 - signBit));
    return negative ? or(value, not(mask)) : and(value, mask);
  }

  public static UInt256 and(UInt256 a, UInt256 b) {
    return UInt256.of(a.l0 & b.l0, a.l1 & b.l1, a.l2 & b.l2, a.l3 & b.l3);
  }

  public static UInt256 or(UInt256 a, UInt256 b) {
    return UInt256.of(a.l0 | b.l0, a.l1 | b.l1, a.l2 | b.l2, a.l3 | b.l3);
  }

  public static UInt256 xor(UInt256 a, UInt256 b) {
    return UInt256.of(a.l0 ^ b.l0, a.l1 ^ b.l1, a.l2 ^ b.l2, a.l3 ^ b.l3);
  }

  public static UInt256 not(UInt256 a) {
    return UInt256.of(~a.l0, ~a.l1, ~a.l2, ~a.l3);
  }

  /** BYTE: byte {@code index} counted from the most significant end, zero when out of range. */
  public static UInt256 byteAt(UInt256 index, UInt256 value) {
    if (!index.fitsInt() || index.l0 >= 32) {
      return UInt256.ZERO;
    }
    int fromLeast = 31 - (int) index.l0;
    long limb = value.limb(fromLeast >>> 3);
    return UInt256.fromLong((limb >>> ((fromLeast & 7) * 8)) & 0xFF);
  }

  /** SHL (EIP-145): {@code value << shift}, zero when shift is 256 or more. */
  public static UInt256 shl(UInt256 value, UInt256 shift) {
    if (!shift.fitsInt() || shift.l0 >= 256) {
      return UInt256.ZERO;
    }
    int n = (int) shift.l0;
    int limbShift = n >>> 6;
    int bitShift = n & 63;
    long[] in = {value.l0, value.l1, value.l2, value.l3};
    long[] out = new long[4];
    for (int i = 3; i >= limbShift; i--) {
      long v = in[i - limbShift] << bitShift;
      if (bitShift != 0 && i - limbShift - 1 >= 0) {
        v |= in[i - limbShift - 1] >>> (64 - bitShift);
      }
      out[i] = v;
    }
    return UInt256.of(out[0], out[1], out[2], out[3]);
  }

  /** SHR (EIP-145): logical right shift, zero when shift is 256 or more. */
  public static UInt256 shr(UInt256 value, UInt256 shift) {
    if (!shift.fitsInt() || shift.l0 >= 256) {
      return UInt256.ZERO;
    }
    int n = (int) shift.l0;
    int limbShift = n >>> 6;
    int bitShift = n & 63;
    long[] in = {value.l0, value.l1, value.l2, value.l3};
    long[] out = new long[4];
    for (int i = 0; i + limbShift < 4; i++) {
      long v = in[i + limbShift] >>> bitShift;
      if (bitShift != 0 && i + limbShift + 1 < 4) {
        v |= in[i + limbShift + 1] << (64 - bitShift);
      }
      out[i] = v;
    }
    return UInt256.of(out[0], out[1], out[2], out[3]);
  }

  /** SAR (EIP-145): arithmetic right shift, all sign bits when shift is 256 or more. */
  public static UInt256 sar(UInt256 value, UInt256 shift) {
    boolean negative = value.isNegative();
    if (!shift.fitsInt() || shift.l0 >= 256) {
      return negative ? UInt256.MAX : UInt256.ZERO;
    }
    UInt256 shifted = shr(value, shift);
    if (!negative || shift.l0 == 0) {
      return shifted;
    }
    return or(shifted, shl(UInt256.MAX, UInt256.fromLong(256 - shift.l0)));
  }
}

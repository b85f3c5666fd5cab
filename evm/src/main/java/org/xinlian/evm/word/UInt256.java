package org.xinlian.evm.word;

import java.math.BigInteger;
import java.util.Arrays;
import org.xinlian.common.DecodingException;

/**
 * An immutable 256-bit unsigned EVM word held as four longs, so the interpreter's hot path
 * (add, compare, bitwise, shifts, small division) allocates one small object and never touches
 * BigInteger. Signed operations read the same bits as two's complement, as the Yellow Paper does.
 */
public final class UInt256 implements Comparable<UInt256> {
  public static final int BYTES = 32;
  public static final UInt256 ZERO = new UInt256(0, 0, 0, 0);
  public static final UInt256 ONE = new UInt256(1, 0, 0, 0);
  public static final UInt256 MAX = new UInt256(-1L, -1L, -1L, -1L);

  private static final BigInteger TWO_256 = BigInteger.ONE.shiftLeft(256);
  private static final UInt256[] SMALL = new UInt256[256];

  static {
    SMALL[0] = ZERO;
    SMALL[1] = ONE;
    for (int i = 2; i < SMALL.length; i++) {
      SMALL[i] = new UInt256(i, 0, 0, 0);
    }
  }

  /** Limbs, least significant first. */
  final long l0;
  final long l1;
  final long l2;
  final long l3;

  private UInt256(long l0, long l1, long l2, long l3) {
    this.l0 = l0;
    this.l1 = l1;
    this.l2 = l2;
    this.l3 = l3;
  }

  static UInt256 of(long l0, long l1, long l2, long l3) {
    if ((l1 | l2 | l3) == 0 && l0 >= 0 && l0 < SMALL.length) {
      return SMALL[(int) l0];
    }
    return new UInt256(l0, l1, l2, l3);
  }

  /** The word whose low 64 bits are {@code value} read as unsigned. */
  public static UInt256 fromLong(long value) {
    return of(value, 0, 0, 0);
  }

  /** Big-endian bytes, at most 32; shorter input is left-padded with zeros. */
  public static UInt256 fromBytes(byte[] bytes) {
    return fromBytes(bytes, 0, bytes.length);
  }

  /** Big-endian bytes {@code [offset, offset + length)}, length at most 32. */
  public static UInt256 fromBytes(byte[] bytes, int offset, int length) {
    if (length > BYTES) {
      throw new DecodingException("word", length + " bytes exceed 32");
    }
    long l0 = 0;
    long l1 = 0;
    long l2 = 0;
    long l3 = 0;
    for (int i = 0; i < length; i++) {
      int bitPosition = (length - 1 - i) * 8;
      long shifted = (bytes[offset + i] & 0xFFL) << (bitPosition & 63);
      switch (bitPosition >>> 6) {
        case 0:
          l0 |= shifted;
          break;
        case 1:
          l1 |= shifted;
          break;
        case 2:
          l2 |= shifted;
          break;
        default:
          l3 |= shifted;
          break;
      }
    }
    return of(l0, l1, l2, l3);
  }

  /** The value modulo 2^256 (negative values wrap as two's complement). */
  public static UInt256 fromBigInteger(BigInteger value) {
    BigInteger reduced = value.mod(TWO_256);
    return of(
        reduced.longValue(),
        reduced.shiftRight(64).longValue(),
        reduced.shiftRight(128).longValue(),
        reduced.shiftRight(192).longValue());
  }

  public BigInteger toBigInteger() {
    byte[] out = new byte[33];
    toBytes(out, 1);
    return new BigInteger(out);
  }

  /** Two's complement reading. */
  public BigInteger toSignedBigInteger() {
    return new BigInteger(toBytes());
  }

  public byte[] toBytes() {
    byte[] out = new byte[BYTES];
    toBytes(out, 0);
    return out;
  }

  /** Writes the 32 big-endian bytes at {@code offset}. */
  public void toBytes(byte[] target, int offset) {
    putLong(target, offset, l3);
    putLong(target, offset + 8, l2);
    putLong(target, offset + 16, l1);
    putLong(target, offset + 24, l0);
  }

  /** Big-endian bytes without leading zeros (empty for zero), as RLP and state tests want. */
  public byte[] toMinimalBytes() {
    byte[] full = toBytes();
    int start = 0;
    while (start < BYTES && full[start] == 0) {
      start++;
    }
    return Arrays.copyOfRange(full, start, BYTES);
  }

  private static void putLong(byte[] target, int offset, long value) {
    for (int i = 7; i >= 0; i--) {
      target[offset + i] = (byte) value;
      value >>>= 8;
    }
  }

  public boolean isZero() {
    return (l0 | l1 | l2 | l3) == 0;
  }

  /** True when the value fits in a non-negative long, so offsets and sizes can be read safely. */
  public boolean fitsLong() {
    return (l1 | l2 | l3) == 0 && l0 >= 0;
  }

  /** True when the value fits in a non-negative int. */
  public boolean fitsInt() {
    return (l1 | l2 | l3) == 0 && l0 >= 0 && l0 <= Integer.MAX_VALUE;
  }

  /** The low 64 bits. */
  public long longValue() {
    return l0;
  }

  /** The value as a long, or {@code Long.MAX_VALUE} when it does not fit (gas and sizes saturate). */
  public long clampedLong() {
    return fitsLong() ? l0 : Long.MAX_VALUE;
  }

  /** Number of significant bits (0 for zero). */
  public int bitLength() {
    if (l3 != 0) {
      return 256 - Long.numberOfLeadingZeros(l3);
    }
    if (l2 != 0) {
      return 192 - Long.numberOfLeadingZeros(l2);
    }
    if (l1 != 0) {
      return 128 - Long.numberOfLeadingZeros(l1);
    }
    return 64 - Long.numberOfLeadingZeros(l0);
  }

  /** Number of significant bytes, which EXP prices. */
  public int byteLength() {
    return (bitLength() + 7) / 8;
  }

  long limb(int index) {
    switch (index) {
      case 0:
        return l0;
      case 1:
        return l1;
      case 2:
        return l2;
      default:
        return l3;
    }
  }

  public boolean isNegative() {
    return l3 < 0;
  }

  @Override
  public int compareTo(UInt256 other) {
    int c = Long.compareUnsigned(l3, other.l3);
    if (c != 0) {
      return c;
    }
    c = Long.compareUnsigned(l2, other.l2);
    if (c != 0) {
      return c;
    }
    c = Long.compareUnsigned(l1, other.l1);
    if (c != 0) {
      return c;
    }
    return Long.compareUnsigned(l0, other.l0);
  }

  /** Signed comparison on the two's complement reading. */
  public int compareSigned(UInt256 other) {
    if (l3 != other.l3) {
      return Long.compare(l3, other.l3);
    }
    return compareTo(other);
  }

  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof UInt256)) {
      return false;
    }
    UInt256 o = (UInt256) other;
    return l0 == o.l0 && l1 == o.l1 && l2 == o.l2 && l3 == o.l3;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(l0) * 31 * 31 * 31 + Long.hashCode(l1) * 31 * 31 + Long.hashCode(l2) * 31
        + Long.hashCode(l3);
  }

  /** {@code 0x}-prefixed hex without leading zeros, as state tests print quantities. */
  public String toHexString() {
    return "0x" + toBigInteger().toString(16);
  }

  @Override
  public String toString() {
    return toHexString();
  }
}

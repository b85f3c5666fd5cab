package org.xinlian.evm.precompile;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * The alt_bn128 (BN254) wire format of EIP-196/197: 32-byte big-endian coordinates, (0, 0) for
 * infinity, G2 coordinates as F_p^2 elements with the imaginary part first. A coordinate not
 * below p, a point off its curve or a G2 point outside the order-r subgroup is rejected, never
 * reduced or repaired. The arithmetic lives in the {@code Bn254*} classes.
 */
final class AltBn128 {
  private AltBn128() {}

  /** The base field's prime. */
  static final BigInteger P = Bn254Fp.P;
  static final BigInteger ORDER = Bn254G1.ORDER;

  /** A decoded G1 point: {@code valid} false for a rejected encoding, {@code point} null for infinity. */
  record G1Input(boolean valid, Bn254G1.Affine point) {
    static final G1Input INVALID = new G1Input(false, null);
  }

  /** A decoded G2 point: {@code valid} false for a rejected encoding, {@code point} null for infinity. */
  record G2Input(boolean valid, Bn254G2.Affine point) {
    static final G2Input INVALID = new G2Input(false, null);
  }

  /** {@code input} zero-padded to at least {@code length} bytes, as EIP-196 reads short input. */
  static byte[] padded(byte[] input, int length) {
    return input.length >= length ? input : Arrays.copyOf(input, length);
  }

  /** The G1 point at {@code offset}; {@code input} holds at least 64 bytes from there. */
  static G1Input readG1(byte[] input, int offset) {
    Bn254Fp x = Bn254Fp.fromWord(input, offset);
    Bn254Fp y = Bn254Fp.fromWord(input, offset + 32);
    if (x == null || y == null) {
      return G1Input.INVALID;
    }
    if (x.isZero() && y.isZero()) {
      return new G1Input(true, null);
    }
    return Bn254G1.isOnCurve(x, y) ? new G1Input(true, new Bn254G1.Affine(x, y)) : G1Input.INVALID;
  }

  /** The G2 point at {@code offset}, subgroup-checked; {@code input} holds 128 bytes from there. */
  static G2Input readG2(byte[] input, int offset) {
    Bn254Fp xImaginary = Bn254Fp.fromWord(input, offset);
    Bn254Fp xReal = Bn254Fp.fromWord(input, offset + 32);
    Bn254Fp yImaginary = Bn254Fp.fromWord(input, offset + 64);
    Bn254Fp yReal = Bn254Fp.fromWord(input, offset + 96);
    if (xImaginary == null || xReal == null || yImaginary == null || yReal == null) {
      return G2Input.INVALID;
    }
    Bn254Fp2 x = new Bn254Fp2(xReal, xImaginary);
    Bn254Fp2 y = new Bn254Fp2(yReal, yImaginary);
    if (x.isZero() && y.isZero()) {
      return new G2Input(true, null);
    }
    if (!Bn254G2.isOnCurve(x, y)) {
      return G2Input.INVALID;
    }
    Bn254G2.Affine point = new Bn254G2.Affine(x, y);
    return Bn254G2.isInSubgroup(point) ? new G2Input(true, point) : G2Input.INVALID;
  }

  /** The 64-byte encoding of a G1 point, zeros for infinity (null). */
  static byte[] encode(Bn254G1.Affine point) {
    byte[] out = new byte[64];
    if (point != null) {
      point.x().writeWord(out, 0);
      point.y().writeWord(out, 32);
    }
    return out;
  }
}

package org.xinlian.evm.precompile;

import java.util.Optional;

/** 0x09 BLAKE2b compression function F (EIP-152): one gas per round; exactly 213 input bytes. */
final class Blake2fPrecompile implements Precompile {
  static final int INPUT_BYTES = 213;

  private static final long[] IV = {
    0x6a09e667f3bcc908L, 0xbb67ae8584caa73bL, 0x3c6ef372fe94f82bL, 0xa54ff53a5f1d36f1L,
    0x510e527fade682d1L, 0x9b05688c2b3e6c1fL, 0x1f83d9abfb41bd6bL, 0x5be0cd19137e2179L
  };

  private static final int[][] SIGMA = {
    {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15},
    {14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3},
    {11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4},
    {7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8},
    {9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13},
    {2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9},
    {12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11},
    {13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10},
    {6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5},
    {10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0},
  };

  @Override
  public long gas(byte[] input) {
    if (input.length != INPUT_BYTES) {
      return 0;
    }
    return Integer.toUnsignedLong(
        ((input[0] & 0xFF) << 24) | ((input[1] & 0xFF) << 16) | ((input[2] & 0xFF) << 8) | (input[3] & 0xFF));
  }

  @Override
  public Optional<byte[]> execute(byte[] input) {
    if (input.length != INPUT_BYTES || (input[212] & 0xFF) > 1) {
      return Optional.empty();
    }
    long rounds = gas(input);
    long[] h = new long[8];
    long[] m = new long[16];
    for (int i = 0; i < 8; i++) {
      h[i] = littleEndian(input, 4 + 8 * i);
    }
    for (int i = 0; i < 16; i++) {
      m[i] = littleEndian(input, 68 + 8 * i);
    }
    long t0 = littleEndian(input, 196);
    long t1 = littleEndian(input, 204);
    boolean last = input[212] == 1;
    compress(h, m, t0, t1, last, rounds);
    byte[] out = new byte[64];
    for (int i = 0; i < 8; i++) {
      for (int b = 0; b < 8; b++) {
        out[8 * i + b] = (byte) (h[i] >>> (8 * b));
      }
    }
    return Optional.of(out);
  }

  private static long littleEndian(byte[] data, int offset) {
    long value = 0;
    for (int b = 7; b >= 0; b--) {
      value = (value << 8) | (data[offset + b] & 0xFF);
    }
    return value;
  }

  /**
   * RFC 7693 section 3.2, with the round count as a parameter. The working vector lives in 16
   * locals rather than an array, so the JIT keeps it in registers: a round costs one gas, and
   * a call of many rounds must still run at the 20 Mgas/s floor (docs/spec/evm.md EVM-15).
   */
  static void compress(long[] h, long[] m, long t0, long t1, boolean last, long rounds) {
    long v0 = h[0];
    long v1 = h[1];
    long v2 = h[2];
    long v3 = h[3];
    long v4 = h[4];
    long v5 = h[5];
    long v6 = h[6];
    long v7 = h[7];
    long v8 = IV[0];
    long v9 = IV[1];
    long v10 = IV[2];
    long v11 = IV[3];
    long v12 = IV[4] ^ t0;
    long v13 = IV[5] ^ t1;
    long v14 = last ? ~IV[6] : IV[6];
    long v15 = IV[7];
    int schedule = 0;
    for (long round = 0; round < rounds; round++) {
      int[] s = SIGMA[schedule];
      schedule = schedule == SIGMA.length - 1 ? 0 : schedule + 1;
      // G(v0, v4, v8, v12)
      v0 += v4 + m[s[0]];
      v12 = Long.rotateRight(v12 ^ v0, 32);
      v8 += v12;
      v4 = Long.rotateRight(v4 ^ v8, 24);
      v0 += v4 + m[s[1]];
      v12 = Long.rotateRight(v12 ^ v0, 16);
      v8 += v12;
      v4 = Long.rotateRight(v4 ^ v8, 63);
      // G(v1, v5, v9, v13)
      v1 += v5 + m[s[2]];
      v13 = Long.rotateRight(v13 ^ v1, 32);
      v9 += v13;
      v5 = Long.rotateRight(v5 ^ v9, 24);
      v1 += v5 + m[s[3]];
      v13 = Long.rotateRight(v13 ^ v1, 16);
      v9 += v13;
      v5 = Long.rotateRight(v5 ^ v9, 63);
      // G(v2, v6, v10, v14)
      v2 += v6 + m[s[4]];
      v14 = Long.rotateRight(v14 ^ v2, 32);
      v10 += v14;
      v6 = Long.rotateRight(v6 ^ v10, 24);
      v2 += v6 + m[s[5]];
      v14 = Long.rotateRight(v14 ^ v2, 16);
      v10 += v14;
      v6 = Long.rotateRight(v6 ^ v10, 63);
      // G(v3, v7, v11, v15)
      v3 += v7 + m[s[6]];
      v15 = Long.rotateRight(v15 ^ v3, 32);
      v11 += v15;
      v7 = Long.rotateRight(v7 ^ v11, 24);
      v3 += v7 + m[s[7]];
      v15 = Long.rotateRight(v15 ^ v3, 16);
      v11 += v15;
      v7 = Long.rotateRight(v7 ^ v11, 63);
      // G(v0, v5, v10, v15)
      v0 += v5 + m[s[8]];
      v15 = Long.rotateRight(v15 ^ v0, 32);
      v10 += v15;
      v5 = Long.rotateRight(v5 ^ v10, 24);
      v0 += v5 + m[s[9]];
      v15 = Long.rotateRight(v15 ^ v0, 16);
      v10 += v15;
      v5 = Long.rotateRight(v5 ^ v10, 63);
      // G(v1, v6, v11, v12)
      v1 += v6 + m[s[10]];
      v12 = Long.rotateRight(v12 ^ v1, 32);
      v11 += v12;
      v6 = Long.rotateRight(v6 ^ v11, 24);
      v1 += v6 + m[s[11]];
      v12 = Long.rotateRight(v12 ^ v1, 16);
      v11 += v12;
      v6 = Long.rotateRight(v6 ^ v11, 63);
      // G(v2, v7, v8, v13)
      v2 += v7 + m[s[12]];
      v13 = Long.rotateRight(v13 ^ v2, 32);
      v8 += v13;
      v7 = Long.rotateRight(v7 ^ v8, 24);
      v2 += v7 + m[s[13]];
      v13 = Long.rotateRight(v13 ^ v2, 16);
      v8 += v13;
      v7 = Long.rotateRight(v7 ^ v8, 63);
      // G(v3, v4, v9, v14)
      v3 += v4 + m[s[14]];
      v14 = Long.rotateRight(v14 ^ v3, 32);
      v9 += v14;
      v4 = Long.rotateRight(v4 ^ v9, 24);
      v3 += v4 + m[s[15]];
      v14 = Long.rotateRight(v14 ^ v3, 16);
      v9 += v14;
      v4 = Long.rotateRight(v4 ^ v9, 63);
    }
    h[0] ^= v0 ^ v8;
    h[1] ^= v1 ^ v9;
    h[2] ^= v2 ^ v10;
    h[3] ^= v3 ^ v11;
    h[4] ^= v4 ^ v12;
    h[5] ^= v5 ^ v13;
    h[6] ^= v6 ^ v14;
    h[7] ^= v7 ^ v15;
  }
}

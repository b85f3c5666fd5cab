package org.xinlian.crypto.keystore;

import java.util.Arrays;
import org.bouncycastle.crypto.generators.SCrypt;

/**
 * scrypt (RFC 7914). BouncyCastle does the work, except for one parameter range it refuses:
 * r = 1 with n ≥ 2^16, which RFC 7914 §2 formally excludes but geth and ethers.js accept, and
 * which the Web3 Secret Storage Definition's own scrypt test vector uses (n = 2^18, r = 1, p = 8).
 * For that range this class computes ROMix itself, following RFC 7914 §§3–6 line by line; tests
 * check it against the RFC's vectors and against BouncyCastle wherever both apply.
 */
final class Scrypt {
  private static final int SALSA_WORDS = 16;
  private static final int BOUNCY_CASTLE_R1_N_LIMIT = 1 << 16;

  private Scrypt() {}

  static byte[] derive(byte[] password, byte[] salt, int n, int r, int p, int length) {
    if (r == 1 && n >= BOUNCY_CASTLE_R1_N_LIMIT) {
      return deriveWithRoMix(password, salt, n, r, p, length);
    }
    return SCrypt.generate(password, salt, n, r, p, length);
  }

  /** RFC 7914 §6: PBKDF2 expands, ROMix mixes each of the p blocks, PBKDF2 compresses. */
  static byte[] deriveWithRoMix(byte[] password, byte[] salt, int n, int r, int p, int length) {
    int blockBytes = 128 * r;
    byte[] expanded = KeyFileCrypto.pbkdf2HmacSha256(password, salt, 1, p * blockBytes);
    int[] block = new int[32 * r];
    int[] scratch = new int[32 * r];
    int[] memory = new int[n * 32 * r];
    for (int i = 0; i < p; i++) {
      int offset = i * blockBytes;
      for (int w = 0; w < block.length; w++) {
        block[w] = littleEndianInt(expanded, offset + 4 * w);
      }
      roMix(block, scratch, memory, n, r);
      for (int w = 0; w < block.length; w++) {
        putLittleEndianInt(block[w], expanded, offset + 4 * w);
      }
    }
    Arrays.fill(memory, 0);
    return KeyFileCrypto.pbkdf2HmacSha256(password, expanded, 1, length);
  }

  /** RFC 7914 §5. Integerify takes the first word of the last 64-byte block, mod n (a power of 2). */
  private static void roMix(int[] x, int[] scratch, int[] memory, int n, int r) {
    int words = 32 * r;
    for (int i = 0; i < n; i++) {
      System.arraycopy(x, 0, memory, i * words, words);
      blockMix(x, scratch, r);
    }
    for (int i = 0; i < n; i++) {
      int j = x[(2 * r - 1) * SALSA_WORDS] & (n - 1);
      for (int w = 0; w < words; w++) {
        x[w] ^= memory[j * words + w];
      }
      blockMix(x, scratch, r);
    }
  }

  /** RFC 7914 §4: Salsa20/8 over the 2r 64-byte blocks, even outputs first, then odd ones. */
  private static void blockMix(int[] b, int[] y, int r) {
    int[] x = new int[SALSA_WORDS];
    System.arraycopy(b, (2 * r - 1) * SALSA_WORDS, x, 0, SALSA_WORDS);
    for (int i = 0; i < 2 * r; i++) {
      for (int w = 0; w < SALSA_WORDS; w++) {
        x[w] ^= b[i * SALSA_WORDS + w];
      }
      salsa20Core8(x);
      int target = (i % 2 == 0 ? i / 2 : r + i / 2) * SALSA_WORDS;
      System.arraycopy(x, 0, y, target, SALSA_WORDS);
    }
    System.arraycopy(y, 0, b, 0, 32 * r);
  }

  /** RFC 7914 §3: the Salsa20 core with 8 rounds, added to its input. */
  private static void salsa20Core8(int[] b) {
    int x00 = b[0], x01 = b[1], x02 = b[2], x03 = b[3], x04 = b[4], x05 = b[5], x06 = b[6];
    int x07 = b[7], x08 = b[8], x09 = b[9], x10 = b[10], x11 = b[11], x12 = b[12], x13 = b[13];
    int x14 = b[14], x15 = b[15];
    for (int i = 0; i < 8; i += 2) {
      x04 ^= Integer.rotateLeft(x00 + x12, 7);
      x08 ^= Integer.rotateLeft(x04 + x00, 9);
      x12 ^= Integer.rotateLeft(x08 + x04, 13);
      x00 ^= Integer.rotateLeft(x12 + x08, 18);
      x09 ^= Integer.rotateLeft(x05 + x01, 7);
      x13 ^= Integer.rotateLeft(x09 + x05, 9);
      x01 ^= Integer.rotateLeft(x13 + x09, 13);
      x05 ^= Integer.rotateLeft(x01 + x13, 18);
      x14 ^= Integer.rotateLeft(x10 + x06, 7);
      x02 ^= Integer.rotateLeft(x14 + x10, 9);
      x06 ^= Integer.rotateLeft(x02 + x14, 13);
      x10 ^= Integer.rotateLeft(x06 + x02, 18);
      x03 ^= Integer.rotateLeft(x15 + x11, 7);
      x07 ^= Integer.rotateLeft(x03 + x15, 9);
      x11 ^= Integer.rotateLeft(x07 + x03, 13);
      x15 ^= Integer.rotateLeft(x11 + x07, 18);
      x01 ^= Integer.rotateLeft(x00 + x03, 7);
      x02 ^= Integer.rotateLeft(x01 + x00, 9);
      x03 ^= Integer.rotateLeft(x02 + x01, 13);
      x00 ^= Integer.rotateLeft(x03 + x02, 18);
      x06 ^= Integer.rotateLeft(x05 + x04, 7);
      x07 ^= Integer.rotateLeft(x06 + x05, 9);
      x04 ^= Integer.rotateLeft(x07 + x06, 13);
      x05 ^= Integer.rotateLeft(x04 + x07, 18);
      x11 ^= Integer.rotateLeft(x10 + x09, 7);
      x08 ^= Integer.rotateLeft(x11 + x10, 9);
      x09 ^= Integer.rotateLeft(x08 + x11, 13);
      x10 ^= Integer.rotateLeft(x09 + x08, 18);
      x12 ^= Integer.rotateLeft(x15 + x14, 7);
      x13 ^= Integer.rotateLeft(x12 + x15, 9);
      x14 ^= Integer.rotateLeft(x13 + x12, 13);
      x15 ^= Integer.rotateLeft(x14 + x13, 18);
    }
    b[0] += x00;
    b[1] += x01;
    b[2] += x02;
    b[3] += x03;
    b[4] += x04;
    b[5] += x05;
    b[6] += x06;
    b[7] += x07;
    b[8] += x08;
    b[9] += x09;
    b[10] += x10;
    b[11] += x11;
    b[12] += x12;
    b[13] += x13;
    b[14] += x14;
    b[15] += x15;
  }

  private static int littleEndianInt(byte[] bytes, int offset) {
    return (bytes[offset] & 0xff)
        | (bytes[offset + 1] & 0xff) << 8
        | (bytes[offset + 2] & 0xff) << 16
        | (bytes[offset + 3] & 0xff) << 24;
  }

  private static void putLittleEndianInt(int value, byte[] bytes, int offset) {
    bytes[offset] = (byte) value;
    bytes[offset + 1] = (byte) (value >>> 8);
    bytes[offset + 2] = (byte) (value >>> 16);
    bytes[offset + 3] = (byte) (value >>> 24);
  }
}

package org.xinlian.evm;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Revert data in Solidity's {@code Error(string)} form, which wallets, ethers.js and our RPC
 * decode into a reason: the selector {@code 0x08c379a0}, then the ABI encoding of one string.
 */
public final class RevertReason {
  /** The first four bytes of Keccak-256 of {@code Error(string)}. */
  public static final byte[] ERROR_SELECTOR = {0x08, (byte) 0xc3, 0x79, (byte) 0xa0};
  /**
   * The longest reason kept, in bytes of UTF-8 (governance reasons are at most this long,
   * GOV-20); a longer one is cut at a character boundary, so revert data stays small.
   */
  public static final int REASON_BYTES_MAX = 256;

  private static final int WORD_BYTES = 32;

  private RevertReason() {}

  /** {@code Error(reason)} as revert data, the reason cut to {@link #REASON_BYTES_MAX}. */
  public static byte[] errorData(String reason) {
    return errorData(reason, REASON_BYTES_MAX);
  }

  /**
   * {@code Error(reason)} as revert data, the reason cut to at most {@code bytesMax} bytes of UTF-8
   * (system contracts whose own limits bound their reasons pass a larger one).
   */
  public static byte[] errorData(String reason, int bytesMax) {
    byte[] text = utf8Prefix(reason, bytesMax);
    int padded = (text.length + WORD_BYTES - 1) / WORD_BYTES * WORD_BYTES;
    byte[] data = new byte[ERROR_SELECTOR.length + 2 * WORD_BYTES + padded];
    System.arraycopy(ERROR_SELECTOR, 0, data, 0, ERROR_SELECTOR.length);
    // The string's offset (32), then its length; both fit in the word's last four bytes.
    data[ERROR_SELECTOR.length + WORD_BYTES - 1] = WORD_BYTES;
    int lengthEnd = ERROR_SELECTOR.length + 2 * WORD_BYTES;
    for (int i = 1; i <= Integer.BYTES; i++) {
      data[lengthEnd - i] = (byte) (text.length >>> (8 * (i - 1)));
    }
    System.arraycopy(text, 0, data, lengthEnd, text.length);
    return data;
  }

  /** At most {@code bytesMax} bytes of {@code text} in UTF-8, never ending inside a character. */
  private static byte[] utf8Prefix(String text, int bytesMax) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (bytes.length <= bytesMax) {
      return bytes;
    }
    int end = bytesMax;
    // Back off over continuation bytes (10xxxxxx) to the start of the cut character.
    while (end > 0 && (bytes[end] & 0xC0) == 0x80) {
      end--;
    }
    return Arrays.copyOf(bytes, end);
  }
}

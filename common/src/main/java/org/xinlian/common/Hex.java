package org.xinlian.common;

/** Strict hexadecimal: lower-case output with {@code 0x}; input with or without the prefix. */
public final class Hex {
  private static final char[] DIGITS = "0123456789abcdef".toCharArray();

  private Hex() {}

  /** {@code 0x}-prefixed lower-case hex of the bytes. */
  public static String encode(byte[] bytes) {
    return "0x" + encodeBare(bytes, 0, bytes.length);
  }

  /** Lower-case hex without a prefix. */
  public static String encodeBare(byte[] bytes) {
    return encodeBare(bytes, 0, bytes.length);
  }

  public static String encodeBare(byte[] bytes, int offset, int length) {
    char[] out = new char[length * 2];
    for (int i = 0; i < length; i++) {
      int b = bytes[offset + i] & 0xff;
      out[2 * i] = DIGITS[b >>> 4];
      out[2 * i + 1] = DIGITS[b & 0x0f];
    }
    return new String(out);
  }

  /**
   * Decodes hex with an optional {@code 0x}/{@code 0X} prefix; an odd number of digits or a
   * non-hex character is rejected, naming {@code field}.
   */
  public static byte[] decode(String field, String hex) {
    if (hex == null) {
      throw new DecodingException(field, "missing hex value");
    }
    int start = hex.startsWith("0x") || hex.startsWith("0X") ? 2 : 0;
    int digits = hex.length() - start;
    if ((digits & 1) != 0) {
      throw new DecodingException(field, "odd number of hex digits (" + digits + ")");
    }
    byte[] out = new byte[digits / 2];
    for (int i = 0; i < out.length; i++) {
      int high = digit(field, hex, start + 2 * i);
      int low = digit(field, hex, start + 2 * i + 1);
      out[i] = (byte) ((high << 4) | low);
    }
    return out;
  }

  /** As {@link #decode(String, String)} with a generic field name. */
  public static byte[] decode(String hex) {
    return decode("hex", hex);
  }

  private static int digit(String field, String hex, int index) {
    int value = Character.digit(hex.charAt(index), 16);
    if (value < 0) {
      throw new DecodingException(
          field, "invalid hex character '" + hex.charAt(index) + "' at position " + index);
    }
    return value;
  }
}

package org.xinlian.crypto.internal;

import java.io.IOException;
import java.util.Base64;
import org.bouncycastle.asn1.ASN1Primitive;
import org.xinlian.common.DecodingException;

/**
 * Strict single-block PEM (RFC 7468) and DER parsing. Why not BouncyCastle's PemReader: it skips
 * text before and after the block and tolerates bad base64, and a key file that silently carries
 * something else is exactly what an operator must be told about.
 */
public final class Pem {
  /** Longer input is rejected before parsing; certificates of this project are about 1 KiB. */
  public static final int PEM_CHARACTERS_MAX = 65_536;

  private static final int LINE_CHARACTERS = 64;
  private static final String DASHES = "-----";

  private Pem() {}

  /** {@code -----BEGIN label-----}, base64 in 64-character lines, {@code -----END label-----}. */
  public static String encode(String label, byte[] der) {
    String body = Base64.getEncoder().encodeToString(der);
    StringBuilder out = new StringBuilder(body.length() + body.length() / LINE_CHARACTERS + 64);
    out.append(DASHES).append("BEGIN ").append(label).append(DASHES).append('\n');
    for (int i = 0; i < body.length(); i += LINE_CHARACTERS) {
      out.append(body, i, Math.min(body.length(), i + LINE_CHARACTERS)).append('\n');
    }
    out.append(DASHES).append("END ").append(label).append(DASHES).append('\n');
    return out.toString();
  }

  /**
   * The DER bytes of exactly one PEM block with this label; surrounding whitespace is allowed,
   * anything else before or after the block, headers and invalid base64 are rejected.
   */
  public static byte[] decode(String field, String label, String pem) {
    if (pem == null) {
      throw new DecodingException(field, "missing PEM text");
    }
    if (pem.length() > PEM_CHARACTERS_MAX) {
      throw new DecodingException(
          field, "PEM text of " + pem.length() + " characters exceeds " + PEM_CHARACTERS_MAX);
    }
    String text = pem.strip();
    String begin = DASHES + "BEGIN " + label + DASHES;
    String end = DASHES + "END " + label + DASHES;
    if (!text.startsWith(begin)) {
      throw new DecodingException(field, "expected PEM to start with " + begin);
    }
    if (!text.endsWith(end) || text.length() < begin.length() + end.length()) {
      throw new DecodingException(field, "expected PEM to end with " + end + " and nothing after it");
    }
    String body = text.substring(begin.length(), text.length() - end.length());
    StringBuilder base64 = new StringBuilder(body.length());
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '\n' || c == '\r') {
        continue;
      }
      if (!isBase64Character(c)) {
        throw new DecodingException(
            field, "invalid character '" + printable(c) + "' inside the " + label + " block");
      }
      base64.append(c);
    }
    if (base64.length() == 0) {
      throw new DecodingException(field, "empty " + label + " block");
    }
    byte[] der;
    try {
      der = Base64.getDecoder().decode(base64.toString());
    } catch (IllegalArgumentException e) {
      throw new DecodingException(field, "invalid base64: " + e.getMessage(), e);
    }
    return der;
  }

  /** Exactly one ASN.1 object filling all of {@code der}; trailing bytes are rejected. */
  public static ASN1Primitive parseDer(String field, byte[] der) {
    try {
      return ASN1Primitive.fromByteArray(der);
    } catch (IOException | RuntimeException e) {
      throw new DecodingException(field, "malformed DER: " + e.getMessage(), e);
    }
  }

  private static boolean isBase64Character(char c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '+'
        || c == '/'
        || c == '=';
  }

  private static String printable(char c) {
    return c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c);
  }
}

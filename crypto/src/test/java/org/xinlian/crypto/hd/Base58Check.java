package org.xinlian.crypto.hd;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * Base58Check decoding, only for reading the serialized extended keys (xprv/xpub) that the BIP
 * test vectors publish; written from the BIP-32 "Serialization format" section, independent of
 * the code under test.
 */
final class Base58Check {
  private static final String ALPHABET =
      "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
  private static final int CHECKSUM_BYTES = 4;

  private Base58Check() {}

  /** The payload, after checking the 4-byte double-SHA-256 checksum. */
  static byte[] decode(String text) {
    BigInteger value = BigInteger.ZERO;
    for (char c : text.toCharArray()) {
      int digit = ALPHABET.indexOf(c);
      if (digit < 0) {
        throw new IllegalArgumentException("not base58: " + c);
      }
      value = value.multiply(BigInteger.valueOf(58)).add(BigInteger.valueOf(digit));
    }
    byte[] minimal = value.toByteArray();
    int start = minimal[0] == 0 ? 1 : 0;
    int leadingZeros = 0;
    while (leadingZeros < text.length() && text.charAt(leadingZeros) == '1') {
      leadingZeros++;
    }
    byte[] bytes = new byte[leadingZeros + minimal.length - start];
    System.arraycopy(minimal, start, bytes, leadingZeros, minimal.length - start);
    byte[] payload = Arrays.copyOf(bytes, bytes.length - CHECKSUM_BYTES);
    byte[] checksum = Arrays.copyOfRange(bytes, bytes.length - CHECKSUM_BYTES, bytes.length);
    byte[] expected = Arrays.copyOf(sha256(sha256(payload)), CHECKSUM_BYTES);
    if (!Arrays.equals(checksum, expected)) {
      throw new IllegalArgumentException("bad base58check checksum in " + text);
    }
    return payload;
  }

  static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The fields of a serialized extended key (BIP-32): version (4), depth (1), parent fingerprint
   * (4), child number (4), chain code (32), key data (33: 0x00 || k, or the compressed point).
   */
  record ExtendedKey(int version, int depth, byte[] parentFingerprint, int childNumber,
      byte[] chainCode, byte[] keyData) {
    static ExtendedKey parse(String text) {
      byte[] b = decode(text);
      if (b.length != 78) {
        throw new IllegalArgumentException("extended key must be 78 bytes, got " + b.length);
      }
      return new ExtendedKey(
          new BigInteger(1, b, 0, 4).intValue(),
          b[4] & 0xff,
          Arrays.copyOfRange(b, 5, 9),
          new BigInteger(1, b, 9, 4).intValue(),
          Arrays.copyOfRange(b, 13, 45),
          Arrays.copyOfRange(b, 45, 78));
    }

    /** The 32-byte private key of an xprv (key data minus its 0x00 prefix). */
    byte[] privateKey() {
      if (keyData[0] != 0) {
        throw new IllegalArgumentException("not a private extended key");
      }
      return Arrays.copyOfRange(keyData, 1, 33);
    }
  }
}

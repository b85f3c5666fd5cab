package org.xinlian.crypto.gm;

import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.xinlian.crypto.AuthenticationFailedException;

/**
 * SM4 in Galois/Counter Mode (NIST SP 800-38D with the SM4 block cipher, as RFC 8998 uses it) for
 * any IV and tag length. The suite fixes a 12-byte nonce and a 16-byte tag; the general form exists
 * so the Wycheproof vectors, which vary both, test the very code the suite runs.
 */
final class Sm4Gcm {
  static final int KEY_LENGTH = 16;
  private static final int BITS_PER_BYTE = 8;

  private Sm4Gcm() {}

  /** The SM4 block cipher the mode runs on (GB/T 32907). */
  static BlockCipher blockCipher() {
    return new SM4Engine();
  }

  /** Ciphertext followed by a {@code tagLength}-byte tag. */
  static byte[] encrypt(byte[] key, byte[] iv, int tagLength, byte[] plaintext, byte[] associatedData) {
    GCMModeCipher cipher = cipher(true, key, iv, tagLength, associatedData);
    byte[] out = new byte[cipher.getOutputSize(plaintext.length)];
    int written = cipher.processBytes(plaintext, 0, plaintext.length, out, 0);
    try {
      cipher.doFinal(out, written);
    } catch (InvalidCipherTextException e) {
      throw new IllegalStateException("SM4-GCM encryption cannot fail authentication", e);
    }
    return out;
  }

  /**
   * The plaintext, after the tag checked out.
   *
   * @throws AuthenticationFailedException on a tag mismatch or input shorter than the tag
   */
  static byte[] decrypt(
      byte[] key, byte[] iv, int tagLength, byte[] ciphertextWithTag, byte[] associatedData) {
    if (ciphertextWithTag.length < tagLength) {
      throw new AuthenticationFailedException(
          "SM4-GCM: input of " + ciphertextWithTag.length + " bytes is shorter than the tag");
    }
    GCMModeCipher cipher = cipher(false, key, iv, tagLength, associatedData);
    byte[] out = new byte[cipher.getOutputSize(ciphertextWithTag.length)];
    int written = cipher.processBytes(ciphertextWithTag, 0, ciphertextWithTag.length, out, 0);
    try {
      cipher.doFinal(out, written);
    } catch (InvalidCipherTextException e) {
      throw new AuthenticationFailedException("SM4-GCM: authentication tag mismatch");
    }
    return out;
  }

  private static GCMModeCipher cipher(
      boolean encrypting, byte[] key, byte[] iv, int tagLength, byte[] associatedData) {
    if (key.length != KEY_LENGTH) {
      throw new IllegalArgumentException("key: SM4 needs 16 bytes, got " + key.length);
    }
    if (iv.length == 0) {
      // A zero-length IV makes GHASH's key recoverable (CVE-2017-7822); BouncyCastle rejects it too.
      throw new IllegalArgumentException("nonce: GCM needs at least 1 byte");
    }
    GCMModeCipher cipher = GCMBlockCipher.newInstance(blockCipher());
    cipher.init(
        encrypting,
        new AEADParameters(
            new KeyParameter(key), tagLength * BITS_PER_BYTE, iv, associatedData.clone()));
    return cipher;
  }
}

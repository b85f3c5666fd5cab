package org.xinlian.crypto.standard;

import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.xinlian.common.DecodingException;
import org.xinlian.crypto.AuthenticationFailedException;

/**
 * AES-GCM through the JDK, whose implementation uses the CPU's AES-NI and carry-less multiply
 * instructions. General over key, IV and tag sizes so that the Wycheproof vectors can exercise the
 * same code path as the suite, which fixes AES-256, a 12-byte nonce and a 16-byte tag.
 */
final class AesGcm {
  private static final String TRANSFORMATION = "AES/GCM/NoPadding";

  private AesGcm() {}

  /** The ciphertext followed by a tag of {@code tagBits} bits. */
  static byte[] encrypt(byte[] key, byte[] iv, int tagBits, byte[] plaintext, byte[] associatedData) {
    Cipher cipher = initialise(Cipher.ENCRYPT_MODE, key, iv, tagBits, associatedData);
    try {
      return cipher.doFinal(plaintext);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM encryption failed: " + e.getMessage(), e);
    }
  }

  /**
   * The plaintext of {@code ciphertextWithTag}.
   *
   * @throws AuthenticationFailedException if the tag does not match
   * @throws DecodingException if the input is shorter than the tag
   */
  static byte[] decrypt(
      byte[] key, byte[] iv, int tagBits, byte[] ciphertextWithTag, byte[] associatedData) {
    if (ciphertextWithTag == null) {
      throw new DecodingException("ciphertext", "missing value");
    }
    if (ciphertextWithTag.length < tagBits / Byte.SIZE) {
      throw new DecodingException(
          "ciphertext",
          "shorter (" + ciphertextWithTag.length + " bytes) than the " + tagBits / Byte.SIZE
              + "-byte tag");
    }
    Cipher cipher = initialise(Cipher.DECRYPT_MODE, key, iv, tagBits, associatedData);
    try {
      return cipher.doFinal(ciphertextWithTag);
    } catch (AEADBadTagException e) {
      throw new AuthenticationFailedException(
          "AES-GCM tag mismatch: wrong key, nonce, ciphertext or associated data");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM decryption failed: " + e.getMessage(), e);
    }
  }

  private static Cipher initialise(
      int mode, byte[] key, byte[] iv, int tagBits, byte[] associatedData) {
    if (key == null || (key.length != 16 && key.length != 24 && key.length != 32)) {
      throw new IllegalArgumentException("key: AES needs 16, 24 or 32 bytes");
    }
    if (iv == null || iv.length == 0) {
      // GCM with an empty IV is undefined (NIST SP 800-38D requires at least one bit).
      throw new IllegalArgumentException("nonce: must not be empty");
    }
    try {
      Cipher cipher = Cipher.getInstance(TRANSFORMATION);
      cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(tagBits, iv));
      if (associatedData != null && associatedData.length > 0) {
        cipher.updateAAD(associatedData);
      }
      return cipher;
    } catch (java.security.InvalidAlgorithmParameterException e) {
      throw new IllegalArgumentException("nonce: " + e.getMessage(), e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM unavailable in this JDK: " + e.getMessage(), e);
    }
  }
}

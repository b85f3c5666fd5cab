package org.xinlian.crypto;

/** Authenticated decryption found a tag mismatch: wrong key, nonce, ciphertext or associated data. */
public final class AuthenticationFailedException extends CryptoException {
  private static final long serialVersionUID = 1L;

  public AuthenticationFailedException(String message) {
    super(message);
  }
}

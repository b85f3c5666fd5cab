package org.xinlian.crypto;

/** No signer can be established: the signature does not recover or does not verify. */
public final class InvalidSignatureException extends CryptoException {
  private static final long serialVersionUID = 1L;

  public InvalidSignatureException(String message) {
    super(message);
  }
}

package org.xinlian.crypto;

/** A private key with its public key, both of the same suite. */
public record KeyPair(PrivateKey privateKey, PublicKey publicKey) {
  public KeyPair {
    if (!privateKey.suite().equals(publicKey.suite())) {
      throw new IllegalArgumentException("keyPair: private and public key are of different suites");
    }
  }
}

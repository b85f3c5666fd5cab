package org.xinlian.crypto.keystore;

import java.util.Optional;
import org.xinlian.common.Address;

/** A key file whose fields passed every syntactic and bound check, before any cryptography. */
record ParsedKeyFile(
    String suite,
    Optional<Address> address,
    byte[] iv,
    byte[] ciphertext,
    KeyDerivation keyDerivation,
    byte[] mac) {

  /** The two key-derivation functions Web3 Secret Storage defines. */
  sealed interface KeyDerivation permits Scrypt, Pbkdf2 {
    /** The derived key for a password given as bytes. */
    byte[] derive(byte[] password);
  }

  record Scrypt(int n, int r, int p, int derivedKeyLength, byte[] salt) implements KeyDerivation {
    @Override
    public byte[] derive(byte[] password) {
      return KeyFileCrypto.scrypt(password, salt, n, r, p, derivedKeyLength);
    }
  }

  record Pbkdf2(int iterations, int derivedKeyLength, byte[] salt) implements KeyDerivation {
    @Override
    public byte[] derive(byte[] password) {
      return KeyFileCrypto.pbkdf2HmacSha256(password, salt, iterations, derivedKeyLength);
    }
  }
}

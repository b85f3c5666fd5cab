package org.xinlian.crypto.pkcs11;

import java.security.GeneralSecurityException;
import java.security.Provider;
import org.xinlian.crypto.CryptoException;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.NodeSigner;
import org.xinlian.crypto.PublicKey;
import org.xinlian.crypto.Signature;

/**
 * A secp256k1 node key in a PKCS#11 token. The token signs the digest (CKM_ECDSA) and returns
 * (r, s); the chain wants a recoverable low-s signature, so s is normalised and the recovery id
 * is the one whose recovered key is this node's public key (the token cannot tell it: it does
 * not expose the nonce point's parity).
 */
final class Pkcs11NodeSigner implements NodeSigner {
  private static final int RECOVERY_IDS = 4;

  private final CryptoSuite suite;
  private final Provider provider;
  private final java.security.PrivateKey key;
  private final PublicKey publicKey;
  private final String alias;

  Pkcs11NodeSigner(CryptoSuite suite, Provider provider, java.security.PrivateKey key,
      PublicKey publicKey, String alias) {
    this.suite = suite;
    this.provider = provider;
    this.key = key;
    this.publicKey = publicKey;
    this.alias = alias;
  }

  @Override
  public CryptoSuite suite() {
    return suite;
  }

  @Override
  public PublicKey publicKey() {
    return publicKey;
  }

  @Override
  public Signature sign(byte[] digest) {
    if (digest == null || digest.length != CryptoSuite.HASH_LENGTH) {
      throw new IllegalArgumentException("digest: must be " + CryptoSuite.HASH_LENGTH + " bytes");
    }
    byte[] raw;
    try {
      java.security.Signature signature =
          java.security.Signature.getInstance("NONEwithECDSAinP1363Format", provider);
      signature.initSign(key);
      signature.update(digest);
      raw = EcdsaScalars.lowS(signature.sign(), EcdsaScalars.SECP256K1_ORDER);
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new CryptoException("pkcs11 alias '" + alias + "': cannot sign: "
          + Pkcs11Token.rootMessage(e), e);
    }
    for (int recoveryId = 0; recoveryId < RECOVERY_IDS; recoveryId++) {
      Signature candidate = Signature.recoverable(EcdsaScalars.r(raw), EcdsaScalars.s(raw),
          recoveryId);
      try {
        if (suite.recoverSigner(digest, candidate).equals(publicKey)) {
          return candidate;
        }
      } catch (RuntimeException e) {
        // No point for this recovery id (ids 2 and 3 exist only for r >= n): try the next.
      }
    }
    throw new CryptoException("pkcs11 alias '" + alias + "': the token's key does not match the"
        + " public key of its certificate");
  }

  @Override
  public String toString() {
    return "NodeSigner[pkcs11 '" + alias + "', " + suite.name() + "]";
  }
}

package org.xinlian.crypto.internal;

import java.math.BigInteger;
import java.security.PrivateKey;
import java.security.SecureRandom;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.InputDecryptorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfoBuilder;
import org.bouncycastle.pkcs.PKCSException;
import org.xinlian.common.DecodingException;
import org.xinlian.crypto.AuthenticationFailedException;
import org.xinlian.crypto.CryptoException;

/**
 * Encrypted PKCS#8 ({@code ENCRYPTED PRIVATE KEY}: PBES2, PBKDF2-HMAC-SHA256, AES-256-CBC, as
 * {@code openssl pkcs8 -topk8 -v2 aes-256-cbc} writes) for transport keys of either curve; the
 * curve's own class checks the key before encrypting and after decrypting.
 */
final class EncryptedPrivateKeys {
  private static final String ENCRYPTED_PRIVATE_KEY_LABEL = "ENCRYPTED PRIVATE KEY";
  /** OWASP's 2023 figure for PBKDF2-HMAC-SHA256. */
  static final int PBKDF2_ITERATIONS = 600_000;
  /** Above this a key file costs minutes to open: a hostile or broken file, not a careful one. */
  static final int PBKDF2_ITERATIONS_MAX = 10_000_000;
  /** A provider instance for the PKCS#8 encryption, never registered globally (the JDK lacks PKCS7Padding). */
  private static final java.security.Provider BOUNCY_CASTLE =
      new org.bouncycastle.jce.provider.BouncyCastleProvider();

  private EncryptedPrivateKeys() {}

  /** The encrypted PEM of {@code key}. */
  static String encrypt(PrivateKey key, char[] passphrase, SecureRandom random) {
    requirePassphrase(passphrase);
    try {
      OutputEncryptor encryptor = new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC)
          .setPRF(PKCS8Generator.PRF_HMACSHA256)
          .setIterationCount(PBKDF2_ITERATIONS)
          .setRandom(random)
          .setPassword(passphrase)
          .setProvider(BOUNCY_CASTLE)
          .build();
      PKCS8EncryptedPrivateKeyInfo encrypted = new PKCS8EncryptedPrivateKeyInfoBuilder(
          PrivateKeyInfo.getInstance(key.getEncoded())).build(encryptor);
      return Pem.encode(ENCRYPTED_PRIVATE_KEY_LABEL, encrypted.getEncoded());
    } catch (OperatorCreationException | java.io.IOException e) {
      throw new CryptoException("transport key: cannot encrypt: " + e.getMessage(), e);
    }
  }

  /**
   * The plain PKCS#8 DER inside an encrypted PEM.
   *
   * @throws AuthenticationFailedException if the passphrase is wrong
   */
  static byte[] decrypt(String pem, char[] passphrase) {
    String field = "transportPrivateKeyPem";
    requirePassphrase(passphrase);
    byte[] der = Pem.decode(field, ENCRYPTED_PRIVATE_KEY_LABEL, pem);
    Pem.parseDer(field, der);
    PKCS8EncryptedPrivateKeyInfo encrypted;
    try {
      encrypted = new PKCS8EncryptedPrivateKeyInfo(der);
      AlgorithmIdentifier scheme = encrypted.getEncryptionAlgorithm();
      if (!PKCSObjectIdentifiers.id_PBES2.equals(scheme.getAlgorithm())) {
        throw new DecodingException(field, "only PBES2 encryption is accepted, got "
            + scheme.getAlgorithm());
      }
      PBES2Parameters pbes2 = PBES2Parameters.getInstance(scheme.getParameters());
      if (!PKCSObjectIdentifiers.id_PBKDF2.equals(pbes2.getKeyDerivationFunc().getAlgorithm())) {
        throw new DecodingException(field, "only PBKDF2 key derivation is accepted");
      }
      BigInteger iterations = PBKDF2Params.getInstance(
          pbes2.getKeyDerivationFunc().getParameters()).getIterationCount();
      if (iterations.signum() <= 0 || iterations.compareTo(BigInteger.valueOf(PBKDF2_ITERATIONS_MAX)) > 0) {
        throw new DecodingException(field, "PBKDF2 iteration count " + iterations
            + " outside [1, " + PBKDF2_ITERATIONS_MAX + "]");
      }
    } catch (java.io.IOException | RuntimeException e) {
      if (e instanceof DecodingException decoding) {
        throw decoding;
      }
      throw new DecodingException(field, "not an encrypted PKCS#8 key: " + e.getMessage(), e);
    }
    PrivateKeyInfo info;
    try {
      InputDecryptorProvider decryptor =
          new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(BOUNCY_CASTLE).build(passphrase);
      info = encrypted.decryptPrivateKeyInfo(decryptor);
    } catch (OperatorCreationException | PKCSException | RuntimeException e) {
      // A wrong passphrase shows as bad padding or as garbage that is no PrivateKeyInfo.
      throw new AuthenticationFailedException("wrong passphrase");
    }
    try {
      return info.getEncoded();
    } catch (java.io.IOException e) {
      throw new DecodingException(field, "decrypted key cannot be encoded: " + e.getMessage(), e);
    }
  }

  private static void requirePassphrase(char[] passphrase) {
    if (passphrase == null || passphrase.length == 0) {
      throw new IllegalArgumentException("passphrase: must not be empty");
    }
  }
}

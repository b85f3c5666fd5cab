package org.xinlian.crypto;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;

/**
 * Keys and certificates for the P2P transport layer (TLS 1.3 with the JDK provider): NIST P-256
 * with ECDSA-SHA256, the curve every TLS 1.3 stack supports. Why a separate layer: a node's
 * identity key lives on the chain's curve (secp256k1 or SM2), which TLS 1.3 in the JDK cannot
 * use, so the P2P handshake binds the two (docs/adr/0008-p2p-tls-and-gm.md). Obtain one from
 * {@link CryptoSuites#transport()}; it is stateless.
 */
public interface TransportCertificates {
  /** The JCA name of the transport curve. */
  String CURVE = "secp256r1";

  /** A fresh P-256 key pair from the JDK; the caller supplies the entropy source explicitly. */
  KeyPair generateKeyPair(SecureRandom random);

  /** Issues a transport certificate (or a self-signed transport CA) signed with ECDSA-SHA256. */
  X509Certificate issueCertificate(TransportCertificateRequest request);

  /** PKCS#8 PEM of a P-256 private key. */
  String privateKeyToPem(PrivateKey key);

  /** Inverse of {@link #privateKeyToPem}; rejects other curves and malformed PEM. */
  PrivateKey privateKeyFromPem(String pem);

  /**
   * Encrypted PKCS#8 PEM ({@code ENCRYPTED PRIVATE KEY}, PBES2 with PBKDF2-HMAC-SHA256 and
   * AES-256-CBC, as {@code openssl pkcs8 -topk8 -v2 aes-256-cbc} writes) of a P-256 private key.
   */
  String privateKeyToEncryptedPem(PrivateKey key, char[] passphrase, SecureRandom random);

  /**
   * Inverse of {@link #privateKeyToEncryptedPem}.
   *
   * @throws AuthenticationFailedException if the passphrase is wrong
   * @throws org.xinlian.common.DecodingException if the PEM is malformed or its iteration count
   *     exceeds {@code PBKDF2_ITERATIONS_MAX}
   */
  PrivateKey privateKeyFromEncryptedPem(String pem, char[] passphrase);

  /** Whether {@code pem} is an encrypted PKCS#8 key (so a passphrase is needed to read it). */
  static boolean isEncryptedPem(String pem) {
    return pem != null && pem.strip().startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");
  }

  /** PEM of a certificate. */
  String certificateToPem(X509Certificate certificate);

  /** Parses one PEM certificate with the JDK's X.509 factory; rejects malformed input. */
  X509Certificate certificateFromPem(String pem);

  /** A revocation list signed by a transport CA with ECDSA-SHA256 (the JDK verifies it). */
  java.security.cert.X509CRL issueRevocationList(RevocationListRequest request,
      PrivateKey issuerKey, SecureRandom random);

  /** PEM ({@code -----BEGIN X509 CRL-----}) of a revocation list. */
  String revocationListToPem(java.security.cert.X509CRL crl);

  /** Parses one PEM revocation list; rejects malformed input. */
  java.security.cert.X509CRL revocationListFromPem(String pem);
}

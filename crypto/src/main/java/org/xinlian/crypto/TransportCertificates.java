package org.xinlian.crypto;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;

/**
 * Keys and certificates for the P2P transport layer (TLS 1.3), apart from the node identity key
 * the P2P handshake binds to them (docs/adr/0008-p2p-tls-and-gm.md). On standard chains: NIST
 * P-256 with ECDSA-SHA256 for the JDK's TLS, since TLS 1.3 has no secp256k1. On gm chains: SM2
 * with SM3withSM2 for RFC 8998 TLS (docs/adr/0015-gm-tls-rfc8998.md). Obtain one from {@link
 * CryptoSuites#transport(CryptoSuite)}; it is stateless.
 */
public interface TransportCertificates {
  /** The JCA name of the standard chains' transport curve. */
  String CURVE = "secp256r1";

  /** The JCA (BouncyCastle) name of this transport's curve: {@code secp256r1} or {@code sm2p256v1}. */
  default String curve() {
    return CURVE;
  }

  /** A fresh key pair on {@link #curve()}; the caller supplies the entropy source explicitly. */
  KeyPair generateKeyPair(SecureRandom random);

  /**
   * Issues a transport certificate (or a self-signed transport CA) signed with ECDSA-SHA256 on
   * P-256, SM3withSM2 on SM2.
   */
  X509Certificate issueCertificate(TransportCertificateRequest request);

  /** PKCS#8 PEM of a private key on {@link #curve()}. */
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

  /** Parses one PEM certificate; rejects malformed input (and, on SM2, keys of other curves). */
  X509Certificate certificateFromPem(String pem);

  /** A revocation list signed by a transport CA with ECDSA-SHA256 (the JDK verifies it). */
  java.security.cert.X509CRL issueRevocationList(RevocationListRequest request,
      PrivateKey issuerKey, SecureRandom random);

  /** PEM ({@code -----BEGIN X509 CRL-----}) of a revocation list. */
  String revocationListToPem(java.security.cert.X509CRL crl);

  /** Parses one PEM revocation list; rejects malformed input. */
  java.security.cert.X509CRL revocationListFromPem(String pem);
}

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

  /** PEM of a certificate. */
  String certificateToPem(X509Certificate certificate);

  /** Parses one PEM certificate; rejects malformed input (and, on SM2, keys of other curves). */
  X509Certificate certificateFromPem(String pem);
}

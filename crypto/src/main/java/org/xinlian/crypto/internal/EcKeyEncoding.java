package org.xinlian.crypto.internal;

import java.security.cert.X509Certificate;
import org.xinlian.crypto.CertificateRequest;
import org.xinlian.crypto.PrivateKey;
import org.xinlian.crypto.PublicKey;

/**
 * PKCS#8 / X.509 PEM encoding and certificate issuing for one elliptic curve, shared by both
 * suites (secp256k1 with SHA256withECDSA; sm2p256v1 with SM3withSM2).
 *
 * <p>Placeholder: the implementation arrives in the next commit.
 */
public final class EcKeyEncoding {
  public EcKeyEncoding(String suiteName, String curveName, String signatureAlgorithm) {}

  public String privateKeyToPem(PrivateKey key) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  public PrivateKey privateKeyFromPem(String pem) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  public String publicKeyToPem(PublicKey key) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  public PublicKey publicKeyFromPem(String pem) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  public X509Certificate issueCertificate(CertificateRequest request) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  public String certificateToPem(X509Certificate certificate) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  public X509Certificate certificateFromPem(String pem) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  public PublicKey certificatePublicKey(X509Certificate certificate) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  public boolean verifyCertificateSignature(X509Certificate certificate, PublicKey issuerKey) {
    throw new UnsupportedOperationException("not yet implemented");
  }
}

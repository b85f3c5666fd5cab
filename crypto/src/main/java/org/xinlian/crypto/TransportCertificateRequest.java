package org.xinlian.crypto;

import java.math.BigInteger;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;

/**
 * What to put in a P2P transport certificate (NIST P-256, ECDSA with SHA-256). Transport keys are
 * JDK keys, not suite keys: TLS 1.3 defines no signature scheme for secp256k1 and the JDK's TLS has
 * no SM2, so the TLS layer runs on P-256 while the node's identity stays on the suite's curve
 * (docs/adr/0008-p2p-tls-and-gm.md).
 *
 * @param subject distinguished name, for example {@code CN=node0-transport,O=Xinlian}
 * @param subjectKey the P-256 public key being certified
 * @param issuerKey the transport CA's P-256 private key (the subject's own for a self-signed CA)
 * @param issuerCertificate the transport CA certificate, or null for a self-signed CA
 * @param serialNumber positive serial number, unique per issuer
 * @param notBefore start of validity
 * @param notAfter end of validity
 * @param certificateAuthority true to mark the certificate as a CA (basic constraints)
 * @param random entropy for the ECDSA signature (ECDSA on P-256 here is the JDK's, randomised)
 */
public record TransportCertificateRequest(
    String subject,
    PublicKey subjectKey,
    PrivateKey issuerKey,
    X509Certificate issuerCertificate,
    BigInteger serialNumber,
    Instant notBefore,
    Instant notAfter,
    boolean certificateAuthority,
    SecureRandom random) {
  public TransportCertificateRequest {
    if (serialNumber == null || serialNumber.signum() <= 0) {
      throw new IllegalArgumentException("transportCertificateRequest.serialNumber: must be positive");
    }
    if (!notAfter.isAfter(notBefore)) {
      throw new IllegalArgumentException(
          "transportCertificateRequest.notAfter: must be after notBefore");
    }
    if (random == null) {
      throw new IllegalArgumentException("transportCertificateRequest.random: required");
    }
  }
}

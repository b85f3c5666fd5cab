package org.xinlian.crypto;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

/**
 * What to put in a certificate. The validity instants are explicit because certificate issuing is
 * an operator action (network init), never part of execution.
 *
 * @param subject distinguished name, for example {@code CN=node0,O=Xinlian}
 * @param subjectKey the key being certified
 * @param issuerKeyPair the signer: the CA's key pair, or the subject's own for a self-signed CA
 * @param issuerCertificate the CA certificate, or null for a self-signed certificate
 * @param serialNumber positive serial number, unique per issuer
 * @param notBefore start of validity
 * @param notAfter end of validity
 * @param certificateAuthority true to mark the certificate as a CA (basic constraints)
 * @param dnsNames subject alternative DNS names (may be empty)
 * @param ipAddresses subject alternative IP addresses, such as {@code 127.0.0.1} (may be empty)
 */
public record CertificateRequest(
    String subject,
    PublicKey subjectKey,
    KeyPair issuerKeyPair,
    X509Certificate issuerCertificate,
    BigInteger serialNumber,
    Instant notBefore,
    Instant notAfter,
    boolean certificateAuthority,
    List<String> dnsNames,
    List<String> ipAddresses) {
  public CertificateRequest {
    if (serialNumber == null || serialNumber.signum() <= 0) {
      throw new IllegalArgumentException("certificateRequest.serialNumber: must be positive");
    }
    if (!notAfter.isAfter(notBefore)) {
      throw new IllegalArgumentException("certificateRequest.notAfter: must be after notBefore");
    }
    dnsNames = List.copyOf(dnsNames);
    ipAddresses = List.copyOf(ipAddresses);
  }
}

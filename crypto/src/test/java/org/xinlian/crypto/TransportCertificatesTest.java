package org.xinlian.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.xinlian.common.DecodingException;

/**
 * P-256 transport certificates (CRYPTO-33, docs/adr/0008). The checks run in the JDK's own X.509
 * and ECDSA code, independent of the BouncyCastle builder that made the certificates.
 */
class TransportCertificatesTest {
  private final TransportCertificates transport = CryptoSuites.transport();
  private final SecureRandom random = new SecureRandom();
  private final Instant start = Instant.parse("2025-01-01T00:00:00Z");
  private final Instant end = Instant.parse("2035-01-01T00:00:00Z");

  private X509Certificate selfSigned(KeyPair key) {
    return transport.issueCertificate(new TransportCertificateRequest("CN=transport CA,O=Xinlian",
        key.getPublic(), key.getPrivate(), null, BigInteger.ONE, start, end, true, random));
  }

  @Test
  void aCaAndALeafVerifyWithTheJdk() throws GeneralSecurityException {
    KeyPair caKey = transport.generateKeyPair(random);
    X509Certificate ca = selfSigned(caKey);
    KeyPair leafKey = transport.generateKeyPair(random);
    X509Certificate leaf = transport.issueCertificate(new TransportCertificateRequest(
        "CN=node0 transport,O=Xinlian", leafKey.getPublic(), caKey.getPrivate(), ca,
        BigInteger.TWO, start, end, false, random));
    ca.verify(caKey.getPublic());
    leaf.verify(caKey.getPublic());
    assertEquals("SHA256withECDSA", leaf.getSigAlgName());
    assertEquals(ca.getSubjectX500Principal(), leaf.getIssuerX500Principal());
    assertEquals(-1, leaf.getBasicConstraints());
    assertEquals(Integer.MAX_VALUE, ca.getBasicConstraints());
    assertEquals(leafKey.getPublic(), leaf.getPublicKey());
    assertEquals(start, leaf.getNotBefore().toInstant());
  }

  @Test
  void pemRoundTripsKeysAndCertificates() throws GeneralSecurityException {
    KeyPair key = transport.generateKeyPair(random);
    X509Certificate certificate = selfSigned(key);
    java.security.PrivateKey parsed = transport.privateKeyFromPem(transport.privateKeyToPem(key.getPrivate()));
    Signature signer = Signature.getInstance("SHA256withECDSA");
    signer.initSign(parsed);
    signer.update(new byte[] {1, 2, 3});
    byte[] signature = signer.sign();
    Signature verifier = Signature.getInstance("SHA256withECDSA");
    verifier.initVerify(certificate.getPublicKey());
    verifier.update(new byte[] {1, 2, 3});
    assertEquals(true, verifier.verify(signature));
    assertArrayEquals(certificate.getEncoded(),
        transport.certificateFromPem(transport.certificateToPem(certificate)).getEncoded());
  }

  @Test
  void otherCurvesAndMalformedPemAreRejected() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp384r1"), random);
    KeyPair p384 = generator.generateKeyPair();
    assertThrows(IllegalArgumentException.class, () -> transport.privateKeyToPem(p384.getPrivate()));
    String p384Pem = "-----BEGIN PRIVATE KEY-----\n"
        + java.util.Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(p384.getPrivate().getEncoded())
        + "\n-----END PRIVATE KEY-----\n";
    assertEquals("transportPrivateKeyPem",
        assertThrows(DecodingException.class, () -> transport.privateKeyFromPem(p384Pem)).field());
    assertThrows(DecodingException.class, () -> transport.certificateFromPem("not pem"));
    KeyPair caKey = transport.generateKeyPair(random);
    assertThrows(IllegalArgumentException.class, () -> transport.issueCertificate(
        new TransportCertificateRequest("CN=x", p384.getPublic(), caKey.getPrivate(), null,
            BigInteger.ONE, start, end, false, random)));
  }

  /** OPS-30: the TLS key is encrypted at rest; a wrong passphrase is refused, not misread. */
  @Test
  void encryptedPemRoundTripsAndRefusesAWrongPassphrase() throws GeneralSecurityException {
    KeyPair key = transport.generateKeyPair(random);
    String pem = transport.privateKeyToEncryptedPem(key.getPrivate(), "s3cret".toCharArray(), random);
    org.junit.jupiter.api.Assertions.assertTrue(TransportCertificates.isEncryptedPem(pem));
    org.junit.jupiter.api.Assertions.assertFalse(pem.contains("BEGIN PRIVATE KEY"));
    java.security.PrivateKey parsed =
        transport.privateKeyFromEncryptedPem(pem, "s3cret".toCharArray());
    assertArrayEquals(key.getPrivate().getEncoded(), parsed.getEncoded());
    AuthenticationFailedException wrong = assertThrows(AuthenticationFailedException.class,
        () -> transport.privateKeyFromEncryptedPem(pem, "secret".toCharArray()));
    assertEquals("wrong passphrase", wrong.getMessage());
    assertThrows(DecodingException.class, () -> transport.privateKeyFromEncryptedPem(
        transport.privateKeyToPem(key.getPrivate()), "s3cret".toCharArray()));
  }
}

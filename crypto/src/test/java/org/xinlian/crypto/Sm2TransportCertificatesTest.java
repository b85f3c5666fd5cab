package org.xinlian.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.xinlian.common.DecodingException;

/**
 * SM2 transport certificates of gm chains (OPS-21, docs/adr/0015): SM3withSM2 certificates that
 * chain as P-256 ones do, verified by the suite's own certificate check, which is independent of
 * the JCA signer that issued them.
 */
class Sm2TransportCertificatesTest {
  private final CryptoSuite gm = CryptoSuites.gm();
  private final TransportCertificates transport = CryptoSuites.transport(gm);
  private final SecureRandom random = new SecureRandom();
  private final Instant start = Instant.parse("2025-01-01T00:00:00Z");
  private final Instant end = Instant.parse("2035-01-01T00:00:00Z");

  private X509Certificate selfSigned(KeyPair key) {
    return transport.issueCertificate(new TransportCertificateRequest("CN=transport CA,O=Xinlian",
        key.getPublic(), key.getPrivate(), null, BigInteger.ONE, start, end, true, random));
  }

  @Test
  void theSuiteChoosesTheTransportCurve() {
    assertEquals("sm2p256v1", transport.curve());
    assertEquals("secp256r1", CryptoSuites.transport(CryptoSuites.standard()).curve());
  }

  @Test
  void aCaAndALeafAreSm3WithSm2AndChain() throws GeneralSecurityException {
    KeyPair caKey = transport.generateKeyPair(random);
    X509Certificate ca = selfSigned(caKey);
    KeyPair leafKey = transport.generateKeyPair(random);
    X509Certificate leaf = transport.issueCertificate(new TransportCertificateRequest(
        "CN=node0 transport,O=Xinlian", leafKey.getPublic(), caKey.getPrivate(), ca,
        BigInteger.TWO, start, end, false, random));
    assertEquals("SM3WITHSM2", leaf.getSigAlgName().toUpperCase(java.util.Locale.ROOT));
    assertTrue(gm.verifyCertificateSignature(leaf, gm.certificatePublicKey(ca)));
    assertTrue(gm.verifyCertificateSignature(ca, gm.certificatePublicKey(ca)));
    leaf.verify(ca.getPublicKey());
    assertEquals(ca.getSubjectX500Principal(), leaf.getIssuerX500Principal());
    assertEquals(-1, leaf.getBasicConstraints());
    assertEquals(Integer.MAX_VALUE, ca.getBasicConstraints());
  }

  @Test
  void pemRoundTripsKeysAndCertificates() {
    KeyPair key = transport.generateKeyPair(random);
    X509Certificate certificate = selfSigned(key);
    assertEquals(key.getPrivate(), transport.privateKeyFromPem(transport.privateKeyToPem(key.getPrivate())));
    assertEquals(certificate, transport.certificateFromPem(transport.certificateToPem(certificate)));
  }

  @Test
  void keysAndCertificatesOfAnotherCurveAreRefusedNamingTheField() {
    TransportCertificates p256 = CryptoSuites.transport();
    KeyPair other = p256.generateKeyPair(random);
    DecodingException key = assertThrows(DecodingException.class,
        () -> transport.privateKeyFromPem(p256.privateKeyToPem(other.getPrivate())));
    assertTrue(key.getMessage().contains("transportPrivateKeyPem"), key.getMessage());
    X509Certificate otherCertificate = p256.issueCertificate(new TransportCertificateRequest(
        "CN=p256,O=Xinlian", other.getPublic(), other.getPrivate(), null, BigInteger.ONE, start, end,
        true, random));
    DecodingException certificate = assertThrows(DecodingException.class,
        () -> transport.certificateFromPem(p256.certificateToPem(otherCertificate)));
    assertTrue(certificate.getMessage().contains("transportCertificatePem"), certificate.getMessage());
    assertThrows(IllegalArgumentException.class, () -> transport.issueCertificate(
        new TransportCertificateRequest("CN=x", other.getPublic(), other.getPrivate(), null,
            BigInteger.ONE, start, end, true, random)));
  }
}

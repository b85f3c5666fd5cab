package org.xinlian.crypto.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.util.BigIntegers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.xinlian.common.DecodingException;
import org.xinlian.crypto.KeyPair;
import org.xinlian.crypto.PublicKey;

/** PEM keys and X.509 certificates on both curves; numbers refer to docs/spec/crypto.md. */
class EcKeyEncodingTest {

  @ParameterizedTest
  @MethodSource("org.xinlian.crypto.internal.TestCurves#both")
  @DisplayName("CRYPTO-8: PKCS#8 and SubjectPublicKeyInfo PEM round trips, readable by BouncyCastle's PEMParser")
  void keyRoundTrips(TestCurves curve) throws Exception {
    EcKeyEncoding encoding = curve.encoding();
    KeyPair pair = curve.keyPair("round trip");
    String privatePem = encoding.privateKeyToPem(pair.privateKey());
    assertTrue(privatePem.startsWith("-----BEGIN PRIVATE KEY-----\n"));
    assertEquals(pair.privateKey(), encoding.privateKeyFromPem(privatePem));
    String publicPem = encoding.publicKeyToPem(pair.publicKey());
    assertTrue(publicPem.startsWith("-----BEGIN PUBLIC KEY-----\n"));
    assertEquals(pair.publicKey(), encoding.publicKeyFromPem(publicPem));

    // An independent reader: bcpkix's PEMParser sees the named curve and the same scalar.
    try (PEMParser parser = new PEMParser(new StringReader(privatePem))) {
      PrivateKeyInfo info = (PrivateKeyInfo) parser.readObject();
      assertEquals(X9ObjectIdentifiers.id_ecPublicKey, info.getPrivateKeyAlgorithm().getAlgorithm());
      assertEquals(ECNamedCurveTable.getOID(curve.curveName()), info.getPrivateKeyAlgorithm().getParameters());
      assertArrayEquals(pair.privateKey().bytes(),
          BigIntegers.asUnsignedByteArray(32, ECPrivateKey.getInstance(info.parsePrivateKey()).getKey()));
    }
  }

  @ParameterizedTest
  @MethodSource("org.xinlian.crypto.internal.TestCurves#both")
  @DisplayName("CRYPTO-8: a key of the other curve is rejected naming the field")
  void wrongCurveRejected(TestCurves curve) {
    EcKeyEncoding other = curve.other().encoding();
    KeyPair pair = curve.keyPair("wrong curve");
    DecodingException privateError = assertThrows(DecodingException.class,
        () -> other.privateKeyFromPem(curve.encoding().privateKeyToPem(pair.privateKey())));
    assertEquals("privateKeyPem", privateError.field());
    assertTrue(privateError.getMessage().contains(curve.curveName()), privateError.getMessage());
    DecodingException publicError = assertThrows(DecodingException.class,
        () -> other.publicKeyFromPem(curve.encoding().publicKeyToPem(pair.publicKey())));
    assertEquals("publicKeyPem", publicError.field());
    assertThrows(IllegalArgumentException.class, () -> other.privateKeyToPem(pair.privateKey()));
  }

  @ParameterizedTest
  @MethodSource("org.xinlian.crypto.internal.TestCurves#both")
  @DisplayName("CRYPTO-8: malformed PEM, trailing garbage and bad DER are rejected naming the field")
  void garbageRejected(TestCurves curve) {
    EcKeyEncoding encoding = curve.encoding();
    KeyPair pair = curve.keyPair("garbage");
    String privatePem = encoding.privateKeyToPem(pair.privateKey());
    String publicPem = encoding.publicKeyToPem(pair.publicKey());
    String certificatePem = encoding.certificateToPem(encoding.issueCertificate(curve.caRequest(pair)));
    for (String bad : mutations(privatePem, "PRIVATE KEY")) {
      assertEquals("privateKeyPem", assertThrows(DecodingException.class,
          () -> encoding.privateKeyFromPem(bad), bad).field());
    }
    for (String bad : mutations(publicPem, "PUBLIC KEY")) {
      assertEquals("publicKeyPem", assertThrows(DecodingException.class,
          () -> encoding.publicKeyFromPem(bad), bad).field());
    }
    for (String bad : mutations(certificatePem, "CERTIFICATE")) {
      assertEquals("certificatePem", assertThrows(DecodingException.class,
          () -> encoding.certificateFromPem(bad), bad).field());
    }
    assertThrows(DecodingException.class, () -> encoding.privateKeyFromPem(publicPem));
    assertThrows(DecodingException.class, () -> encoding.publicKeyFromPem(privatePem));
  }

  @ParameterizedTest
  @MethodSource("org.xinlian.crypto.internal.TestCurves#both")
  @DisplayName("CRYPTO-8: private keys out of range, with a foreign public point or explicit parameters are rejected")
  void badPrivateKeyContents(TestCurves curve) throws Exception {
    EcKeyEncoding encoding = curve.encoding();
    X9ECParameters parameters = ECNamedCurveTable.getByName(curve.curveName());
    AlgorithmIdentifier named = new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey,
        ECNamedCurveTable.getOID(curve.curveName()));
    byte[] foreignPoint = parameters.getG().getEncoded(false);
    for (PrivateKeyInfo info : List.of(
        new PrivateKeyInfo(named, new ECPrivateKey(256, parameters.getN(), null)),
        new PrivateKeyInfo(named, new ECPrivateKey(256, BigInteger.ZERO, null)),
        new PrivateKeyInfo(named, new ECPrivateKey(256, BigInteger.TWO, new DERBitString(foreignPoint), null)),
        new PrivateKeyInfo(new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, parameters),
            new ECPrivateKey(256, BigInteger.TWO, null)))) {
      String pem = Pem.encode("PRIVATE KEY", info.getEncoded(ASN1Encoding.DER));
      assertEquals("privateKeyPem",
          assertThrows(DecodingException.class, () -> encoding.privateKeyFromPem(pem)).field());
    }
    String good = Pem.encode("PRIVATE KEY",
        new PrivateKeyInfo(named, new ECPrivateKey(256, BigInteger.TWO, null)).getEncoded(ASN1Encoding.DER));
    assertEquals(BigInteger.TWO, new BigInteger(1, encoding.privateKeyFromPem(good).bytes()));
  }

  @ParameterizedTest
  @MethodSource("org.xinlian.crypto.internal.TestCurves#both")
  @DisplayName("CRYPTO-9: a CA and a node certificate form a chain that verifies, and only with the right key")
  void certificateChain(TestCurves curve) throws Exception {
    EcKeyEncoding encoding = curve.encoding();
    KeyPair ca = curve.keyPair("ca");
    KeyPair node = curve.keyPair("node");
    X509Certificate caCertificate = encoding.issueCertificate(curve.caRequest(ca));
    X509Certificate nodeCertificate = encoding.issueCertificate(curve.nodeRequest(node, ca, caCertificate));

    assertTrue(encoding.verifyCertificateSignature(caCertificate, ca.publicKey()));
    assertTrue(encoding.verifyCertificateSignature(nodeCertificate, ca.publicKey()));
    assertFalse(encoding.verifyCertificateSignature(nodeCertificate, node.publicKey()));
    assertFalse(encoding.verifyCertificateSignature(nodeCertificate, curve.keyPair("stranger").publicKey()));
    // The JDK's own API, backed by the certificate's provider, agrees.
    nodeCertificate.verify(caCertificate.getPublicKey());

    assertEquals(node.publicKey(), encoding.certificatePublicKey(nodeCertificate));
    assertEquals(ca.publicKey(), encoding.certificatePublicKey(caCertificate));
    assertEquals(caCertificate.getSubjectX500Principal(), nodeCertificate.getIssuerX500Principal());
    assertEquals(Integer.MAX_VALUE, caCertificate.getBasicConstraints());
    assertEquals(-1, nodeCertificate.getBasicConstraints());
    assertTrue(caCertificate.getCriticalExtensionOIDs().contains("2.5.29.19"));
    boolean[] caUsage = caCertificate.getKeyUsage();
    assertTrue(caUsage[5] && caUsage[6] && !caUsage[0], "keyCertSign and cRLSign only");
    boolean[] nodeUsage = nodeCertificate.getKeyUsage();
    assertTrue(nodeUsage[0] && nodeUsage[4] && !nodeUsage[5], "digitalSignature and keyAgreement only");
    Set<String> alternativeNames = nodeCertificate.getSubjectAlternativeNames().stream()
        .map(name -> name.get(1).toString()).collect(Collectors.toSet());
    assertTrue(alternativeNames.contains("node0.xinlian.test"), alternativeNames.toString());
    assertTrue(alternativeNames.contains("127.0.0.1"), alternativeNames.toString());
    X509CertificateHolder caHolder = new X509CertificateHolder(caCertificate.getEncoded());
    X509CertificateHolder nodeHolder = new X509CertificateHolder(nodeCertificate.getEncoded());
    assertArrayEquals(SubjectKeyIdentifier.fromExtensions(caHolder.getExtensions()).getKeyIdentifier(),
        AuthorityKeyIdentifier.fromExtensions(nodeHolder.getExtensions()).getKeyIdentifier());
    assertEquals(curve.signatureAlgorithmOid(), nodeCertificate.getSigAlgOID());

    X509Certificate parsed = encoding.certificateFromPem(encoding.certificateToPem(nodeCertificate));
    assertArrayEquals(nodeCertificate.getEncoded(), parsed.getEncoded());
    assertTrue(encoding.verifyCertificateSignature(parsed, ca.publicKey()));
  }

  @ParameterizedTest
  @MethodSource("org.xinlian.crypto.internal.TestCurves#both")
  @DisplayName("CRYPTO-9: certificates of the other curve are not accepted as this suite's")
  void foreignCertificate(TestCurves curve) {
    KeyPair ca = curve.keyPair("foreign ca");
    X509Certificate certificate = curve.encoding().issueCertificate(curve.caRequest(ca));
    EcKeyEncoding other = curve.other().encoding();
    assertEquals("certificate.publicKey",
        assertThrows(DecodingException.class, () -> other.certificatePublicKey(certificate)).field());
    PublicKey otherKey = curve.other().keyPair("foreign ca").publicKey();
    assertFalse(other.verifyCertificateSignature(certificate, otherKey));
  }

  @ParameterizedTest
  @MethodSource("org.xinlian.crypto.internal.TestCurves#both")
  @DisplayName("CRYPTO-9: requests with a mismatched issuer key pair are refused")
  void mismatchedIssuer(TestCurves curve) {
    EcKeyEncoding encoding = curve.encoding();
    KeyPair ca = curve.keyPair("ca");
    KeyPair node = curve.keyPair("node");
    X509Certificate caCertificate = encoding.issueCertificate(curve.caRequest(ca));
    assertThrows(IllegalArgumentException.class,
        () -> encoding.issueCertificate(curve.nodeRequest(node, node, caCertificate)));
    assertThrows(IllegalArgumentException.class,
        () -> encoding.issueCertificate(curve.nodeRequest(node, ca, null)));
  }

  /** Ways a valid PEM block can be broken. */
  private static List<String> mutations(String pem, String label) {
    String body = pem.substring(pem.indexOf('\n') + 1, pem.indexOf("-----END"));
    byte[] der = Base64.getMimeDecoder().decode(body);
    byte[] withTrailingByte = java.util.Arrays.copyOf(der, der.length + 1);
    byte[] truncated = java.util.Arrays.copyOf(der, der.length - 3);
    return List.of(
        "",
        "garbage",
        pem + "trailing garbage\n",
        "leading garbage\n" + pem,
        pem + pem,
        pem.replace(label, "RSA " + label),
        pem.replaceFirst("\n[A-Za-z0-9+/]", "\n!"),
        pem.replace("-----END " + label + "-----", ""),
        "-----BEGIN " + label + "-----\n-----END " + label + "-----\n",
        "-----BEGIN " + label + "-----\nAAA\n-----END " + label + "-----\n",
        Pem.encode(label, withTrailingByte),
        Pem.encode(label, truncated),
        Pem.encode(label, new byte[] {0x30, 0x00}),
        Pem.encode(label, new byte[] {0x05, 0x00}));
  }
}

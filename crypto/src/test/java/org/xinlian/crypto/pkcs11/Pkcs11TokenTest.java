package org.xinlian.crypto.pkcs11;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xinlian.crypto.CertificateRequest;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.crypto.KeyPair;
import org.xinlian.crypto.NodeSigner;
import org.xinlian.crypto.Signature;
import org.xinlian.crypto.TransportCertificateRequest;
import org.xinlian.crypto.TransportCertificates;

/**
 * Node and transport keys in a real SoftHSM token through the JDK's SunPKCS11 provider (OPS-32):
 * the signatures it makes verify with the chain's suite (secp256k1, recoverable, low s) and with
 * the JDK (P-256).
 */
class Pkcs11TokenTest {
  private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
  private static final Instant END = Instant.parse("2045-01-01T00:00:00Z");
  private static final CryptoSuite SUITE = CryptoSuites.standard();
  private static final SecureRandom RANDOM = new SecureRandom();
  private static Pkcs11Token token;
  private static KeyPair nodeKey;

  @BeforeAll
  static void importKeys() throws Exception {
    token = Pkcs11Token.open(SoftHsm.providerConfig(), SoftHsm.PIN.toCharArray());
    KeyPair ca = SUITE.generateKeyPair(RANDOM);
    X509Certificate caCertificate = SUITE.issueCertificate(new CertificateRequest("CN=org0 CA",
        ca.publicKey(), ca, null, BigInteger.ONE, START, END, true, List.of(), List.of()));
    nodeKey = SUITE.generateKeyPair(RANDOM);
    X509Certificate nodeCertificate = SUITE.issueCertificate(new CertificateRequest("CN=node0",
        nodeKey.publicKey(), ca, caCertificate, BigInteger.TWO, START, END, false, List.of(),
        List.of()));
    token.importNodeKey("node0", SUITE, nodeKey.privateKey(), nodeCertificate);

    TransportCertificates transport = CryptoSuites.transport();
    java.security.KeyPair transportCa = transport.generateKeyPair(RANDOM);
    X509Certificate transportCaCertificate = transport.issueCertificate(
        new TransportCertificateRequest("CN=org0 transport CA", transportCa.getPublic(),
            transportCa.getPrivate(), null, BigInteger.ONE, START, END, true, RANDOM));
    java.security.KeyPair transportKey = transport.generateKeyPair(RANDOM);
    token.importTransportKey("node0-tls", transportKey.getPrivate(), transport.issueCertificate(
        new TransportCertificateRequest("CN=node0 transport", transportKey.getPublic(),
            transportCa.getPrivate(), transportCaCertificate, BigInteger.TWO, START, END, false,
            RANDOM)));
  }

  @AfterAll
  static void logout() {
    if (token != null) {
      token.close();
    }
  }

  @Test
  void secp256k1SignaturesFromTheTokenRecoverToTheNodeKeyWithLowS() {
    NodeSigner signer = token.nodeSigner("node0", SUITE);
    assertEquals(nodeKey.publicKey(), signer.publicKey());
    BigInteger halfOrder = EcdsaScalars.SECP256K1_ORDER.shiftRight(1);
    // ECDSA nonces are random, so over many signatures both parities of R and both halves of s
    // occur in the token's raw output; every signature must still verify and recover.
    for (int i = 0; i < 24; i++) {
      byte[] digest = SUITE.hash(("vote " + i).getBytes(StandardCharsets.UTF_8));
      Signature signature = signer.sign(digest);
      assertTrue(signature.s().compareTo(halfOrder) <= 0, "low s");
      assertTrue(SUITE.verify(nodeKey.publicKey(), digest, signature));
      assertEquals(nodeKey.publicKey(), SUITE.recoverSigner(digest, signature));
      assertEquals(SUITE.address(nodeKey.publicKey()), SUITE.address(
          SUITE.recoverSigner(digest, SUITE.decodeSignature(SUITE.encodeSignature(signature)))));
    }
  }

  @Test
  void p256SignaturesFromTheTokenVerifyWithTheTransportCertificate() throws Exception {
    X509Certificate certificate = token.certificate("node0-tls");
    byte[] data = "transport transcript".getBytes(StandardCharsets.UTF_8);
    byte[] signature = token.signP256("node0-tls", data);
    assertEquals(64, signature.length);
    assertTrue(new BigInteger(1, java.util.Arrays.copyOfRange(signature, 32, 64))
        .compareTo(EcdsaScalars.P256_ORDER.shiftRight(1)) <= 0, "low s");
    java.security.Signature verifier =
        java.security.Signature.getInstance("SHA256withECDSAinP1363Format");
    verifier.initVerify(certificate.getPublicKey());
    verifier.update(data);
    assertTrue(verifier.verify(signature));
    verifier.initVerify(certificate.getPublicKey());
    verifier.update("another transcript".getBytes(StandardCharsets.UTF_8));
    assertFalse(verifier.verify(signature));
  }

  @Test
  void aWrongPinIsRefusedByName() throws Exception {
    // A PKCS#11 login holds for the whole process, so log out first for the PIN to be checked.
    token.close();
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
        () -> Pkcs11Token.open(SoftHsm.providerConfig(), "not-the-pin".toCharArray()));
    assertTrue(refused.getMessage().endsWith(": wrong PIN"), refused.getMessage());
    token = Pkcs11Token.open(SoftHsm.providerConfig(), SoftHsm.PIN.toCharArray());
  }

  @Test
  void anUnknownAliasNamesTheAliasesThere() {
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
        () -> token.nodeSigner("node9", SUITE));
    assertTrue(refused.getMessage().contains("no private key with alias 'node9'"),
        refused.getMessage());
    assertTrue(refused.getMessage().contains("node0"), refused.getMessage());
  }

  @Test
  void gmKeysAreRefusedWithThePointerToARemoteSigner() {
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
        () -> token.nodeSigner("node0", CryptoSuites.gm()));
    assertTrue(refused.getMessage().contains("remote signer"), refused.getMessage());
  }
}

package org.xinlian.network;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.xinlian.crypto.CertificateRequest;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.crypto.KeyPair;
import org.xinlian.crypto.TransportCertificateRequest;
import org.xinlian.crypto.TransportCertificates;

/**
 * A consortium's two CAs: node certificates on the suite, transport certificates on P-256 (standard)
 * or SM2 (gm, RFC 8998).
 */
final class TestPki {
  static final Duration YEAR = Duration.ofDays(365);

  final CryptoSuite suite;
  final TransportCertificates transport;
  final SecureRandom random = new SecureRandom();
  final Instant now;
  final KeyPair consortiumKey;
  final X509Certificate consortiumAuthority;
  final java.security.KeyPair transportAuthorityKey;
  final X509Certificate transportAuthority;
  private final AtomicLong serial = new AtomicLong(1);
  /** The node key pairs of the credentials issued here, so a test can certify a node again. */
  final java.util.Map<NodeId, KeyPair> keyPairs = new java.util.concurrent.ConcurrentHashMap<>();

  TestPki(String suiteName, String name, Instant now) {
    this.suite = CryptoSuites.byName(suiteName);
    this.transport = CryptoSuites.transport(suite);
    this.now = now;
    consortiumKey = suite.generateKeyPair(random);
    consortiumAuthority = suite.issueCertificate(new CertificateRequest(
        "CN=" + name + " consortium CA,O=Xinlian", consortiumKey.publicKey(), consortiumKey, null,
        nextSerial(), now.minus(YEAR), now.plus(YEAR), true, List.of(), List.of()));
    transportAuthorityKey = transport.generateKeyPair(random);
    transportAuthority = transport.issueCertificate(new TransportCertificateRequest(
        "CN=" + name + " transport CA,O=Xinlian", transportAuthorityKey.getPublic(),
        transportAuthorityKey.getPrivate(), null, nextSerial(), now.minus(YEAR), now.plus(YEAR),
        true, random));
  }

  TestPki(String suiteName, String name) {
    this(suiteName, name, Instant.now());
  }

  private BigInteger nextSerial() {
    return BigInteger.valueOf(serial.getAndIncrement());
  }

  /** Valid credentials trusted by this PKI. */
  NodeCredentials node(String name) {
    return node(name, suite.generateKeyPair(random), this, now.minus(YEAR), now.plus(YEAR),
        this, now.minus(YEAR), now.plus(YEAR));
  }

  /**
   * Credentials that trust this PKI's authorities but whose certificates were issued by {@code
   * nodeIssuer} and {@code transportIssuer} with the given validity.
   */
  NodeCredentials node(String name, KeyPair nodeKey, TestPki nodeIssuer, Instant nodeFrom,
      Instant nodeTo, TestPki transportIssuer, Instant transportFrom, Instant transportTo) {
    X509Certificate nodeCertificate = nodeIssuer.suite.issueCertificate(new CertificateRequest(
        "CN=" + name + ",O=Xinlian", nodeKey.publicKey(), nodeIssuer.consortiumKey,
        nodeIssuer.consortiumAuthority, nodeIssuer.nextSerial(), nodeFrom, nodeTo, false,
        List.of(), List.of()));
    java.security.KeyPair transportKey = transport.generateKeyPair(random);
    X509Certificate transportCertificate = transport.issueCertificate(
        new TransportCertificateRequest("CN=" + name + " transport,O=Xinlian",
            transportKey.getPublic(), transportIssuer.transportAuthorityKey.getPrivate(),
            transportIssuer.transportAuthority, transportIssuer.nextSerial(), transportFrom,
            transportTo, false, random));
    NodeCredentials credentials = new NodeCredentials(suite, nodeKey, nodeCertificate,
        consortiumAuthority, transportKey.getPrivate(), transportCertificate, transportAuthority);
    keyPairs.put(credentials.nodeId(), nodeKey);
    return credentials;
  }
}

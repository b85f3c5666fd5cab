package org.xinlian.cli.network;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.xinlian.common.Address;
import org.xinlian.crypto.CertificateRequest;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.crypto.KeyPair;
import org.xinlian.crypto.TransportCertificateRequest;
import org.xinlian.crypto.TransportCertificates;

/**
 * The two certificate authorities of a consortium and the credentials they issue
 * (docs/adr/0008-p2p-tls-and-gm.md): node keys on the chain's suite certified by the consortium CA
 * (secp256k1 or SM2), and P-256 TLS keys certified by the transport CA. All entropy comes from the
 * one {@link SecureRandom} passed in; validity is explicit from the {@code now} passed in.
 */
final class NetworkPki {
  /**
   * Validity starts this long before now, so a node whose clock runs a little behind the machine
   * that ran init does not refuse its peers' fresh certificates as not yet valid.
   */
  static final Duration CLOCK_SKEW_ALLOWANCE = Duration.ofHours(1);
  /** The CAs outlive every certificate they issue. */
  static final Duration CA_VALIDITY = Duration.ofDays(3650);
  static final Duration NODE_CERTIFICATE_VALIDITY = Duration.ofDays(1825);
  /** Random serial numbers (as CAs issue them), unique per issuer within one network. */
  private static final int SERIAL_NUMBER_BITS = 64;
  private static final String ORGANIZATION = ",O=Xinlian";

  /** A certificate authority on the chain's suite. */
  record ConsortiumAuthority(KeyPair keyPair, X509Certificate certificate) {}

  /** The P-256 certificate authority of TLS. */
  record TransportAuthority(java.security.KeyPair keyPair, X509Certificate certificate) {}

  /** One node's two identities. */
  record NodeCredentials(
      KeyPair nodeKey,
      X509Certificate nodeCertificate,
      java.security.KeyPair transportKey,
      X509Certificate transportCertificate,
      Address address) {}

  private final CryptoSuite suite;
  private final TransportCertificates transport = CryptoSuites.transport();
  private final SecureRandom random;
  private final Instant notBefore;
  private final Instant now;
  private final Set<BigInteger> consortiumSerials = new HashSet<>();
  private final Set<BigInteger> transportSerials = new HashSet<>();
  final ConsortiumAuthority consortiumAuthority;
  final TransportAuthority transportAuthority;

  /** Makes both authorities, valid from shortly before {@code now}. */
  NetworkPki(CryptoSuite suite, Instant now, SecureRandom random) {
    this.suite = suite;
    this.random = random;
    this.now = now;
    this.notBefore = now.minus(CLOCK_SKEW_ALLOWANCE);
    KeyPair consortiumKey = suite.generateKeyPair(random);
    consortiumAuthority = new ConsortiumAuthority(consortiumKey, suite.issueCertificate(new CertificateRequest(
        "CN=Xinlian consortium CA" + ORGANIZATION, consortiumKey.publicKey(), consortiumKey, null,
        serial(consortiumSerials), notBefore, now.plus(CA_VALIDITY), true, List.of(), List.of())));
    java.security.KeyPair transportKey = transport.generateKeyPair(random);
    transportAuthority = new TransportAuthority(transportKey, transport.issueCertificate(
        new TransportCertificateRequest("CN=Xinlian transport CA" + ORGANIZATION, transportKey.getPublic(),
            transportKey.getPrivate(), null, serial(transportSerials), notBefore, now.plus(CA_VALIDITY),
            true, random)));
  }

  /** A fresh node key and TLS key, each certified by its authority under the name {@code name}. */
  NodeCredentials issueNode(String name) {
    KeyPair nodeKey = suite.generateKeyPair(random);
    X509Certificate nodeCertificate = suite.issueCertificate(new CertificateRequest(
        "CN=" + name + ORGANIZATION, nodeKey.publicKey(), consortiumAuthority.keyPair(),
        consortiumAuthority.certificate(), serial(consortiumSerials), notBefore,
        now.plus(NODE_CERTIFICATE_VALIDITY), false, List.of(), List.of()));
    java.security.KeyPair transportKey = transport.generateKeyPair(random);
    X509Certificate transportCertificate = transport.issueCertificate(new TransportCertificateRequest(
        "CN=" + name + " transport" + ORGANIZATION, transportKey.getPublic(),
        transportAuthority.keyPair().getPrivate(), transportAuthority.certificate(),
        serial(transportSerials), notBefore, now.plus(NODE_CERTIFICATE_VALIDITY), false, random));
    return new NodeCredentials(nodeKey, nodeCertificate, transportKey, transportCertificate,
        suite.address(nodeKey.publicKey()));
  }

  String consortiumCertificatePem() {
    return suite.certificateToPem(consortiumAuthority.certificate());
  }

  String consortiumKeyPem() {
    return suite.privateKeyToPem(consortiumAuthority.keyPair().privateKey());
  }

  String transportCertificatePem() {
    return transport.certificateToPem(transportAuthority.certificate());
  }

  String transportKeyPem() {
    return transport.privateKeyToPem(transportAuthority.keyPair().getPrivate());
  }

  String nodeCertificatePem(NodeCredentials node) {
    return suite.certificateToPem(node.nodeCertificate());
  }

  String nodeKeyPem(NodeCredentials node) {
    return suite.privateKeyToPem(node.nodeKey().privateKey());
  }

  String transportCertificatePem(NodeCredentials node) {
    return transport.certificateToPem(node.transportCertificate());
  }

  String transportKeyPem(NodeCredentials node) {
    return transport.privateKeyToPem(node.transportKey().getPrivate());
  }

  private BigInteger serial(Set<BigInteger> issued) {
    while (true) {
      BigInteger serial = new BigInteger(SERIAL_NUMBER_BITS, random).add(BigInteger.ONE);
      if (issued.add(serial)) {
        return serial;
      }
    }
  }
}

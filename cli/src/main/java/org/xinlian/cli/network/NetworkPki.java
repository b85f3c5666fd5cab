package org.xinlian.cli.network;

import java.math.BigInteger;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.xinlian.common.Address;
import org.xinlian.crypto.CertificateRequest;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.crypto.KeyPair;
import org.xinlian.crypto.keystore.KeyFile;
import org.xinlian.crypto.keystore.KeyFileParameters;
import org.xinlian.crypto.TransportCertificateRequest;
import org.xinlian.crypto.TransportCertificates;

/**
 * The certificate authorities of a consortium and the credentials they issue
 * (docs/adr/0008-p2p-tls-and-gm.md, docs/spec/governance.md GOV-1): each organisation has two CAs
 * of its own, one on the chain's suite (secp256k1 or SM2) that certifies its nodes' keys and whose
 * certificate genesis names, and a transport CA that certifies their TLS keys: P-256 on standard
 * chains, SM2 (SM3withSM2) on gm chains, whose TLS is RFC 8998 (docs/adr/0015-gm-tls-rfc8998.md).
 * Every node trusts the
 * CAs of all organisations. All entropy comes from the one {@link SecureRandom} passed in; validity
 * is explicit from the {@code now} passed in.
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
  /** Random serial numbers (as CAs issue them), unique per issuer within one run. */
  private static final int SERIAL_NUMBER_BITS = 64;

  /** A certificate authority on the chain's suite. */
  record SuiteAuthority(KeyPair keyPair, X509Certificate certificate) {}

  /** A certificate authority of TLS: P-256 on standard chains, SM2 on gm chains. */
  record TransportAuthority(PrivateKey privateKey, X509Certificate certificate) {}

  /** One organisation's two CAs. */
  record Organisation(String id, String name, SuiteAuthority nodes, TransportAuthority transport) {}

  /** One node's two identities, issued by the CAs of organisation {@code organisation}. */
  record NodeCredentials(
      KeyPair nodeKey,
      X509Certificate nodeCertificate,
      java.security.KeyPair transportKey,
      X509Certificate transportCertificate,
      Address address,
      int organisation) {}

  private final CryptoSuite suite;
  private final TransportCertificates transport;
  private final SecureRandom random;
  private final Instant notBefore;
  private final Instant now;
  private final List<Organisation> organisations;
  private final List<Set<BigInteger>> suiteSerials = new ArrayList<>();
  private final List<Set<BigInteger>> transportSerials = new ArrayList<>();

  private NetworkPki(CryptoSuite suite, List<Organisation> organisations, Instant now, SecureRandom random) {
    this.suite = suite;
    this.transport = CryptoSuites.transport(suite);
    this.random = random;
    this.now = now;
    this.notBefore = now.minus(CLOCK_SKEW_ALLOWANCE);
    this.organisations = List.copyOf(organisations);
    for (int i = 0; i < organisations.size(); i++) {
      suiteSerials.add(new HashSet<>());
      transportSerials.add(new HashSet<>());
    }
  }

  /** Fresh CAs for {@code count} organisations (org1, org2, …), valid from shortly before {@code now}. */
  static NetworkPki create(CryptoSuite suite, int count, Instant now, SecureRandom random) {
    NetworkPki pki = new NetworkPki(suite, List.of(), now, random);
    List<Organisation> organisations = new ArrayList<>();
    Set<BigInteger> selfSigned = new HashSet<>();
    for (int index = 0; index < count; index++) {
      organisations.add(pki.newOrganisation(NetworkSpec.organisationId(index),
          NetworkSpec.organisationName(index), selfSigned));
    }
    return new NetworkPki(suite, organisations, now, random);
  }

  /** The CAs of an existing network (read back from its ca/ directory), to issue more nodes. */
  static NetworkPki of(CryptoSuite suite, List<Organisation> organisations, Instant now, SecureRandom random) {
    return new NetworkPki(suite, organisations, now, random);
  }

  private Organisation newOrganisation(String id, String name, Set<BigInteger> serials) {
    String owner = ",O=" + name;
    KeyPair nodeCaKey = suite.generateKeyPair(random);
    X509Certificate nodeCa = suite.issueCertificate(new CertificateRequest(
        "CN=" + id + " CA" + owner, nodeCaKey.publicKey(), nodeCaKey, null, serial(serials), notBefore,
        now.plus(CA_VALIDITY), true, List.of(), List.of()));
    java.security.KeyPair transportCaKey = transport.generateKeyPair(random);
    X509Certificate transportCa = transport.issueCertificate(new TransportCertificateRequest(
        "CN=" + id + " transport CA" + owner, transportCaKey.getPublic(), transportCaKey.getPrivate(), null,
        serial(serials), notBefore, now.plus(CA_VALIDITY), true, random));
    return new Organisation(id, name, new SuiteAuthority(nodeCaKey, nodeCa),
        new TransportAuthority(transportCaKey.getPrivate(), transportCa));
  }

  List<Organisation> organisations() {
    return organisations;
  }

  /**
   * A fresh node key and TLS key, each certified by organisation {@code organisation}'s CA of its
   * kind under the name {@code name}.
   */
  NodeCredentials issueNode(String name, int organisation) {
    Organisation issuer = organisations.get(organisation);
    String owner = ",O=" + issuer.name();
    KeyPair nodeKey = suite.generateKeyPair(random);
    X509Certificate nodeCertificate = suite.issueCertificate(new CertificateRequest(
        "CN=" + name + owner, nodeKey.publicKey(), issuer.nodes().keyPair(), issuer.nodes().certificate(),
        serial(suiteSerials.get(organisation)), notBefore, now.plus(NODE_CERTIFICATE_VALIDITY), false,
        List.of(), List.of()));
    java.security.KeyPair transportKey = transport.generateKeyPair(random);
    X509Certificate transportCertificate = transport.issueCertificate(new TransportCertificateRequest(
        "CN=" + name + " transport" + owner, transportKey.getPublic(), issuer.transport().privateKey(),
        issuer.transport().certificate(), serial(transportSerials.get(organisation)), notBefore,
        now.plus(NODE_CERTIFICATE_VALIDITY), false, random));
    return new NodeCredentials(nodeKey, nodeCertificate, transportKey, transportCertificate,
        suite.address(nodeKey.publicKey()), organisation);
  }

  /** A fresh key on the chain's suite: an organisation's governor (GOV-1). */
  KeyPair newAccountKey() {
    return suite.generateKeyPair(random);
  }

  String caCertificatePem(int organisation) {
    return suite.certificateToPem(organisations.get(organisation).nodes().certificate());
  }

  String caKeyPem(int organisation) {
    return suite.privateKeyToPem(organisations.get(organisation).nodes().keyPair().privateKey());
  }

  String transportCaCertificatePem(int organisation) {
    return transport.certificateToPem(organisations.get(organisation).transport().certificate());
  }

  String transportCaKeyPem(int organisation) {
    return transport.privateKeyToPem(organisations.get(organisation).transport().privateKey());
  }

  /** Every organisation's CA certificate on the suite, one after the other: what nodes trust. */
  String consortiumBundlePem() {
    StringBuilder bundle = new StringBuilder();
    for (int index = 0; index < organisations.size(); index++) {
      bundle.append(caCertificatePem(index));
    }
    return bundle.toString();
  }

  /** Every organisation's transport CA certificate, one after the other. */
  String transportBundlePem() {
    StringBuilder bundle = new StringBuilder();
    for (int index = 0; index < organisations.size(); index++) {
      bundle.append(transportCaCertificatePem(index));
    }
    return bundle.toString();
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
  /** The node key as a key file of the accounts' format (Web3 Secret Storage v3 / gm variant). */
  String nodeKeyFile(NodeCredentials node, char[] passphrase, KeyFileParameters parameters,
      SecureRandom random) {
    return KeyFile.encrypt(suite, node.nodeKey().privateKey(), passphrase, parameters, random);
  }

  /** The transport key as encrypted PKCS#8 PEM. */
  String transportKeyEncryptedPem(NodeCredentials node, char[] passphrase, SecureRandom random) {
    return transport.privateKeyToEncryptedPem(node.transportKey().getPrivate(), passphrase, random);
  }


  String privateKeyPem(KeyPair key) {
    return suite.privateKeyToPem(key.privateKey());
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

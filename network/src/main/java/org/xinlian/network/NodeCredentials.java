package org.xinlian.network;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.KeyPair;
import org.xinlian.crypto.NodeSigner;

/**
 * A node's two certified identities (docs/adr/0008-p2p-tls-and-gm.md): the node key on the chain's
 * suite (secp256k1 or SM2), certified by a consortium CA, which names the node; and a P-256
 * transport key, certified by a transport CA, which TLS 1.3 uses. The handshake binds the two with
 * a signature by the node key.
 *
 * <p>A consortium of several organisations has one CA of each kind per organisation (docs/spec/
 * governance.md GOV-1), each issuing its own nodes' certificates; a node trusts all of them, so
 * the authorities are lists. A peer's certificate must be issued by one of them.
 *
 * @param suite the chain's crypto suite, which the node and consortium certificates use
 * @param nodeKey what signs with the node's key: in memory, a PKCS#11 token or a remote signer
 *     (docs/adr/0016-node-keys-hsm-and-revocation.md)
 * @param nodeCertificate the node key's certificate, issued by one of {@code consortiumAuthorities}
 * @param consortiumAuthorities the CA certificates on the suite a peer's node certificate may chain
 *     to: 1 to {@link #AUTHORITIES_MAX}
 * @param transportKey the P-256 TLS private key
 * @param transportCertificate the TLS certificate, issued by one of {@code transportAuthorities}
 * @param transportAuthorities the transport CA certificates a peer's TLS certificate may chain to:
 *     1 to {@link #AUTHORITIES_MAX}
 * @param revocations the node and transport certificates the CAs revoked (their CRLs), which the
 *     owner may replace while the node runs
 */
public record NodeCredentials(
    CryptoSuite suite,
    NodeSigner nodeKey,
    X509Certificate nodeCertificate,
    List<X509Certificate> consortiumAuthorities,
    PrivateKey transportKey,
    X509Certificate transportCertificate,
    List<X509Certificate> transportAuthorities,
    CertificateRevocations revocations) {
  /** One CA of each kind per organisation, and a consortium has at most 256 (GOV-20). */
  public static final int AUTHORITIES_MAX = 256;

  public NodeCredentials {
    if (suite == null || nodeKey == null || nodeCertificate == null || consortiumAuthorities == null
        || transportKey == null || transportCertificate == null || transportAuthorities == null
        || revocations == null) {
      throw new IllegalArgumentException("nodeCredentials: every field is required");
    }
    consortiumAuthorities = checked("consortiumAuthorities", consortiumAuthorities);
    transportAuthorities = checked("transportAuthorities", transportAuthorities);
    if (!nodeKey.suite().name().equals(suite.name())) {
      throw new IllegalArgumentException("nodeCredentials.nodeKey: signs on the "
          + nodeKey.suite().name() + " suite, not " + suite.name());
    }
  }

  /** The credentials of a network without revocation lists. */
  public NodeCredentials(CryptoSuite suite, NodeSigner nodeKey, X509Certificate nodeCertificate,
      List<X509Certificate> consortiumAuthorities, PrivateKey transportKey,
      X509Certificate transportCertificate, List<X509Certificate> transportAuthorities) {
    this(suite, nodeKey, nodeCertificate, consortiumAuthorities, transportKey,
        transportCertificate, transportAuthorities, CertificateRevocations.none());
  }

  /** The credentials of a node whose key pair is in memory. */
  public NodeCredentials(CryptoSuite suite, KeyPair nodeKey, X509Certificate nodeCertificate,
      List<X509Certificate> consortiumAuthorities, PrivateKey transportKey,
      X509Certificate transportCertificate, List<X509Certificate> transportAuthorities) {
    this(suite, NodeSigner.inMemory(suite, nodeKey), nodeCertificate, consortiumAuthorities,
        transportKey, transportCertificate, transportAuthorities, CertificateRevocations.none());
  }

  /** The credentials of a consortium with one CA of each kind. */
  public NodeCredentials(CryptoSuite suite, KeyPair nodeKey, X509Certificate nodeCertificate,
      X509Certificate consortiumAuthority, PrivateKey transportKey,
      X509Certificate transportCertificate, X509Certificate transportAuthority) {
    this(suite, NodeSigner.inMemory(suite, nodeKey), nodeCertificate, listOf(consortiumAuthority), transportKey,
        transportCertificate, listOf(transportAuthority), CertificateRevocations.none());
  }

  private static List<X509Certificate> listOf(X509Certificate certificate) {
    if (certificate == null) {
      throw new IllegalArgumentException("nodeCredentials: every field is required");
    }
    return List.of(certificate);
  }

  private static List<X509Certificate> checked(String field, List<X509Certificate> authorities) {
    if (authorities.isEmpty() || authorities.size() > AUTHORITIES_MAX) {
      throw new IllegalArgumentException("nodeCredentials." + field + ": 1 to " + AUTHORITIES_MAX
          + " certificates, got " + authorities.size());
    }
    for (X509Certificate authority : authorities) {
      if (authority == null) {
        throw new IllegalArgumentException("nodeCredentials." + field + ": null certificate");
      }
    }
    return List.copyOf(authorities);
  }

  /** The id this node's certificate gives it. */
  public NodeId nodeId() {
    return NodeId.of(suite, suite.certificatePublicKey(nodeCertificate));
  }
}

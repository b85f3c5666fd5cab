package org.xinlian.network;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.KeyPair;

/**
 * A node's two certified identities (docs/adr/0008-p2p-tls-and-gm.md): the node key on the chain's
 * suite (secp256k1 or SM2), certified by the consortium CA, which names the node; and a P-256
 * transport key, certified by the consortium's transport CA, which TLS 1.3 uses. The handshake
 * binds the two with a signature by the node key.
 *
 * @param suite the chain's crypto suite, which the node and consortium certificates use
 * @param nodeKey the node's key pair
 * @param nodeCertificate the node key's certificate, issued by {@code consortiumAuthority}
 * @param consortiumAuthority the consortium CA certificate every node certificate must chain to
 * @param transportKey the P-256 TLS private key
 * @param transportCertificate the TLS certificate, issued by {@code transportAuthority}
 * @param transportAuthority the transport CA certificate every TLS certificate must chain to
 */
public record NodeCredentials(
    CryptoSuite suite,
    KeyPair nodeKey,
    X509Certificate nodeCertificate,
    X509Certificate consortiumAuthority,
    PrivateKey transportKey,
    X509Certificate transportCertificate,
    X509Certificate transportAuthority) {
  public NodeCredentials {
    if (suite == null || nodeKey == null || nodeCertificate == null || consortiumAuthority == null
        || transportKey == null || transportCertificate == null || transportAuthority == null) {
      throw new IllegalArgumentException("nodeCredentials: every field is required");
    }
  }

  /** The id this node's certificate gives it. */
  public NodeId nodeId() {
    return NodeId.of(suite, suite.certificatePublicKey(nodeCertificate));
  }
}

package org.xinlian.node.consensus;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.function.Function;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.crypto.KeyPair;
import org.xinlian.crypto.TransportCertificates;
import org.xinlian.network.NodeCredentials;

/**
 * Reads a node's keys and certificates from the PEM files its configuration names (the layout
 * {@code xinlian network init} writes, docs/adr/0008-p2p-tls-and-gm.md). Every problem is an
 * {@link IllegalArgumentException} naming the configuration field and the file, so an operator
 * sees which file to fix.
 */
final class CredentialFiles {
  /** A PEM key or certificate is a few kilobytes; anything this large is a wrong path. */
  static final int PEM_FILE_BYTES_MAX = 64 * 1024;

  private CredentialFiles() {}

  /** The node key on the chain's suite (PKCS#8 PEM). */
  static KeyPair nodeKey(Path file, CryptoSuite suite) {
    org.xinlian.crypto.PrivateKey key = parse("nodeKeyFile", file, suite::privateKeyFromPem);
    return suite.keyPairFromPrivateKey(key.bytes());
  }

  /** Both certified identities of the node, with the CAs its peers must chain to. */
  static NodeCredentials credentials(P2pConfig p2p, KeyPair nodeKey, CryptoSuite suite) {
    TransportCertificates transport = CryptoSuites.transport();
    X509Certificate nodeCertificate =
        parse("p2p.nodeCertificateFile", p2p.nodeCertificateFile(), suite::certificateFromPem);
    if (!suite.certificatePublicKey(nodeCertificate).equals(nodeKey.publicKey())) {
      throw new IllegalArgumentException("p2p.nodeCertificateFile: " + p2p.nodeCertificateFile()
          + " does not certify the key in nodeKeyFile");
    }
    return new NodeCredentials(suite, nodeKey, nodeCertificate,
        parse("p2p.consortiumCaFile", p2p.consortiumCaFile(), suite::certificateFromPem),
        parse("p2p.transportKeyFile", p2p.transportKeyFile(), transport::privateKeyFromPem),
        parse("p2p.transportCertificateFile", p2p.transportCertificateFile(),
            transport::certificateFromPem),
        parse("p2p.transportCaFile", p2p.transportCaFile(), transport::certificateFromPem));
  }

  private static <T> T parse(String field, Path file, Function<String, T> parser) {
    String pem;
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes(PEM_FILE_BYTES_MAX + 1);
      if (bytes.length > PEM_FILE_BYTES_MAX) {
        throw new IllegalArgumentException(field + ": " + file + " is larger than "
            + PEM_FILE_BYTES_MAX + " bytes, not a PEM key or certificate");
      }
      pem = new String(bytes, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new IllegalArgumentException(field + ": cannot read " + file + ": " + e.getMessage(), e);
    }
    try {
      return parser.apply(pem);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(field + ": " + file + " is not valid: " + e.getMessage(), e);
    }
  }
}

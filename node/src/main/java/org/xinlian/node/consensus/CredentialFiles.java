package org.xinlian.node.consensus;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
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
  /**
   * A CA bundle: up to {@link NodeCredentials#AUTHORITIES_MAX} certificates of at most 8 KiB
   * (an organisation's {@code caCertificate} in genesis, GOV-1).
   */
  static final int CA_BUNDLE_BYTES_MAX = NodeCredentials.AUTHORITIES_MAX * 8 * 1024;

  private static final String BEGIN_CERTIFICATE = "-----BEGIN CERTIFICATE-----";
  private static final String END_CERTIFICATE = "-----END CERTIFICATE-----";

  private CredentialFiles() {}

  /** The node key on the chain's suite (PKCS#8 PEM). */
  static KeyPair nodeKey(Path file, CryptoSuite suite) {
    org.xinlian.crypto.PrivateKey key = parse("nodeKeyFile", file, suite::privateKeyFromPem);
    return suite.keyPairFromPrivateKey(key.bytes());
  }

  /**
   * Both certified identities of the node, with the CAs its peers must chain to: each CA file may
   * hold one certificate or a bundle of them, one per organisation of the consortium.
   */
  static NodeCredentials credentials(P2pConfig p2p, KeyPair nodeKey, CryptoSuite suite) {
    TransportCertificates transport = CryptoSuites.transport(suite);
    X509Certificate nodeCertificate =
        parse("p2p.nodeCertificateFile", p2p.nodeCertificateFile(), suite::certificateFromPem);
    if (!suite.certificatePublicKey(nodeCertificate).equals(nodeKey.publicKey())) {
      throw new IllegalArgumentException("p2p.nodeCertificateFile: " + p2p.nodeCertificateFile()
          + " does not certify the key in nodeKeyFile");
    }
    return new NodeCredentials(suite, nodeKey, nodeCertificate,
        consortiumAuthorities(p2p.consortiumCaFile(), suite),
        parse("p2p.transportKeyFile", p2p.transportKeyFile(), transport::privateKeyFromPem),
        parse("p2p.transportCertificateFile", p2p.transportCertificateFile(),
            transport::certificateFromPem),
        parseBundle("p2p.transportCaFile", p2p.transportCaFile(), transport::certificateFromPem));
  }

  /**
   * The consortium CAs of {@code p2p.consortiumCaFile}, each with its key on the chain's suite: a
   * CA of the other suite would make the node refuse every peer, so it is a start error instead.
   */
  static List<X509Certificate> consortiumAuthorities(Path file, CryptoSuite suite) {
    return parseBundle("p2p.consortiumCaFile", file, pem -> {
      X509Certificate certificate = suite.certificateFromPem(pem);
      suite.certificatePublicKey(certificate);
      return certificate;
    });
  }

  private static <T> T parse(String field, Path file, Function<String, T> parser) {
    String pem = read(field, file, PEM_FILE_BYTES_MAX, "a PEM key or certificate");
    try {
      return parser.apply(pem);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(field + ": " + file + " is not valid: " + e.getMessage(), e);
    }
  }

  /**
   * The CA certificates of a bundle: one PEM certificate per organisation of the consortium, one
   * after the other with nothing but whitespace between them (as {@code cat org*.pem} makes one).
   * Each is parsed strictly; a problem names the certificate's place in the file.
   */
  static List<X509Certificate> parseBundle(String field, Path file,
      Function<String, X509Certificate> parser) {
    String text = read(field, file, CA_BUNDLE_BYTES_MAX, "a PEM bundle of CA certificates");
    List<X509Certificate> certificates = new ArrayList<>();
    int position = 0;
    while (true) {
      int begin = text.indexOf(BEGIN_CERTIFICATE, position);
      String between = begin < 0 ? text.substring(position) : text.substring(position, begin);
      if (!between.isBlank()) {
        throw new IllegalArgumentException(field + ": " + file + " holds text other than PEM "
            + "certificates after certificate " + certificates.size());
      }
      if (begin < 0) {
        break;
      }
      int end = text.indexOf(END_CERTIFICATE, begin);
      if (end < 0) {
        throw new IllegalArgumentException(field + ": " + file + ": certificate "
            + (certificates.size() + 1) + " has no " + END_CERTIFICATE + " line");
      }
      position = end + END_CERTIFICATE.length();
      if (certificates.size() == NodeCredentials.AUTHORITIES_MAX) {
        throw new IllegalArgumentException(field + ": " + file + " holds more than "
            + NodeCredentials.AUTHORITIES_MAX + " CA certificates");
      }
      try {
        certificates.add(parser.apply(text.substring(begin, position)));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(field + ": " + file + ": certificate "
            + (certificates.size() + 1) + " is not valid: " + e.getMessage(), e);
      }
    }
    if (certificates.isEmpty()) {
      throw new IllegalArgumentException(field + ": " + file + " holds no PEM certificate");
    }
    return certificates;
  }

  private static String read(String field, Path file, int bytesMax, String what) {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes(bytesMax + 1);
      if (bytes.length > bytesMax) {
        throw new IllegalArgumentException(field + ": " + file + " is larger than "
            + bytesMax + " bytes, not " + what);
      }
      return new String(bytes, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new IllegalArgumentException(field + ": cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}

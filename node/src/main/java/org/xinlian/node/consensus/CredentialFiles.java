package org.xinlian.node.consensus;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.crypto.AuthenticationFailedException;
import org.xinlian.crypto.NodeSigner;
import org.xinlian.crypto.keystore.DecryptedKey;
import org.xinlian.crypto.keystore.KeyFile;
import org.xinlian.crypto.pkcs11.Pkcs11Token;
import org.xinlian.crypto.TransportCertificates;
import org.xinlian.network.CertificateRevocations;
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

  /**
   * The passphrase of the node's encrypted keys, asked or read once per start and shared by the
   * node key and the transport key, then wiped.
   */
  static final class Unlock implements AutoCloseable {
    private final KeysConfig keys;
    private char[] passphrase;

    Unlock(KeysConfig keys) {
      this.keys = keys;
    }

    char[] passphrase(String field, Path file) {
      if (passphrase == null) {
        passphrase = keys.passphrase(field, file);
      }
      return passphrase;
    }

    @Override
    public void close() {
      if (passphrase != null) {
        java.util.Arrays.fill(passphrase, '\0');
      }
    }
  }

  /**
   * What signs with the node key: the token's key with {@code keys.pkcs11}, else the key of
   * {@code nodeKeyFile}, which is either a key file in the accounts' format (Web3 Secret Storage
   * v3 JSON, or its gm variant, encrypted) or PKCS#8 PEM (plain, as development networks have).
   */
  static NodeSigner nodeSigner(Path file, KeysConfig keys, Unlock unlock, CryptoSuite suite) {
    if (keys.pkcs11().isPresent()) {
      KeysConfig.Pkcs11Key hardware = keys.pkcs11().get();
      char[] pin = hardware.pin();
      try {
        return Pkcs11Token.open(hardware.configFile(), pin).nodeSigner(hardware.alias(), suite);
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("keys.pkcs11: " + e.getMessage(), e);
      } finally {
        java.util.Arrays.fill(pin, '\0');
      }
    }
    String text = read("nodeKeyFile", file, PEM_FILE_BYTES_MAX, "a key file");
    if (!text.stripLeading().startsWith("{")) {
      org.xinlian.crypto.PrivateKey key = parse("nodeKeyFile", file, suite::privateKeyFromPem);
      return NodeSigner.inMemory(suite, suite.keyPairFromPrivateKey(key.bytes()));
    }
    DecryptedKey decrypted;
    try {
      decrypted = KeyFile.decrypt(text, unlock.passphrase("nodeKeyFile", file));
    } catch (AuthenticationFailedException e) {
      throw new IllegalArgumentException("nodeKeyFile: " + file + ": wrong passphrase", e);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("nodeKeyFile: " + file + " is not valid: " + e.getMessage(), e);
    }
    if (!decrypted.suite().equals(suite.name())) {
      throw new IllegalArgumentException("nodeKeyFile: " + file + " holds a " + decrypted.suite()
          + " key, but the chain's suite is " + suite.name());
    }
    return NodeSigner.inMemory(suite, suite.keyPairFromPrivateKey(decrypted.privateKey().bytes()));
  }

  /** The P-256 transport key: PKCS#8 PEM, encrypted ({@code ENCRYPTED PRIVATE KEY}) or plain. */
  static java.security.PrivateKey transportKey(Path file, Unlock unlock, CryptoSuite suite) {
    TransportCertificates transport = CryptoSuites.transport(suite);
    String field = "p2p.transportKeyFile";
    String pem = read(field, file, PEM_FILE_BYTES_MAX, "a PEM key");
    if (!TransportCertificates.isEncryptedPem(pem)) {
      return parse(field, file, transport::privateKeyFromPem);
    }
    try {
      return transport.privateKeyFromEncryptedPem(pem, unlock.passphrase(field, file));
    } catch (AuthenticationFailedException e) {
      throw new IllegalArgumentException(field + ": " + file + ": wrong passphrase", e);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(field + ": " + file + " is not valid: " + e.getMessage(), e);
    }
  }

  /**
   * Both certified identities of the node, with the CAs its peers must chain to: each CA file may
   * hold one certificate or a bundle of them, one per organisation of the consortium.
   */
  static NodeCredentials credentials(P2pConfig p2p, NodeSigner nodeKey, Unlock unlock,
      KeysConfig keys, CryptoSuite suite) {
    TransportCertificates transport = CryptoSuites.transport(suite);
    X509Certificate nodeCertificate =
        parse("p2p.nodeCertificateFile", p2p.nodeCertificateFile(), suite::certificateFromPem);
    if (!suite.certificatePublicKey(nodeCertificate).equals(nodeKey.publicKey())) {
      throw new IllegalArgumentException("p2p.nodeCertificateFile: " + p2p.nodeCertificateFile()
          + " does not certify the node key (nodeKeyFile or keys.pkcs11)");
    }
    List<X509Certificate> consortium = consortiumAuthorities(p2p.consortiumCaFile(), suite);
    List<X509Certificate> transportAuthorities =
        parseBundle("p2p.transportCaFile", p2p.transportCaFile(), transport::certificateFromPem);
    return new NodeCredentials(suite, nodeKey, nodeCertificate, consortium,
        transportKey(p2p.transportKeyFile(), unlock, suite),
        parse("p2p.transportCertificateFile", p2p.transportCertificateFile(),
            transport::certificateFromPem),
        transportAuthorities,
        keys.crlDirectory().isPresent()
            ? RevocationFiles.load(keys.crlDirectory().get(), suite, consortium, transportAuthorities)
            : CertificateRevocations.none());
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

  /**
   * Every problem of the key and certificate files a configuration names, each naming its field
   * and file ({@code xinlian node --check-config}): each file is read on its own, and when all
   * are readable the whole identity is checked as a node start checks it.
   */
  static List<String> problems(Optional<Path> nodeKeyFile, Optional<P2pConfig> p2p, KeysConfig keys,
      CryptoSuite suite) {
    List<String> problems = new ArrayList<>();
    try (Unlock unlock = new Unlock(keys)) {
      NodeSigner key = nodeKeyFile.isPresent() || keys.pkcs11().isPresent()
          ? check(problems, () -> nodeSigner(nodeKeyFile.orElse(null), keys, unlock, suite))
          : null;
      if (p2p.isEmpty()) {
        return problems;
      }
      P2pConfig files = p2p.get();
      TransportCertificates transport = CryptoSuites.transport(suite);
      int before = problems.size();
      check(problems, () -> parse("p2p.nodeCertificateFile", files.nodeCertificateFile(), suite::certificateFromPem));
      check(problems, () -> consortiumAuthorities(files.consortiumCaFile(), suite));
      check(problems, () -> transportKey(files.transportKeyFile(), unlock, suite));
      check(problems, () -> parse("p2p.transportCertificateFile", files.transportCertificateFile(),
          transport::certificateFromPem));
      check(problems, () -> parseBundle("p2p.transportCaFile", files.transportCaFile(), transport::certificateFromPem));
      if (key != null && problems.size() == before) {
        check(problems, () -> credentials(files, key, unlock, keys, suite));
      }
    }
    return problems;
  }

  private static <T> T check(List<String> problems, java.util.function.Supplier<T> reader) {
    try {
      return reader.get();
    } catch (RuntimeException e) {
      problems.add(e.getMessage());
      return null;
    }
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

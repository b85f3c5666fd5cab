package org.xinlian.node.consensus;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.GeneralSecurityException;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.crypto.TransportCertificates;
import org.xinlian.network.CertificateRevocations;
import org.xinlian.network.NodeCredentials;

/**
 * Reads the organisations' certificate revocation lists from {@code keys.crlDirectory} (every
 * {@code *.pem} in it, one PEM CRL each) and keeps the node's {@link CertificateRevocations}
 * current: a CRL signed by a consortium CA revokes node certificates, one signed by a transport
 * CA revokes TLS certificates. A list no CA of the consortium signed is an error at start; while
 * the node runs, the directory is checked every {@code keys.crlReloadIntervalMs} and a changed
 * directory is read again, the new lists replacing the old only when all of them verify (so a
 * half-copied file never un-revokes anything). docs/ops/keys.md, OPS-36, OPS-37.
 */
final class RevocationFiles implements AutoCloseable {
  /** An organisation publishes two lists; room for every organisation of a consortium (GOV-20). */
  static final int FILES_MAX = 2 * NodeCredentials.AUTHORITIES_MAX;
  /** A list of {@code RevocationListRequest.REVOKED_MAX} entries is about 1 MB of PEM. */
  static final int FILE_BYTES_MAX = 2 * 1024 * 1024;

  private static final System.Logger LOG = System.getLogger(RevocationFiles.class.getName());

  private final Path directory;
  private final CryptoSuite suite;
  private final NodeCredentials credentials;
  private final ScheduledExecutorService reloader;
  private List<String> seen;

  private RevocationFiles(Path directory, CryptoSuite suite, NodeCredentials credentials,
      List<String> seen) {
    this.directory = directory;
    this.suite = suite;
    this.credentials = credentials;
    this.seen = seen;
    this.reloader = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "xinlian-crl-reload");
      thread.setDaemon(true);
      return thread;
    });
  }

  /** The lists now in {@code directory}, verified against the credentials' CAs. */
  static CertificateRevocations load(Path directory, CryptoSuite suite,
      List<X509Certificate> consortiumAuthorities, List<X509Certificate> transportAuthorities) {
    Set<CertificateRevocations.Revoked> nodes = new HashSet<>();
    Set<CertificateRevocations.Revoked> transport = new HashSet<>();
    for (Path file : files(directory)) {
      X509CRL crl;
      try {
        crl = suite.revocationListFromPem(read(file));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("keys.crlDirectory: " + file + " is not a PEM CRL: "
            + e.getMessage(), e);
      }
      Set<CertificateRevocations.Revoked> into;
      if (signedByConsortiumCa(crl, suite, consortiumAuthorities)) {
        into = nodes;
      } else if (signedByTransportCa(crl, suite, transportAuthorities)) {
        into = transport;
      } else {
        throw new IllegalArgumentException("keys.crlDirectory: " + file + " (issuer '"
            + crl.getIssuerX500Principal() + "') is not signed by a consortium or transport CA of"
            + " this network");
      }
      Set<? extends X509CRLEntry> entries = crl.getRevokedCertificates();
      if (entries != null) {
        for (X509CRLEntry entry : entries) {
          into.add(new CertificateRevocations.Revoked(crl.getIssuerX500Principal(),
              entry.getSerialNumber()));
        }
      }
    }
    return CertificateRevocations.of(nodes, transport);
  }

  /** Starts checking {@code directory} for changed lists every {@code intervalMillis}. */
  static RevocationFiles watch(Path directory, long intervalMillis, CryptoSuite suite,
      NodeCredentials credentials) {
    RevocationFiles watcher = new RevocationFiles(directory, suite, credentials, state(directory));
    watcher.reloader.scheduleWithFixedDelay(watcher::reloadIfChanged, intervalMillis,
        intervalMillis, TimeUnit.MILLISECONDS);
    return watcher;
  }

  private void reloadIfChanged() {
    try {
      List<String> now = state(directory);
      if (now.equals(seen)) {
        return;
      }
      // Seen even when it fails below: a broken list is reported once, and read again when the
      // directory changes once more.
      seen = now;
      CertificateRevocations read = load(directory, suite, credentials.consortiumAuthorities(),
          credentials.transportAuthorities());
      credentials.revocations().replace(read.nodeSerials(), read.transportSerials());
      LOG.log(System.Logger.Level.INFO, "revocation lists reloaded from {0}: {1} certificates revoked",
          directory, read.size());
    } catch (RuntimeException e) {
      // Keep the lists in force: a list being copied in is read again once it is complete.
      LOG.log(System.Logger.Level.WARNING, "revocation lists in {0} not reloaded, the previous ones"
          + " stay in force: {1}", directory, e.getMessage());
    }
  }

  /** Names, sizes and modification times: what changes when an operator replaces a list. */
  private static List<String> state(Path directory) {
    List<String> state = new ArrayList<>();
    for (Path file : files(directory)) {
      try {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        state.add(file.getFileName() + ":" + attributes.size() + ":"
            + attributes.lastModifiedTime().toMillis());
      } catch (IOException e) {
        state.add(file.getFileName() + ":unreadable");
      }
    }
    return state;
  }

  private static List<Path> files(Path directory) {
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, "*.pem")) {
      for (Path file : stream) {
        if (files.size() == FILES_MAX) {
          throw new IllegalArgumentException("keys.crlDirectory: " + directory
              + " holds more than " + FILES_MAX + " lists");
        }
        files.add(file);
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("keys.crlDirectory: cannot list " + directory + ": "
          + e.getMessage(), e);
    }
    files.sort(null);
    return files;
  }

  private static String read(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes(FILE_BYTES_MAX + 1);
      if (bytes.length > FILE_BYTES_MAX) {
        throw new IllegalArgumentException("keys.crlDirectory: " + file + " is larger than "
            + FILE_BYTES_MAX + " bytes");
      }
      return new String(bytes, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new IllegalArgumentException("keys.crlDirectory: cannot read " + file + ": "
          + e.getMessage(), e);
    }
  }

  private static boolean signedByConsortiumCa(X509CRL crl, CryptoSuite suite,
      List<X509Certificate> authorities) {
    for (X509Certificate authority : authorities) {
      if (crl.getIssuerX500Principal().equals(authority.getSubjectX500Principal())
          && suite.verifyRevocationListSignature(crl, suite.certificatePublicKey(authority))) {
        return true;
      }
    }
    return false;
  }

  private static boolean signedByTransportCa(X509CRL crl, CryptoSuite suite,
      List<X509Certificate> authorities) {
    for (X509Certificate authority : authorities) {
      if (!crl.getIssuerX500Principal().equals(authority.getSubjectX500Principal())) {
        continue;
      }
      // A gm chain's transport CA is SM2 (ADR 0015), whose signature the JDK cannot verify.
      if (!TransportCertificates.CURVE.equals(CryptoSuites.transport(suite).curve())) {
        if (suite.verifyRevocationListSignature(crl, suite.certificatePublicKey(authority))) {
          return true;
        }
        continue;
      }
      try {
        crl.verify(authority.getPublicKey());
        return true;
      } catch (GeneralSecurityException | RuntimeException e) {
        // Not this CA's signature: another CA may carry the same name.
      }
    }
    return false;
  }

  @Override
  public void close() {
    reloader.shutdownNow();
  }
}

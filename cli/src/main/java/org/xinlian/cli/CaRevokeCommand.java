package org.xinlian.cli;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.crypto.KeyPair;
import org.xinlian.crypto.RevocationListRequest;
import org.xinlian.crypto.TransportCertificates;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code xinlian ca revoke}: adds certificates to an organisation CA's revocation list (X.509 v2
 * CRL), creating the list or extending the one at {@code --crl}. The CA is either the
 * organisation's CA on the chain's suite (node certificates) or its transport CA (TLS
 * certificates); which one is told by its certificate's key.
 */
@Command(
    name = "revoke",
    mixinStandardHelpOptions = true,
    description = {
      "Revoke node or TLS certificates: write the CA's revocation list (CRL) with them added.",
      "",
      "Copy the list into every node's keys.crlDirectory (network init: ca/crl/); running nodes "
          + "read it within keys.crlReloadIntervalMs and refuse the revoked certificates at their "
          + "next handshake (NODE_REVOKED, TRANSPORT_REVOKED)."
    })
final class CaRevokeCommand implements Callable<Integer> {
  /** A PEM CA key, certificate or CRL; larger input is a wrong path. */
  static final int PEM_FILE_BYTES_MAX = 4 * 1024 * 1024;
  static final int NEXT_UPDATE_DAYS_MAX = 3650;

  private final CliEnvironment environment;

  @Option(names = "--ca-cert", required = true, paramLabel = "FILE",
      description = "The CA's certificate (ca/<org>/ca.pem or ca/<org>/transport-ca.pem).")
  Path caCertificateFile;

  @Option(names = "--ca-key", required = true, paramLabel = "FILE",
      description = "The CA's private key (ca-keys/<org>/ca.key.pem or transport-ca.key.pem).")
  Path caKeyFile;

  @Option(names = "--cert", paramLabel = "FILE",
      description = "A certificate to revoke (repeatable); it must be issued by the CA.")
  List<Path> certificates = new ArrayList<>();

  @Option(names = "--serial", paramLabel = "N",
      description = "A serial number to revoke, decimal or 0x hex (repeatable).")
  List<String> serials = new ArrayList<>();

  @Option(names = "--crl", required = true, paramLabel = "FILE",
      description = "The revocation list: extended when it exists (it must be this CA's), else created.")
  Path crlFile;

  @Option(names = "--next-update-days", paramLabel = "DAYS", defaultValue = "30",
      description = "When the list says a newer one is due (default: ${DEFAULT-VALUE} days).")
  int nextUpdateDays;

  CaRevokeCommand(CliEnvironment environment) {
    this.environment = environment;
  }

  /** The CA, on the chain's suite or the transport's. */
  private interface Authority {
    X509Certificate certificate();

    X509Certificate parseCertificate(String pem);

    boolean signed(X509Certificate certificate);

    boolean signed(X509CRL crl);

    X509CRL issue(RevocationListRequest request);

    String pem(X509CRL crl);

    X509CRL parseList(String pem);
  }

  @Override
  public Integer call() throws IOException {
    if (certificates.isEmpty() && serials.isEmpty()) {
      throw new UserException("give --cert FILE or --serial N: what to revoke");
    }
    if (nextUpdateDays < 1 || nextUpdateDays > NEXT_UPDATE_DAYS_MAX) {
      throw new UserException("--next-update-days: must be 1 to " + NEXT_UPDATE_DAYS_MAX);
    }
    Authority authority = authority(read(caCertificateFile), read(caKeyFile));
    TreeSet<BigInteger> revoked = new TreeSet<>();
    Path crlPath = environment.resolve(crlFile);
    if (Files.exists(crlPath)) {
      X509CRL existing = authority.parseList(read(crlFile));
      if (!authority.signed(existing)) {
        throw new UserException("--crl: " + crlFile + " is not signed by the CA of --ca-cert");
      }
      if (existing.getRevokedCertificates() != null) {
        for (X509CRLEntry entry : existing.getRevokedCertificates()) {
          revoked.add(entry.getSerialNumber());
        }
      }
    }
    List<BigInteger> added = new ArrayList<>();
    for (Path file : certificates) {
      X509Certificate certificate;
      try {
        certificate = authority.parseCertificate(read(file));
      } catch (RuntimeException e) {
        throw new UserException("--cert: " + file + " is not a certificate of this CA's kind: "
            + e.getMessage());
      }
      if (!authority.signed(certificate)) {
        throw new UserException("--cert: " + file + " is not issued by the CA of --ca-cert");
      }
      added.add(certificate.getSerialNumber());
    }
    for (String serial : serials) {
      added.add(serial(serial));
    }
    revoked.addAll(added);
    Instant now = Instant.ofEpochMilli(environment.clock().currentTimeMillis());
    X509CRL crl;
    try {
      crl = authority.issue(new RevocationListRequest(authority.certificate(), List.copyOf(revoked),
          now, now.plus(Duration.ofDays(nextUpdateDays)), BigInteger.valueOf(now.toEpochMilli())));
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage());
    }
    writeAtomically(crlPath, authority.pem(crl));
    for (BigInteger serial : added) {
      environment.out().println("revoked: serial " + serial + " of '"
          + authority.certificate().getSubjectX500Principal() + "'");
    }
    environment.out().println("list:    " + crlPath + " (" + revoked.size() + " revoked)");
    environment.out().println("Copy it into every node's keys.crlDirectory.");
    return 0;
  }

  private static BigInteger serial(String text) {
    try {
      BigInteger value = text.startsWith("0x") || text.startsWith("0X")
          ? new BigInteger(text.substring(2), 16) : new BigInteger(text);
      if (value.signum() <= 0) {
        throw new NumberFormatException();
      }
      return value;
    } catch (NumberFormatException e) {
      throw new UserException("--serial: '" + text + "' is not a positive number");
    }
  }

  private Authority authority(String certificatePem, String keyPem) {
    for (CryptoSuite suite : List.of(CryptoSuites.standard(), CryptoSuites.gm())) {
      X509Certificate certificate;
      try {
        certificate = suite.certificateFromPem(certificatePem);
        suite.certificatePublicKey(certificate);
      } catch (RuntimeException e) {
        continue;
      }
      KeyPair key;
      try {
        key = suite.keyPairFromPrivateKey(suite.privateKeyFromPem(keyPem).bytes());
      } catch (RuntimeException e) {
        throw new UserException("--ca-key: " + caKeyFile + " is not a " + suite.name()
            + " key: " + e.getMessage());
      }
      if (!suite.certificatePublicKey(certificate).equals(key.publicKey())) {
        throw new UserException("--ca-key: " + caKeyFile + " is not the key of " + caCertificateFile);
      }
      return suiteAuthority(suite, certificate, key);
    }
    TransportCertificates transport = CryptoSuites.transport();
    X509Certificate certificate;
    java.security.PrivateKey key;
    try {
      certificate = transport.certificateFromPem(certificatePem);
      key = transport.privateKeyFromPem(keyPem);
    } catch (RuntimeException e) {
      throw new UserException("--ca-cert/--ca-key: neither a CA of a chain suite nor a P-256 "
          + "transport CA: " + e.getMessage());
    }
    return transportAuthority(transport, certificate, key);
  }

  private Authority suiteAuthority(CryptoSuite suite, X509Certificate ca, KeyPair key) {
    return new Authority() {
      @Override public X509Certificate certificate() {
        return ca;
      }

      @Override public X509Certificate parseCertificate(String pem) {
        return suite.certificateFromPem(pem);
      }

      @Override public boolean signed(X509Certificate certificate) {
        return certificate.getIssuerX500Principal().equals(ca.getSubjectX500Principal())
            && suite.verifyCertificateSignature(certificate, key.publicKey());
      }

      @Override public boolean signed(X509CRL crl) {
        return suite.verifyRevocationListSignature(crl, key.publicKey());
      }

      @Override public X509CRL issue(RevocationListRequest request) {
        return suite.issueRevocationList(request, key);
      }

      @Override public String pem(X509CRL crl) {
        return suite.revocationListToPem(crl);
      }

      @Override public X509CRL parseList(String pem) {
        return suite.revocationListFromPem(pem);
      }
    };
  }

  private Authority transportAuthority(TransportCertificates transport, X509Certificate ca,
      java.security.PrivateKey key) {
    return new Authority() {
      @Override public X509Certificate certificate() {
        return ca;
      }

      @Override public X509Certificate parseCertificate(String pem) {
        return transport.certificateFromPem(pem);
      }

      @Override public boolean signed(X509Certificate certificate) {
        try {
          certificate.verify(ca.getPublicKey());
          return certificate.getIssuerX500Principal().equals(ca.getSubjectX500Principal());
        } catch (GeneralSecurityException | RuntimeException e) {
          return false;
        }
      }

      @Override public boolean signed(X509CRL crl) {
        try {
          crl.verify(ca.getPublicKey());
          return true;
        } catch (GeneralSecurityException | RuntimeException e) {
          return false;
        }
      }

      @Override public X509CRL issue(RevocationListRequest request) {
        return transport.issueRevocationList(request, key, environment.random());
      }

      @Override public String pem(X509CRL crl) {
        return transport.revocationListToPem(crl);
      }

      @Override public X509CRL parseList(String pem) {
        return transport.revocationListFromPem(pem);
      }
    };
  }

  private String read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(environment.resolve(file))) {
      byte[] bytes = in.readNBytes(PEM_FILE_BYTES_MAX + 1);
      if (bytes.length > PEM_FILE_BYTES_MAX) {
        throw new UserException(file + ": larger than " + PEM_FILE_BYTES_MAX + " bytes");
      }
      return new String(bytes, StandardCharsets.US_ASCII);
    }
  }

  /** Written beside and moved into place, so a node never reads half a list. */
  private static void writeAtomically(Path file, String text) throws IOException {
    Path directory = file.toAbsolutePath().getParent();
    Files.createDirectories(directory);
    Path temporary = Files.createTempFile(directory, ".crl-", ".tmp");
    try {
      Files.writeString(temporary, text, StandardCharsets.US_ASCII);
      Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }
}

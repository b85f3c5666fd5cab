package org.xinlian.node.consensus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xinlian.crypto.CertificateRequest;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.crypto.KeyPair;
import org.xinlian.crypto.RevocationListRequest;
import org.xinlian.crypto.TransportCertificateRequest;
import org.xinlian.crypto.TransportCertificates;
import org.xinlian.network.CertificateRevocations;
import org.xinlian.network.NodeCredentials;

/**
 * The revocation lists of {@code keys.crlDirectory} (OPS-36, OPS-37): CRLs signed by a consortium
 * CA (on either suite) revoke node certificates, by a transport CA TLS certificates; a list no CA
 * of the network signed is refused at start; a changed directory is read again while the node
 * runs, and a broken list keeps the previous ones in force.
 */
class RevocationFilesTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  private static final Duration YEAR = Duration.ofDays(365);
  private final SecureRandom random = new SecureRandom();

  @TempDir Path directory;

  private record Authorities(KeyPair consortiumKey, X509Certificate consortium,
      java.security.KeyPair transportKey, X509Certificate transport) {}

  private Authorities authorities(CryptoSuite suite, String name) {
    KeyPair key = suite.generateKeyPair(random);
    X509Certificate consortium = suite.issueCertificate(new CertificateRequest("CN=" + name + " CA",
        key.publicKey(), key, null, BigInteger.ONE, NOW.minus(YEAR), NOW.plus(YEAR), true, List.of(),
        List.of()));
    // The transport CA is P-256 on standard chains and SM2 on gm chains (ADR 0015).
    TransportCertificates transport = CryptoSuites.transport(suite);
    java.security.KeyPair transportKey = transport.generateKeyPair(random);
    X509Certificate transportCa = transport.issueCertificate(new TransportCertificateRequest(
        "CN=" + name + " transport CA", transportKey.getPublic(), transportKey.getPrivate(), null,
        BigInteger.ONE, NOW.minus(YEAR), NOW.plus(YEAR), true, random));
    return new Authorities(key, consortium, transportKey, transportCa);
  }

  private void writeNodeList(CryptoSuite suite, Authorities ca, String file, long... serials)
      throws Exception {
    Files.writeString(directory.resolve(file), suite.revocationListToPem(suite.issueRevocationList(
        request(ca.consortium(), serials), ca.consortiumKey())));
  }

  private static RevocationListRequest request(X509Certificate issuer, long... serials) {
    return new RevocationListRequest(issuer,
        java.util.Arrays.stream(serials).mapToObj(BigInteger::valueOf).toList(), NOW,
        NOW.plus(Duration.ofDays(30)), BigInteger.ONE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"standard", "gm"})
  void listsOfBothKindsAreReadByTheirSigner(String suiteName) throws Exception {
    CryptoSuite suite = CryptoSuites.byName(suiteName);
    Authorities org1 = authorities(suite, "org1");
    writeNodeList(suite, org1, "org1-node.pem", 7, 9);
    TransportCertificates transport = CryptoSuites.transport(suite);
    Files.writeString(directory.resolve("org1-transport.pem"), transport.revocationListToPem(
        transport.issueRevocationList(request(org1.transport(), 8), org1.transportKey().getPrivate(),
            random)));
    CertificateRevocations read = RevocationFiles.load(directory, suite,
        List.of(org1.consortium()), List.of(org1.transport()));
    assertEquals(Set.of(revoked(org1.consortium(), 7), revoked(org1.consortium(), 9)),
        read.nodeSerials());
    assertEquals(Set.of(revoked(org1.transport(), 8)), read.transportSerials());
  }

  @ParameterizedTest
  @ValueSource(strings = {"standard", "gm"})
  void aListSignedByAnotherCaIsRefusedByName(String suiteName) throws Exception {
    CryptoSuite suite = CryptoSuites.byName(suiteName);
    Authorities org1 = authorities(suite, "org1");
    Authorities impostor = authorities(suite, "org1");
    writeNodeList(suite, impostor, "org1-node.pem", 7);
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
        () -> RevocationFiles.load(directory, suite, List.of(org1.consortium()),
            List.of(org1.transport())));
    assertTrue(refused.getMessage().startsWith("keys.crlDirectory: "
        + directory.resolve("org1-node.pem") + " (issuer 'CN=org1 CA') is not signed by"),
        refused.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"standard"})
  void aChangedDirectoryIsReadAgainAndABrokenListChangesNothing(String suiteName) throws Exception {
    CryptoSuite suite = CryptoSuites.byName(suiteName);
    Authorities org1 = authorities(suite, "org1");
    writeNodeList(suite, org1, "org1-node.pem", 7);
    KeyPair nodeKey = suite.generateKeyPair(random);
    NodeCredentials credentials = new NodeCredentials(suite,
        org.xinlian.crypto.NodeSigner.inMemory(suite, nodeKey),
        suite.issueCertificate(new CertificateRequest("CN=node0", nodeKey.publicKey(),
            org1.consortiumKey(), org1.consortium(), BigInteger.TEN, NOW.minus(YEAR),
            NOW.plus(YEAR), false, List.of(), List.of())),
        List.of(org1.consortium()), CryptoSuites.transport(suite).generateKeyPair(random).getPrivate(),
        org1.transport(), List.of(org1.transport()),
        RevocationFiles.load(directory, suite, List.of(org1.consortium()), List.of(org1.transport())));
    assertEquals(Set.of(revoked(org1.consortium(), 7)), credentials.revocations().nodeSerials());

    try (RevocationFiles watcher = RevocationFiles.watch(directory,
        KeysConfig.CRL_RELOAD_INTERVAL_MS_MIN, suite, credentials)) {
      writeNodeList(suite, org1, "org1-node.pem", 7, 11);
      awaitCondition(() -> credentials.revocations().nodeSerials().size() == 2);
      assertEquals(Set.of(revoked(org1.consortium(), 7), revoked(org1.consortium(), 11)),
          credentials.revocations().nodeSerials());

      // A half-written list does not parse: the lists in force stay, and the next good one wins.
      Files.writeString(directory.resolve("org2-node.pem"), "-----BEGIN X509 CRL-----\nMIIB");
      writeNodeList(suite, org1, "org1-node.pem", 7, 11, 12);
      Files.writeString(directory.resolve("marker.txt"), "ignored: not a .pem");
      long checkedUntil = System.nanoTime() + Duration.ofMillis(
          20 * KeysConfig.CRL_RELOAD_INTERVAL_MS_MIN).toNanos();
      awaitCondition(() -> System.nanoTime() > checkedUntil);
      assertEquals(2, credentials.revocations().nodeSerials().size(), "broken directory: no change");
      Files.delete(directory.resolve("org2-node.pem"));
      awaitCondition(() -> credentials.revocations().nodeSerials().size() == 3);
    }
  }

  private static CertificateRevocations.Revoked revoked(X509Certificate issuer, long serial) {
    return new CertificateRevocations.Revoked(issuer.getSubjectX500Principal(),
        BigInteger.valueOf(serial));
  }

  private static void awaitCondition(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not reached within 20 s");
      }
      Thread.sleep(20);
    }
  }
}

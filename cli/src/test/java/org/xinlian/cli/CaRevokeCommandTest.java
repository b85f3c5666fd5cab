package org.xinlian.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;

/**
 * {@code xinlian ca revoke} (OPS-35): the organisation's CA writes a CRL naming the revoked node or
 * TLS certificate, signed so the nodes verify it; a second revocation extends the list; a
 * certificate of another organisation or a list of another CA is refused and nothing is written.
 */
class CaRevokeCommandTest {
  @TempDir
  Path directory;

  private CliRun.Result run(String... args) {
    return new CliRun(directory).withoutTerminal().run(args);
  }

  private static Set<BigInteger> serials(X509CRL crl) {
    return crl.getRevokedCertificates().stream().map(X509CRLEntry::getSerialNumber)
        .collect(Collectors.toSet());
  }

  @Test
  void nodeAndTlsCertificatesAreRevokedByTheirOrganisationsCas() throws Exception {
    assertEquals(0, run("network", "init", "--validators", "2", "--suite", "gm", "--dir", "net")
        .exitCode());
    Path net = directory.resolve("net");
    CryptoSuite gm = CryptoSuites.gm();
    CliRun.Result revoked = run("ca", "revoke", "--ca-cert", "net/ca/org2/ca.pem", "--ca-key",
        "net/ca-keys/org2/ca.key.pem", "--cert", "net/node1/node.pem", "--crl",
        "net/ca/crl/org2-node.pem");
    assertEquals(0, revoked.exitCode(), revoked.err());
    X509Certificate node1 = gm.certificateFromPem(Files.readString(net.resolve("node1/node.pem")));
    X509CRL list = gm.revocationListFromPem(Files.readString(net.resolve("ca/crl/org2-node.pem")));
    X509Certificate org2 = gm.certificateFromPem(Files.readString(net.resolve("ca/org2/ca.pem")));
    assertTrue(gm.verifyRevocationListSignature(list, gm.certificatePublicKey(org2)));
    assertEquals(Set.of(node1.getSerialNumber()), serials(list));

    assertEquals(0, run("ca", "revoke", "--ca-cert", "net/ca/org2/ca.pem", "--ca-key",
        "net/ca-keys/org2/ca.key.pem", "--serial", "0x77", "--crl", "net/ca/crl/org2-node.pem")
        .exitCode());
    X509CRL extended = gm.revocationListFromPem(Files.readString(net.resolve("ca/crl/org2-node.pem")));
    assertEquals(Set.of(node1.getSerialNumber(), BigInteger.valueOf(0x77)), serials(extended));

    assertEquals(0, run("ca", "revoke", "--ca-cert", "net/ca/org1/transport-ca.pem", "--ca-key",
        "net/ca-keys/org1/transport-ca.key.pem", "--cert", "net/node0/transport.pem", "--crl",
        "net/ca/crl/org1-transport.pem").exitCode());
    // A gm chain's transport CA is SM2 (ADR 0015): its lists verify with the suite, not the JDK.
    X509CRL transportList = CryptoSuites.transport(gm).revocationListFromPem(
        Files.readString(net.resolve("ca/crl/org1-transport.pem")));
    X509Certificate transportCa = CryptoSuites.transport(gm).certificateFromPem(
        Files.readString(net.resolve("ca/org1/transport-ca.pem")));
    assertTrue(gm.verifyRevocationListSignature(transportList, gm.certificatePublicKey(transportCa)));
    assertEquals(Set.of(CryptoSuites.transport(gm).certificateFromPem(
        Files.readString(net.resolve("node0/transport.pem"))).getSerialNumber()),
        serials(transportList));
  }

  @Test
  void anotherOrganisationsCertificateOrListIsRefused() throws Exception {
    assertEquals(0, run("network", "init", "--validators", "2", "--dir", "net").exitCode());
    CliRun.Result foreign = run("ca", "revoke", "--ca-cert", "net/ca/org1/ca.pem", "--ca-key",
        "net/ca-keys/org1/ca.key.pem", "--cert", "net/node1/node.pem", "--crl",
        "net/ca/crl/org1-node.pem");
    assertEquals(1, foreign.exitCode());
    assertTrue(foreign.err().contains("is not issued by the CA of --ca-cert"), foreign.err());
    assertFalse(Files.exists(directory.resolve("net/ca/crl/org1-node.pem")));

    assertEquals(0, run("ca", "revoke", "--ca-cert", "net/ca/org2/ca.pem", "--ca-key",
        "net/ca-keys/org2/ca.key.pem", "--serial", "5", "--crl", "net/ca/crl/list.pem").exitCode());
    CliRun.Result otherList = run("ca", "revoke", "--ca-cert", "net/ca/org1/ca.pem", "--ca-key",
        "net/ca-keys/org1/ca.key.pem", "--serial", "6", "--crl", "net/ca/crl/list.pem");
    assertEquals(1, otherList.exitCode());
    assertTrue(otherList.err().contains("is not signed by the CA of --ca-cert"), otherList.err());

    CliRun.Result wrongKey = run("ca", "revoke", "--ca-cert", "net/ca/org1/ca.pem", "--ca-key",
        "net/ca-keys/org2/ca.key.pem", "--serial", "6", "--crl", "net/ca/crl/x.pem");
    assertEquals(1, wrongKey.exitCode());
    assertTrue(wrongKey.err().contains("is not the key of"), wrongKey.err());
  }
}

package org.xinlian.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xinlian.common.Address;
import org.xinlian.crypto.ChecksumAddress;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.node.NodeConfig;

/**
 * {@code xinlian network add-node} (docs/spec/local-network.md LOCALNET-13, GOV-14): one more node
 * certified by its organisation's CAs, configured like init's nodes, admitted by every node's
 * allowedNodes, and the members' next step printed, not run.
 */
class NetworkAddNodeTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final CryptoSuite SUITE = CryptoSuites.standard();

  @TempDir Path directory;

  private CliRun.Result run(String... args) {
    return new CliRun(directory).withoutTerminal().run(args);
  }

  @Test
  void anObserverIsCertifiedConfiguredAndAdmittedByEveryNode() throws Exception {
    assertEquals(0, run("network", "init", "--validators", "3", "--orgs", "2", "--dir", "net").exitCode());
    Path net = directory.resolve("net");
    CliRun.Result added = run("network", "add-node", "--dir", "net", "--observer");
    assertEquals(0, added.exitCode(), added.err());

    Path node = net.resolve("node3");
    for (String file : List.of("node.key.pem", "transport.key.pem")) {
      assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(node.resolve(file))));
    }
    X509Certificate certificate = SUITE.certificateFromPem(Files.readString(node.resolve("node.pem")));
    // Round robin as init assigns: node3 of two organisations belongs to org2.
    X509Certificate org2 = SUITE.certificateFromPem(Files.readString(net.resolve("ca/org2/ca.pem")));
    assertTrue(SUITE.verifyCertificateSignature(certificate, SUITE.certificatePublicKey(org2)));
    assertTrue(certificate.getSubjectX500Principal().getName().contains("O=Organisation 2"),
        certificate.getSubjectX500Principal().getName());
    Address address = SUITE.address(SUITE.certificatePublicKey(certificate));

    NodeConfig config = NodeConfig.load(node.resolve("config.json"));
    assertEquals(8545 + 3, config.rpc().port());
    assertEquals(30_300 + 3, config.p2p().orElseThrow().port());
    assertEquals(List.of("127.0.0.1:30300", "127.0.0.1:30301", "127.0.0.1:30302"),
        config.p2p().orElseThrow().peers().stream().map(Object::toString).toList());
    for (int i = 0; i < 4; i++) {
      List<Address> allowed = NodeConfig.load(net.resolve("node" + i + "/config.json")).p2p().orElseThrow()
          .allowedNodes().orElseThrow();
      assertEquals(4, allowed.size(), "node" + i);
      assertTrue(allowed.contains(address), "node" + i + " admits the new node");
    }
    assertTrue(added.out().contains("Added node3 (observer, org2) " + ChecksumAddress.format(address)), added.out());
    assertTrue(added.out().contains("xinlian network up --dir " + net + " --node 3"), added.out());
    assertTrue(Files.exists(net.resolve("governors/org1.key.pem")), "a permissioned network by default (GOV-1)");
  }

  @Test
  void aValidatorToBeGetsTheGovernanceCommandOnAPermissionedChain() throws Exception {
    assertEquals(0, run("network", "init", "--validators", "2", "--governance", "--dir", "net").exitCode());
    CliRun.Result added = run("network", "add-node", "--dir", "net", "--validator", "--org", "org1");
    assertEquals(0, added.exitCode(), added.err());
    Path net = directory.resolve("net");
    X509Certificate certificate = SUITE.certificateFromPem(Files.readString(net.resolve("node2/node.pem")));
    X509Certificate org1 = SUITE.certificateFromPem(Files.readString(net.resolve("ca/org1/ca.pem")));
    assertTrue(SUITE.verifyCertificateSignature(certificate, SUITE.certificatePublicKey(org1)));
    assertTrue(added.out().contains("xinlian node add-validator --rpc"), added.out());
    assertTrue(added.out().contains("--organisation org1"), added.out());
    assertTrue(added.out().contains("xinlian gov vote"), added.out());
    // Genesis does not change: the node is a validator only once the members vote it in.
    JsonNode genesis = JSON.readTree(net.resolve("genesis.json").toFile());
    assertEquals(2, genesis.get("validators").size());
  }

  @Test
  void anOpenChainsValidatorGetsTheAdr0009Procedure() {
    assertEquals(0, run("network", "init", "--validators", "1", "--no-governance", "--dir", "net").exitCode());
    CliRun.Result added = run("network", "add-node", "--dir", "net", "--validator");
    assertEquals(0, added.exitCode(), added.err());
    assertTrue(added.out().contains("xinlian validators propose --rpc"), added.out());
    assertTrue(added.out().contains("--suite standard"), added.out());
  }

  @Test
  void missingCaKeysUnknownOrganisationsAndNoRoleAreRefused() throws Exception {
    assertEquals(0, run("network", "init", "--validators", "2", "--dir", "net").exitCode());
    Path net = directory.resolve("net");
    assertRefused(run("network", "add-node", "--dir", "net", "--observer", "--org", "org7"), 1,
        "--org: no organisation org7 in " + net.resolve("ca") + " (org1, org2)");
    Files.delete(net.resolve("ca-keys/org1/ca.key.pem"));
    assertRefused(run("network", "add-node", "--dir", "net", "--observer", "--org", "org1"), 1,
        "ca.key.pem: not found (bring the organisation's CA keys back from offline to issue a node)");
    assertRefused(run("network", "add-node", "--dir", "net"), 2, "--observer");
    assertRefused(run("network", "add-node", "--dir", "net", "--observer", "--validator"), 2, "mutually exclusive");
    assertFalse(Files.exists(net.resolve("node2")), "nothing was added");
    List<String> allowed = new ArrayList<>();
    JSON.readTree(net.resolve("node0/config.json").toFile()).at("/p2p/allowedNodes")
        .forEach(entry -> allowed.add(entry.asText()));
    assertEquals(2, allowed.size());
  }

  private static void assertRefused(CliRun.Result result, int exitCode, String part) {
    assertEquals(exitCode, result.exitCode(), result.out() + result.err());
    assertTrue(result.err().startsWith("error: ") && result.err().contains(part), result.err());
  }
}

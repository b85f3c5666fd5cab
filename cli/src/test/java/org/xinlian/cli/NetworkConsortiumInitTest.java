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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xinlian.common.Address;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.execution.genesis.GenesisConfig;
import org.xinlian.node.DevChain;

/**
 * {@code xinlian network init} for a permissioned consortium (issue 12): observers
 * (docs/spec/local-network.md LOCALNET-11, docs/spec/governance.md GOV-14), organisations each
 * with its own CAs, and the genesis {@code governance} section (GOV-1, LOCALNET-12). The section
 * is read here as JSON, field by field, against the files init wrote and the suite's own parsers.
 */
class NetworkConsortiumInitTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path directory;

  private CliRun.Result run(String... args) {
    return new CliRun(directory).withoutTerminal().run(args);
  }

  private Path init(String... options) {
    List<String> args = new ArrayList<>(List.of("network", "init", "--dir", "net"));
    args.addAll(List.of(options));
    CliRun.Result result = run(args.toArray(String[]::new));
    assertEquals(0, result.exitCode(), result.err());
    return directory.resolve("net");
  }

  /** LOCALNET-11: an observer is a node of its own, outside the validators, dialing them all and admitted by all. */
  @Test
  void observersAreCertifiedConnectedAndAdmittedButNoValidators() throws Exception {
    CliRun.Result result = run("network", "init", "--validators", "4", "--observers", "1", "--no-governance",
        "--dir", "net");
    assertEquals(0, result.exitCode(), result.err());
    Path net = directory.resolve("net");
    CryptoSuite suite = CryptoSuites.standard();
    List<Address> addresses = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      addresses.add(nodeAddress(suite, net, i));
    }
    GenesisConfig genesis = GenesisConfig.load(net.resolve("genesis.json"));
    assertEquals(addresses.subList(0, 4), genesis.validators(), "the observer is no validator");
    for (int i = 0; i < 5; i++) {
      JsonNode config = JSON.readTree(net.resolve("node" + i + "/config.json").toFile());
      List<String> peers = new ArrayList<>();
      config.at("/p2p/peers").forEach(peer -> peers.add(peer.asText()));
      List<String> expectedPeers = new ArrayList<>();
      for (int validator = 0; validator < 4; validator++) {
        if (validator != i) {
          expectedPeers.add("127.0.0.1:" + (30_300 + validator));
        }
      }
      assertEquals(expectedPeers, peers, "node" + i + " dials the other validators");
      List<String> allowed = new ArrayList<>();
      config.at("/p2p/allowedNodes").forEach(node -> allowed.add(node.asText()));
      assertEquals(addresses.stream().map(Address::toString).toList(), allowed, "node" + i + " admits every node");
      assertEquals(8545 + i, config.at("/rpc/port").asInt());
      assertEquals(30_300 + i, config.at("/p2p/port").asInt());
    }
    // The observer's certificate is its organisation's (org5), like a validator's.
    assertTrue(suite.verifyCertificateSignature(certificate(suite, net.resolve("node4/node.pem")),
        suite.certificatePublicKey(certificate(suite, net.resolve("ca/org5/ca.pem")))));
    assertTrue(result.out().contains("4 validators and 1 observer in 5 organisations"), result.out());
    assertTrue(result.out().lines().anyMatch(line -> line.startsWith("node4") && line.contains("observer")
        && line.contains("org5") && line.contains("http://127.0.0.1:8549")), result.out());
    assertFalse(Files.exists(net.resolve("governors")), "no governors without the governance section");
    assertFalse(JSON.readTree(net.resolve("genesis.json").toFile()).has("governance"));
  }

  /** GOV-1, LOCALNET-12: the section names every organisation, governor, node and development account. */
  @Test
  void governanceSectionDescribesTheConsortium() throws Exception {
    Path net = init("--validators", "4", "--observers", "1", "--governance");
    CryptoSuite suite = CryptoSuites.standard();
    JsonNode genesis = JSON.readTree(net.resolve("genesis.json").toFile());
    JsonNode governance = genesis.get("governance");
    assertEquals(Set.of("organisations", "governors", "nodes", "accounts"), fieldNames(governance));

    JsonNode organisations = governance.get("organisations");
    assertEquals(5, organisations.size(), "one organisation per node");
    for (int k = 0; k < 5; k++) {
      JsonNode organisation = organisations.get(k);
      assertEquals(Set.of("id", "name", "caCertificate", "userQuota"), fieldNames(organisation));
      assertEquals("org" + (k + 1), organisation.get("id").asText());
      assertEquals("Organisation " + (k + 1), organisation.get("name").asText());
      assertEquals(10_000, organisation.get("userQuota").asInt());
      String pem = organisation.get("caCertificate").asText();
      assertTrue(pem.length() <= 8 * 1024, "GOV-1: at most 8 KiB");
      assertEquals(Files.readString(net.resolve("ca/org" + (k + 1) + "/ca.pem")), pem);
      X509Certificate ca = suite.certificateFromPem(pem);
      suite.certificatePublicKey(ca);
      assertTrue(ca.getBasicConstraints() >= 0, "a CA certificate");
    }

    assertGovernors(suite, net, governance.get("governors"), 5);

    List<String> validators = new ArrayList<>();
    genesis.get("validators").forEach(validator -> validators.add(validator.asText()));
    JsonNode nodes = governance.get("nodes");
    assertEquals(5, nodes.size());
    List<String> listedValidators = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      JsonNode node = nodes.get(i);
      assertEquals(Set.of("address", "organisation", "role"), fieldNames(node));
      assertEquals(nodeAddress(suite, net, i).toString(), node.get("address").asText());
      assertEquals("org" + (i + 1), node.get("organisation").asText());
      assertEquals(i < 4 ? "validator" : "observer", node.get("role").asText());
      if (node.get("role").asText().equals("validator")) {
        listedValidators.add(node.get("address").asText());
      }
      assertNodeCertifiedBy(suite, net, i, "org" + (i + 1));
    }
    assertEquals(validators, listedValidators, "GOV-1: exactly the genesis validators have the validator role");

    JsonNode accounts = governance.get("accounts");
    Set<String> funded = fieldNames(genesis.get("alloc"));
    assertEquals(DevChain.ACCOUNTS.size(), accounts.size());
    for (JsonNode account : accounts) {
      assertEquals(Set.of("address", "organisation", "roles"), fieldNames(account));
      assertTrue(funded.contains(account.get("address").asText()), "a funded development account");
      assertEquals("org1", account.get("organisation").asText());
      assertEquals(List.of("operator", "user", "orgAdmin"), texts(account.get("roles")));
    }
    assertEquals(DevChain.ACCOUNTS.stream().map(dev -> dev.address().toString()).toList(),
        accounts.findValuesAsText("address"));
  }

  /** GOV-1, LOCALNET-12 on gm: SM2 CAs in the section, SM2 governors, SM2 addresses of the dev keys. */
  @Test
  void gmGovernanceSectionCarriesSm2Certificates() throws Exception {
    Path net = init("--validators", "2", "--suite", "gm", "--governance");
    CryptoSuite gm = CryptoSuites.gm();
    JsonNode governance = JSON.readTree(net.resolve("genesis.json").toFile()).get("governance");
    for (JsonNode organisation : governance.get("organisations")) {
      gm.certificatePublicKey(gm.certificateFromPem(organisation.get("caCertificate").asText()));
    }
    assertGovernors(gm, net, governance.get("governors"), 2);
    Address firstDev = gm.address(gm.keyPairFromPrivateKey(DevChain.privateKey(0)).publicKey());
    assertEquals(firstDev.toString(), governance.get("accounts").get(0).get("address").asText());
    assertNodeCertifiedBy(gm, net, 1, "org2");
  }

  /** GOV-1, LOCALNET-12: --orgs groups the nodes round robin; each organisation's CA issues its nodes. */
  @Test
  void orgsGroupTheNodesRoundRobin() throws Exception {
    Path net = init("--validators", "4", "--observers", "1", "--orgs", "2", "--governance");
    CryptoSuite suite = CryptoSuites.standard();
    JsonNode governance = JSON.readTree(net.resolve("genesis.json").toFile()).get("governance");
    assertEquals(List.of("org1", "org2"), governance.get("organisations").findValuesAsText("id"));
    assertEquals(List.of("org1", "org2", "org1", "org2", "org1"),
        governance.get("nodes").findValuesAsText("organisation"));
    for (int i = 0; i < 5; i++) {
      assertNodeCertifiedBy(suite, net, i, "org" + (i % 2 + 1));
    }
    assertGovernors(suite, net, governance.get("governors"), 2);
    assertEquals(2, NetworkInitTest.pemBlocks(Files.readString(net.resolve("ca/consortium-ca.pem"))).size());
    assertFalse(Files.exists(net.resolve("ca/org3")));
  }

  /** GOV-1, LOCALNET-12: without development accounts there is nothing to fund and no account entry. */
  @Test
  void noDevAccountsLeavesAllocAndAccountsOut() throws Exception {
    Path net = init("--validators", "1", "--governance", "--no-dev-accounts");
    JsonNode genesis = JSON.readTree(net.resolve("genesis.json").toFile());
    assertEquals(0, genesis.get("alloc").size());
    assertEquals(Set.of("organisations", "governors", "nodes"), fieldNames(genesis.get("governance")));
  }

  /** The switch: --no-governance writes a development chain's genesis, which the node's reader takes. */
  @Test
  void withoutTheSectionTheGenesisIsAnOpenChains() throws Exception {
    Path net = init("--validators", "2", "--no-governance");
    assertFalse(JSON.readTree(net.resolve("genesis.json").toFile()).has("governance"));
    assertEquals(2, GenesisConfig.load(net.resolve("genesis.json")).validators().size());
  }

  /** LOCALNET-2 for the new options: one error line, nothing created. */
  @Test
  void badObserverAndOrganisationCountsAreRefused() {
    assertRefused(run("network", "init", "--validators", "4", "--observers", "29", "--dir", "x"),
        "--observers: must be 0 to 28 beside 4 validators (at most 32 nodes), got 29");
    assertRefused(run("network", "init", "--validators", "4", "--observers", "-1", "--dir", "x"),
        "--observers: must be 0 to 28");
    assertRefused(run("network", "init", "--validators", "4", "--orgs", "0", "--dir", "x"),
        "--orgs: must be 1 to 4 (every organisation runs a node), got 0");
    assertRefused(run("network", "init", "--validators", "2", "--observers", "1", "--orgs", "4", "--dir", "x"),
        "--orgs: must be 1 to 3");
    assertRefused(run("network", "init", "--validators", "4", "--observers", "2", "--rpc-base-port", "9000",
        "--p2p-base-port", "9005", "--dir", "x"), "the ports 9000..9005 and 9005..9010 overlap");
    assertFalse(Files.exists(directory.resolve("x")));
  }

  private static void assertRefused(CliRun.Result result, String message) {
    assertEquals(1, result.exitCode(), result.out() + result.err());
    assertEquals(1, result.errLines().size(), result.err());
    assertTrue(result.err().startsWith("error: ") && result.err().contains(message), result.err());
  }

  /** One governor per organisation, weight 1, whose key file (0600) holds the key of its address. */
  private static void assertGovernors(CryptoSuite suite, Path net, JsonNode governors, int organisations)
      throws Exception {
    assertEquals(organisations, governors.size());
    Set<String> addresses = new HashSet<>();
    for (int k = 0; k < organisations; k++) {
      JsonNode governor = governors.get(k);
      assertEquals(Set.of("address", "organisation", "weight"), fieldNames(governor));
      assertEquals("org" + (k + 1), governor.get("organisation").asText());
      assertEquals(1, governor.get("weight").asInt());
      Path key = net.resolve("governors/org" + (k + 1) + ".key.pem");
      assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
      Address fromKey = suite.address(suite.keyPairFromPrivateKey(
          suite.privateKeyFromPem(Files.readString(key)).bytes()).publicKey());
      assertEquals(fromKey.toString(), governor.get("address").asText());
      addresses.add(fromKey.toString());
    }
    assertEquals(organisations, addresses.size(), "a fresh key per organisation");
  }

  /** Node {@code index}'s node certificate is signed by {@code organisation}'s CA and no other's. */
  private static void assertNodeCertifiedBy(CryptoSuite suite, Path net, int index, String organisation)
      throws Exception {
    X509Certificate node = certificate(suite, net.resolve("node" + index + "/node.pem"));
    try (var list = Files.list(net.resolve("ca"))) {
      // ca/crl/ holds revocation lists (docs/ops/keys.md), not an organisation.
      for (Path directory : list.filter(Files::isDirectory)
          .filter(path -> path.getFileName().toString().startsWith("org")).toList()) {
        X509Certificate ca = certificate(suite, directory.resolve("ca.pem"));
        boolean signed = suite.verifyCertificateSignature(node, suite.certificatePublicKey(ca));
        assertEquals(directory.getFileName().toString().equals(organisation), signed,
            "node" + index + " certified by " + directory.getFileName());
      }
    }
  }

  private static Address nodeAddress(CryptoSuite suite, Path net, int index) throws Exception {
    return suite.address(suite.certificatePublicKey(certificate(suite, net.resolve("node" + index + "/node.pem"))));
  }

  private static X509Certificate certificate(CryptoSuite suite, Path file) throws Exception {
    return suite.certificateFromPem(Files.readString(file));
  }

  private static Set<String> fieldNames(JsonNode object) {
    Set<String> names = new HashSet<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static List<String> texts(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(value -> values.add(value.asText()));
    return values;
  }
}

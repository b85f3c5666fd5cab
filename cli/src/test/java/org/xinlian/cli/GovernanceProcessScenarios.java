package org.xinlian.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xinlian.cli.GovernedNetworkClient.abi;

import com.esaulpaugh.headlong.abi.Tuple;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.xinlian.common.Address;
import org.xinlian.crypto.CertificateRequest;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.KeyPair;
import org.xinlian.evm.interpreter.ContractAddresses;
import org.xinlian.execution.governance.Choice;
import org.xinlian.execution.governance.Governance;
import org.xinlian.execution.governance.ProposalKind;
import org.xinlian.execution.governance.ProposalStatus;
import org.xinlian.execution.governance.Role;

/**
 * Issue 12's "done when", as processes (docs/spec/governance.md): a {@code network start} network of
 * four validators in four organisations and one observer, governed only through JSON-RPC
 * transactions signed by the governor keys {@code network init} wrote. One network per class, the
 * steps in order; {@link GovernanceProcessTest} runs it on the standard suite and
 * {@link GmGovernanceProcessTest} on gm (GOV-19).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class GovernanceProcessScenarios {
  private static final int VALIDATORS = 4;
  private static final int NODES = VALIDATORS + 1;
  /** A counter: every call adds one to slot 0 (init code, then 9 bytes of runtime). */
  static final byte[] COUNTER = HexFormat.of().parseHex("600980600b6000396000f3" + "600160005401600055");
  /** A counter that adds two per call: the upgrade of {@link #COUNTER}. */
  static final byte[] COUNTER_BY_TWO = HexFormat.of().parseHex("600980600b6000396000f3" + "600260005401600055");
  /** A factory: CREATE of a child returning 42, its address at slot 0, a revert when it failed. */
  static final byte[] FACTORY = HexFormat.of().parseHex("602c80600b6000396000f3" + "72"
      + "69602a60005260206000f3600052600a6016f3" + "600052" + "6013600d6000f0" + "8060005560" + "2a" + "57"
      + "60006000fd" + "5b00");

  private Path directory;
  private Path net;
  private int[] ports;
  private NetworkChain chain;
  private GovernedNetworkClient client;
  private CryptoSuite suite;

  abstract CryptoSuite suite();

  @BeforeAll
  void startNetwork(@TempDir Path directory) {
    this.directory = directory;
    suite = suite();
    ports = NetworkProcesses.freePortBases(NODES);
    net = directory.resolve("net");
    chain = new NetworkChain(node -> "127.0.0.1", node -> ports[0] + node);
    List<String> start = new ArrayList<>(List.of("network", "start", "--dir", net.toString(),
        "--validators", String.valueOf(VALIDATORS), "--observers", "1", "--suite", suite.name(),
        "--rpc-base-port", String.valueOf(ports[0]), "--p2p-base-port", String.valueOf(ports[1]),
        "--timeout", "120"));
    start.addAll(NetworkProcesses.NODE_JVM_OPTIONS);
    CliRun.Result started = new CliRun(directory).withoutTerminal().withSystemClock()
        .run(start.toArray(String[]::new));
    assertEquals(0, started.exitCode(), started.out() + started.err() + logs());
    chain.awaitHeight(2, 0, 1, 2, 3, VALIDATORS);
    client = new GovernedNetworkClient(suite, net, ports[0]);
  }

  @AfterAll
  void stopNetwork() {
    if (net != null) {
      NetworkProcesses.killAll(net, NODES);
    }
  }

  /** The directory {@code network start} made the network in. */
  Path networkDirectory() {
    return net;
  }

  int validators() {
    return VALIDATORS;
  }

  /** Node {@code node}'s P2P port. */
  int p2pPort(int node) {
    return ports[1] + node;
  }

  private String logs() {
    StringBuilder logs = new StringBuilder();
    for (int i = 0; i < NODES; i++) {
      logs.append("\n--- node").append(i).append(" ---\n").append(NetworkProcesses.log(net, i));
    }
    return logs.toString();
  }

  private KeyPair freshKey() {
    return suite.generateKeyPair(new SecureRandom());
  }

  private void fund(Address account) {
    JsonNode receipt = client.transact(client.devAccount(0), Optional.of(account), BigInteger.TEN.pow(18), new byte[0]);
    assertEquals("0x1", receipt.path("status").asText(), "receiving needs no admission: " + receipt);
  }

  private String caPem(String id) {
    KeyPair ca = freshKey();
    return suite.certificateToPem(suite.issueCertificate(new CertificateRequest("CN=" + id + " CA,O=" + id,
        ca.publicKey(), ca, null, BigInteger.ONE, java.time.Instant.parse("2025-01-01T00:00:00Z"),
        java.time.Instant.parse("2035-01-01T00:00:00Z"), true, List.of(), List.of())));
  }

  private Address deploy(KeyPair key, byte[] init) {
    Address creator = client.address(key);
    long nonce = GovernedNetworkClient.quantity(client.result("eth_getTransactionCount", creator.toString(),
        "pending")).longValueExact();
    JsonNode receipt = client.transact(key, Optional.empty(), BigInteger.ZERO, init);
    assertEquals("0x1", receipt.path("status").asText(), "deploy: " + receipt);
    return ContractAddresses.create(creator, nonce);
  }

  private BigInteger slot0(Address contract) {
    return GovernedNetworkClient.quantity(client.result("eth_getStorageAt", contract.toString(), "0x0", "latest"));
  }

  /** GOV-8: an account that holds no role is refused by the pool, naming it. */
  @Test
  @Order(1)
  void unadmittedAccountIsRefusedByThePool() {
    KeyPair stranger = freshKey();
    Address address = client.address(stranger);
    fund(address);
    JsonNode refused = client.sendRaw(stranger, Optional.of(client.address(client.devAccount(1))), BigInteger.ONE,
        new byte[0]);
    assertTrue(refused.has("error"), "an unadmitted sender got in: " + refused);
    assertTrue(refused.get("error").path("message").asText().contains("sender " + address + " is not admitted"),
        refused.toString());
  }

  /** GOV-3, GOV-5, GOV-7, GOV-8: the members admit a new organisation by vote, and then its user. */
  @Test
  @Order(2)
  void newOrganisationIsAdmittedAndItsUserTransacts() {
    long organisation = client.pass(ProposalKind.ADD_ORGANISATION, "org9", "Organisation Nine",
        caPem("org9").getBytes(java.nio.charset.StandardCharsets.US_ASCII), 100L);
    assertEquals(ProposalStatus.EXECUTED, client.status(organisation));
    KeyPair user = freshKey();
    Address address = client.address(user);
    fund(address);
    client.pass(ProposalKind.GRANT_ROLE, abi(address), Role.USER.code(), "org9");
    JsonNode receipt = client.transact(user, Optional.of(client.address(client.devAccount(1))), BigInteger.ONE,
        new byte[0]);
    assertEquals("0x1", receipt.path("status").asText(), receipt.toString());
  }

  /** GOV-12: a frozen contract's calls revert and its reads work; unfrozen, it runs again. */
  @Test
  @Order(3)
  void frozenContractRevertsReadsWorkThenUnfreezes() {
    KeyPair operator = client.devAccount(2);
    Address counter = deploy(operator, COUNTER);
    client.succeed(operator, counter, new byte[0]);
    assertEquals(BigInteger.ONE, slot0(counter));
    client.pass(ProposalKind.FREEZE_CONTRACT, abi(counter), "incident 2026-12");
    JsonNode frozen = client.transact(operator, Optional.of(counter), BigInteger.ZERO, new byte[0]);
    assertEquals("0x0", frozen.path("status").asText(), "a frozen contract's call reverts: " + frozen);
    assertEquals(BigInteger.ONE, slot0(counter));
    assertEquals("", client.callReason(operator, counter, new byte[0]), "eth_call still runs it");
    client.pass(ProposalKind.UNFREEZE_CONTRACT, abi(counter), "resolved");
    client.succeed(operator, counter, new byte[0]);
    assertEquals(BigInteger.TWO, slot0(counter));
  }

  /** GOV-9: a factory contract granted the operator role deploys for a caller who may not. */
  @Test
  @Order(4)
  void factoryWithTheOperatorRoleDeploys() {
    Address factory = deploy(client.devAccount(2), FACTORY);
    KeyPair user = freshKey();
    Address address = client.address(user);
    fund(address);
    client.pass(ProposalKind.GRANT_ROLE, abi(address), Role.USER.code(), "org1");
    JsonNode refusedDeploy = client.sendRaw(user, Optional.empty(), BigInteger.ZERO, COUNTER);
    assertTrue(refusedDeploy.path("error").path("message").asText().contains("may not deploy contracts"),
        refusedDeploy.toString());
    JsonNode before = client.transact(user, Optional.of(factory), BigInteger.ZERO, new byte[0]);
    assertEquals("0x0", before.path("status").asText(), "the factory is no operator yet");
    client.pass(ProposalKind.GRANT_ROLE, abi(factory), Role.OPERATOR.code(), "org1");
    client.succeed(user, factory, new byte[0]);
    Address child = ContractAddresses.create(factory, 1);
    assertEquals(child.toString(), "0x" + slot0(factory).toString(16).replaceFirst("^", "0".repeat(
        Math.max(0, 40 - slot0(factory).toString(16).length()))));
    assertFalse(client.result("eth_getCode", child.toString(), "latest").asText().equals("0x"));
  }

  /**
   * GOV-15: the block gas limit changes by vote at the height the proposal names, on every node at
   * once, and every node reports it as the next block's parameter.
   */
  @Test
  @Order(5)
  void blockGasLimitChangesByVoteAtTheNamedHeight() {
    long before = GovernedNetworkClient.quantity(client.result("eth_getBlockByNumber", "latest", false)
        .get("gasLimit")).longValueExact();
    long raised = before + 10_000_000;
    long activation = chain.maxHeight(0, 1, 2, 3) + 40;
    client.pass(ProposalKind.SET_PARAMETER, "blockGasLimit", BigInteger.valueOf(raised), BigInteger.valueOf(activation));
    chain.awaitHeight(activation, 0, 1, 2, 3, VALIDATORS);
    for (int node = 0; node < NODES; node++) {
      for (long height : new long[] {activation - 1, activation}) {
        JsonNode block = NetworkProcesses.call(ports[0] + node, "eth_getBlockByNumber", "0x" + Long.toHexString(height),
            false).orElseThrow().get("result");
        long gasLimit = GovernedNetworkClient.quantity(block.get("gasLimit")).longValueExact();
        assertEquals(height < activation ? before : raised, gasLimit, "node" + node + " block " + height);
      }
    }
  }

  /**
   * GOV-13: a contract behind the governed ERC-1967 proxy ({@code xinlian contract deploy-proxy}'s
   * code) is upgraded by vote and keeps its storage.
   */
  @Test
  @Order(6)
  void contractUpgradedThroughTheProxyByVoteKeepsItsStorage() {
    KeyPair operator = client.devAccount(3);
    Address version1 = deploy(operator, COUNTER);
    Address version2 = deploy(operator, COUNTER_BY_TWO);
    Address proxy = deploy(operator, GovernedProxyArtifact.initCode(version1, new byte[0]));
    client.succeed(operator, proxy, new byte[0]);
    client.succeed(operator, proxy, new byte[0]);
    assertEquals(BigInteger.TWO, slot0(proxy), "version 1 adds one per call, in the proxy's storage");
    assertEquals(BigInteger.ZERO, slot0(version1));
    client.pass(ProposalKind.UPGRADE_CONTRACT, abi(proxy), abi(version2));
    client.succeed(operator, proxy, new byte[0]);
    assertEquals(BigInteger.valueOf(4), slot0(proxy), "version 2 adds two to the count version 1 left");
  }

  /** GOV-4: a governor's weight change alters the tally of an open proposal. */
  @Test
  @Order(7)
  void governorWeightChangeAltersATally() {
    KeyPair someone = freshKey();
    long open = client.propose(2, ProposalKind.GRANT_ROLE, 0, abi(client.address(someone)), Role.USER.code(), "org2");
    client.vote(2, open, Choice.FOR);
    Tuple before = client.proposal(open);
    assertEquals(BigInteger.ONE, before.get(8));
    assertEquals(BigInteger.valueOf(NODES), before.get(11), "one governor of weight 1 per organisation");
    client.pass(ProposalKind.SET_GOVERNOR_WEIGHT, abi(client.address(client.governor(2))), BigInteger.valueOf(5));
    Tuple after = client.proposal(open);
    assertEquals(BigInteger.valueOf(5), after.get(8), "org2's vote now weighs 5");
    assertEquals(BigInteger.valueOf(NODES + 4), after.get(11));
    assertEquals(ProposalStatus.OPEN, client.status(open), "tallies are decided when a vote comes");
    client.vote(3, open, Choice.AGAINST);
    assertEquals(ProposalStatus.EXECUTED, client.status(open), "5 of 9 is more than half");
  }

  /** GOV-14: the observer follows the governed chain without a seal of its own on any block. */
  @Test
  @Order(8)
  void observerFollowsTheGovernedChain() {
    long head = chain.maxHeight(0, 1, 2, 3);
    chain.awaitHeight(head, VALIDATORS);
    chain.assertSameChain(0, 1, 2, 3, VALIDATORS);
    assertTrue(Files.exists(net.resolve("node" + VALIDATORS)));
  }
}

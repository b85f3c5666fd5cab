package org.xinlian.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.xinlian.common.Address;
import org.xinlian.common.Hash;
import org.xinlian.consensus.CertificateVerdict;
import org.xinlian.consensus.CommitCertificate;
import org.xinlian.consensus.ConsensusSignatures;
import org.xinlian.consensus.ValidatorSet;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.ledger.LedgerNamespaces;
import org.xinlian.ledger.chain.BlockStore;
import org.xinlian.storage.KeyValueStore;
import org.xinlian.storage.KeyValueStores;
import org.xinlian.storage.StoreOptions;
import org.xinlian.storage.WriteDurability;
import org.xinlian.types.block.BlockHeader;

/**
 * An observer as a process (docs/spec/local-network.md LOCALNET-11, docs/spec/node.md NODE-22,
 * docs/spec/governance.md GOV-14): {@code network start --validators 4 --observers 1} makes and
 * starts five nodes in five organisations (each certified by its own organisation's CAs, every node
 * trusting all of them). The observer's head follows the validators', it serves JSON-RPC and takes
 * transactions for them, {@code network status} names its role, and every block it stored carries
 * a certificate that verifies against the four validators and holds no seal of the observer.
 * One network for the class; the tests run in order because the last one stops the observer.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ObserverProcessTest {
  private static final int VALIDATORS = 4;
  private static final int OBSERVER = VALIDATORS;
  private static final int NODES = VALIDATORS + 1;
  /** How far the observer may trail the validators' head: a block in flight and the one being gossiped. */
  private static final long FOLLOW_LAG_BLOCKS_MAX = 3;
  private static final Duration FOLLOW_MAX = Duration.ofSeconds(30);
  private static final CryptoSuite SUITE = CryptoSuites.standard();

  @TempDir static Path directory;
  private static Path net;
  private static int[] ports;
  private static NetworkChain chain;

  @BeforeAll
  static void startNetwork() {
    ports = NetworkProcesses.freePortBases(NODES);
    net = directory.resolve("net");
    chain = new NetworkChain(node -> "127.0.0.1", node -> ports[0] + node);
    List<String> start = new ArrayList<>(List.of("network", "start", "--dir", net.toString(),
        "--validators", String.valueOf(VALIDATORS), "--observers", "1",
        "--rpc-base-port", String.valueOf(ports[0]), "--p2p-base-port", String.valueOf(ports[1]),
        "--timeout", "120"));
    start.addAll(NetworkProcesses.NODE_JVM_OPTIONS);
    CliRun.Result started = cli(start);
    assertEquals(0, started.exitCode(), started.out() + started.err() + logs());
    assertTrue(started.out().contains("node" + OBSERVER + " started"), "network start starts the observer too: "
        + started.out());
  }

  @AfterAll
  static void stopNetwork() {
    if (net != null) {
      NetworkProcesses.killAll(net, NODES);
    }
  }

  private static CliRun.Result cli(List<String> args) {
    return new CliRun(directory).withoutTerminal().withSystemClock().run(args.toArray(String[]::new));
  }

  private static String logs() {
    StringBuilder logs = new StringBuilder();
    for (int i = 0; i < NODES; i++) {
      logs.append("\n--- node").append(i).append(" ---\n").append(NetworkProcesses.log(net, i));
    }
    return logs.toString();
  }

  /** LOCALNET-11, NODE-22: the observer's head stays within a few blocks of the validators'. */
  @Test
  @Order(1)
  void observerFollowsTheValidatorsHead() {
    chain.awaitHeight(4, 0, 1, 2, 3);
    for (int round = 0; round < 2; round++) {
      long validatorsHead = chain.maxHeight(0, 1, 2, 3);
      NetworkProcesses.await(FOLLOW_MAX,
          () -> chain.height(OBSERVER).orElse(-1) >= validatorsHead - FOLLOW_LAG_BLOCKS_MAX,
          "the observer (at " + chain.height(OBSERVER) + ") within " + FOLLOW_LAG_BLOCKS_MAX
              + " blocks of the validators' head " + validatorsHead + logs());
      chain.awaitHeight(validatorsHead + 1, 0);
    }
    long common = chain.assertSameChain(0, 1, 2, 3, OBSERVER);
    assertTrue(common >= 4, "common height " + common);
  }

  /**
   * NODE-22: the observer answers eth_blockNumber and eth_getBlockByNumber, and a transaction sent
   * to it is gossiped to the validators and committed on every node in the same block.
   */
  @Test
  @Order(2)
  void observerServesJsonRpcAndForwardsTransactions() {
    long head = chain.heightOf(OBSERVER);
    JsonNode block = NetworkProcesses.call(ports[0] + OBSERVER, "eth_getBlockByNumber",
        "0x" + Long.toHexString(head), false).orElseThrow().get("result");
    assertEquals(head, NetworkProcesses.quantity(block.get("number")).longValueExact());
    assertEquals(chain.blockHash(0, head), block.get("hash").asText());
    Hash transfer = chain.sendTransfer(OBSERVER);
    chain.awaitReceipt(transfer, 0, 1, 2, 3, OBSERVER);
  }

  /** LOCALNET-6, NODE-8: status names each node's role, the observer's by its own gauge; its log says so. */
  @Test
  @Order(3)
  void statusShowsTheRoles() throws Exception {
    CliRun.Result status = cli(List.of("network", "status", "--dir", net.toString()));
    assertEquals(0, status.exitCode(), status.err());
    List<String> lines = status.out().lines().filter(line -> line.startsWith("node")).toList();
    assertEquals(NODES, lines.size(), status.out());
    for (int i = 0; i < NODES; i++) {
      assertTrue(lines.get(i).startsWith("node" + i + "  running"), lines.get(i));
      assertTrue(lines.get(i).endsWith(i == OBSERVER ? "  observer" : "  validator"), lines.get(i));
    }
    String observerLog = Files.readString(net.resolve("node" + OBSERVER + "/logs/node.log"));
    assertTrue(observerLog.contains("is an observer of 4 validators"), NetworkProcesses.log(net, OBSERVER));
  }

  /**
   * GOV-14, NODE-22: every block the observer stored (stopped, so its ledger can be opened) has a
   * certificate that verifies against the four genesis validators and carries no seal by the
   * observer's address; restarted, the observer catches up again.
   */
  @Test
  @Order(4)
  void observersBlocksAreCertifiedByTheValidatorsAlone() throws Exception {
    long target = chain.maxHeight(0, 1, 2, 3);
    NetworkProcesses.await(FOLLOW_MAX, () -> chain.height(OBSERVER).orElse(-1) >= target,
        "the observer at height " + target);
    CliRun.Result down = cli(List.of("network", "down", "--dir", net.toString(), "--node", String.valueOf(OBSERVER)));
    assertEquals(0, down.exitCode(), down.err());

    Address observer = SUITE.address(SUITE.certificatePublicKey(
        SUITE.certificateFromPem(Files.readString(net.resolve("node" + OBSERVER + "/node.pem")))));
    List<Address> validatorAddresses = new ArrayList<>();
    for (int i = 0; i < VALIDATORS; i++) {
      validatorAddresses.add(SUITE.address(SUITE.certificatePublicKey(
          SUITE.certificateFromPem(Files.readString(net.resolve("node" + i + "/node.pem"))))));
    }
    assertFalse(validatorAddresses.contains(observer));
    ValidatorSet validators = ValidatorSet.equalPower(validatorAddresses);
    Set<Address> sealers = new HashSet<>();
    long stored;
    try (KeyValueStore store = KeyValueStores.openRocksDb(new StoreOptions(net.resolve("node" + OBSERVER + "/data"),
        LedgerNamespaces.ALL, WriteDurability.SURVIVE_PROCESS_CRASH, 16L * 1024 * 1024))) {
      BlockStore blocks = BlockStore.open(store, SUITE);
      stored = blocks.head().orElseThrow().number();
      assertTrue(stored >= target, "the observer stored " + stored + " blocks, expected " + target);
      for (long height = 1; height <= stored; height++) {
        BlockHeader header = blocks.header(height).orElseThrow();
        CommitCertificate certificate = CommitCertificate.decode(header.commitCertificate(), SUITE);
        CertificateVerdict verdict = certificate.verifyFor(header, validators, SUITE);
        assertTrue(verdict.isValid(), "block " + height + ": " + verdict.detail());
        byte[] digest = ConsensusSignatures.commitDigest(SUITE, height, certificate.round(), certificate.blockHash());
        for (var seal : certificate.seals()) {
          Address sealer = ConsensusSignatures.signer(SUITE, digest, seal).orElseThrow();
          assertFalse(sealer.equals(observer), "block " + height + " carries the observer's seal");
          sealers.add(sealer);
        }
      }
    }
    assertTrue(validatorAddresses.containsAll(sealers) && sealers.size() >= 3,
        "the validators sealed the blocks: " + sealers);

    CliRun.Result up = cli(upArguments());
    assertEquals(0, up.exitCode(), up.out() + up.err() + logs());
    long resumeTarget = chain.maxHeight(0, 1, 2, 3);
    NetworkProcesses.await(FOLLOW_MAX, () -> chain.height(OBSERVER).orElse(-1) >= resumeTarget,
        "the restarted observer to catch up to " + resumeTarget + logs());
  }

  private static List<String> upArguments() {
    List<String> up = new ArrayList<>(List.of("network", "up", "--dir", net.toString(), "--timeout", "120",
        "--node", String.valueOf(OBSERVER)));
    up.addAll(NetworkProcesses.NODE_JVM_OPTIONS);
    return up;
  }
}

package org.xinlian.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xinlian.common.Address;
import org.xinlian.common.Clock;
import org.xinlian.common.Hash;
import org.xinlian.execution.pool.AdmissionResult;
import org.xinlian.types.block.Block;
import org.xinlian.types.block.Receipt;

class NodeTest {
  @TempDir Path directory;

  private static BigInteger balance(Node node, Address address) {
    return node.states().account(node.head().stateRoot(), address)
        .map(account -> account.balance().toBigInteger()).orElse(BigInteger.ZERO);
  }

  /**
   * NODE-2, NODE-3, NODE-4: a transfer submitted to the pool is mined by the producer into block 1,
   * seen over JSON-RPC, and the head, block and balances survive a restart on the same directory.
   */
  @Test
  void transferIsMinedAndSurvivesRestart() throws Exception {
    NodeConfig config = DevChain.prepare(directory, 0, 0, Clock.system());
    Address alice = DevChain.ACCOUNTS.get(0).address();
    Address bob = DevChain.ACCOUNTS.get(1).address();
    Hash headHash;
    BigInteger aliceAfter;
    // Paid by the sender: the value plus 21000 gas at 1 gwei (the whole price is priority fee,
    // since the dev base fee is zero), Ethereum's fee rule (EIP-1559).
    BigInteger expectedAlice = DevChain.ACCOUNT_BALANCE_WEI.subtract(NodeFixture.ONE_ETHER)
        .subtract(NodeFixture.ONE_GWEI.multiply(BigInteger.valueOf(21_000)));
    try (Node node = Node.start(config, Clock.system())) {
      int port = node.rpcAddress().getPort();
      assertEquals(0, NodeFixture.blockNumber(port));
      AdmissionResult admitted = node.pool().add(NodeFixture.transfer(0, 0, bob, NodeFixture.ONE_ETHER));
      assertTrue(admitted.accepted(), admitted.message());
      assertEquals(1, NodeFixture.awaitBlockNumber(port, number -> number >= 1));
      Block block = node.blocks().block(1).orElseThrow();
      assertEquals(1, block.transactions().size());
      assertTrue(node.blocks().transactionLocation(admitted.hash().orElseThrow()).isPresent());
      List<Receipt> receipts = node.blocks().receipts(1).orElseThrow();
      assertTrue(receipts.get(0).success());
      assertEquals(DevChain.ACCOUNT_BALANCE_WEI.add(NodeFixture.ONE_ETHER), balance(node, bob));
      assertEquals(expectedAlice, balance(node, alice));
      assertEquals(0, node.pool().status().pending());
      assertEquals(Address.ZERO, block.header().proposer());
      headHash = node.blocks().headHash().orElseThrow();
      aliceAfter = balance(node, alice);
      assertTrue(node.producerFailure().isEmpty());
    }
    try (Node node = Node.start(config, Clock.system())) {
      assertEquals(1, NodeFixture.blockNumber(node.rpcAddress().getPort()));
      assertEquals(headHash, node.blocks().headHash().orElseThrow());
      assertEquals(aliceAfter, balance(node, alice));
      assertEquals(DevChain.ACCOUNT_BALANCE_WEI.add(NodeFixture.ONE_ETHER), balance(node, bob));
      // The restarted pool reads the committed nonce: the next transfer uses nonce 1.
      AdmissionResult again = node.pool().add(NodeFixture.transfer(0, 1, bob, NodeFixture.ONE_ETHER));
      assertTrue(again.accepted(), again.message());
      assertEquals(2, NodeFixture.awaitBlockNumber(node.rpcAddress().getPort(), number -> number >= 2));
    }
  }

  /** NODE-6: GET /metrics reports the chain height, the pool gauges and the block timer. */
  @Test
  void metricsReportHeightPoolAndBlockTime() throws Exception {
    NodeConfig config = DevChain.prepare(directory, 0, 0, Clock.system());
    try (Node node = Node.start(config, Clock.system())) {
      int port = node.rpcAddress().getPort();
      assertTrue(node.pool().add(NodeFixture.transfer(2, 0, Address.ZERO, BigInteger.ONE)).accepted());
      NodeFixture.awaitBlockNumber(port, number -> number >= 1);
      String metrics = NodeFixture.get(port, "/metrics");
      Matcher height = Pattern.compile("(?m)^xinlian_chain_height(\\{[^}]*\\})? ([0-9.E]+)$").matcher(metrics);
      assertTrue(height.find(), metrics);
      assertEquals(1.0, Double.parseDouble(height.group(2)));
      assertTrue(metrics.contains("xinlian_pool_pending"), metrics);
      assertTrue(metrics.contains("xinlian_pool_queued"), metrics);
      // NODE-19: the JVM's and the process's own meters.
      for (String meter : List.of("jvm_memory_used_bytes", "jvm_threads_live_threads", "process_cpu_usage",
          "process_files_open_files", "process_uptime_seconds", "jvm_classes_loaded_classes",
          "xinlian_node_failed")) {
        assertTrue(metrics.contains(meter), meter + " missing from\n" + metrics);
      }
      assertTrue(Pattern.compile("(?m)^xinlian_block_execution_seconds_count(\\{[^}]*\\})? 1(\\.0)?$")
          .matcher(metrics).find(), metrics);
    }
  }

  /** NODE-2: a data directory holding one chain refuses another genesis, naming both. */
  @Test
  void anotherGenesisIsRefused() throws Exception {
    NodeConfig config = DevChain.prepare(directory, 0, 0, Clock.system());
    Node.start(config, Clock.system()).close();
    Path otherGenesis = directory.resolve("other.json");
    Files.writeString(otherGenesis, DevChain.genesisJson(12345));
    NodeConfig other = new NodeConfig(config.dataDirectory(), otherGenesis, config.coinbase(), config.rpc(),
        config.pool(), config.minimumPriorityFeePerGas(), config.stateRetention(), config.blockProduction());
    NodeStartException refused = assertThrows(NodeStartException.class, () -> Node.start(other, Clock.system()));
    assertTrue(refused.getMessage().contains("holds another chain"), refused.getMessage());
    // The refusal closed the store: the original chain starts again.
    Node.start(config, Clock.system()).close();
  }
}

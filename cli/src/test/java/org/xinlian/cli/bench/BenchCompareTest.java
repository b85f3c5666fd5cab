package org.xinlian.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xinlian.common.Clock;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.node.DevChain;
import org.xinlian.node.Node;

/**
 * The comparison mode against two real dev nodes with different fees: after the same warm-up,
 * both receive exactly the same signed transactions (the same hashes land on both chains, with the fee cap the pricier
 * node needs), both reports are complete, and nodes that disagree on the chain id or the senders'
 * nonces are refused before anything is sent.
 */
class BenchCompareTest {
  private static final int TRANSACTIONS = 300;
  private static final int SENDERS = 6;
  /** Not a multiple of the senders: the measured phase starts in the middle of a round. */
  private static final int WARMUP = 40;
  private static final String SEED = "bench-compare-test";
  /** Node B's constant base fee (a genesis parameter on Xinlian); node A's is 0. */
  private static final BigInteger BASE_FEE_B_WEI = BigInteger.valueOf(7_000_000_000L);

  @Test
  void bothNodesIncludeTheSameSignedTransactions(@TempDir Path first, @TempDir Path second) throws Exception {
    Clock clock = Clock.system();
    try (Node a = Node.start(DevChain.prepare(first, 0, 0, clock), clock);
        Node b = Node.start(DevChain.prepare(withGenesis(second, DevChain.CHAIN_ID, BASE_FEE_B_WEI), 0, 0, clock),
            clock)) {
      URI rpcA = rpc(a);
      URI rpcB = rpc(b);
      BenchConfig config = new BenchConfig(rpcA, BenchConfig.Workload.TRANSFER, TRANSACTIONS, WARMUP, 0, 2,
          SENDERS, 10, 64, BenchConfig.IN_FLIGHT_DEFAULT, 120, SEED, Optional.empty());
      List<String> labels = new java.util.ArrayList<>();
      BenchComparison comparison = BenchRun.compare(config, rpcB, CryptoSuites.standard(), DevChain.privateKey(0),
          clock, System.out::println, label -> {
            labels.add(label);
            return (sent, included, failed, total) -> { };
          });
      System.out.print(comparison.toText());

      assertEquals(List.of("A Xinlian", "B Xinlian"), labels, "one progress display per node, in order");
      assertEquals(2, comparison.nodes().size());
      assertEquals("A", comparison.nodes().get(0).name());
      assertEquals(rpcA.toString(), comparison.nodes().get(0).rpc());
      assertEquals(rpcB.toString(), comparison.nodes().get(1).rpc());
      assertEquals(DevChain.CHAIN_ID, comparison.chainId());
      assertEquals(TRANSACTIONS, comparison.transactions());
      assertEquals(BenchSetup.TRANSFER_GAS, comparison.gasLimit());
      assertNull(comparison.token());
      for (BenchComparison.Node node : comparison.nodes()) {
        BenchReportAssertions.consistent(node.report(), TRANSACTIONS);
      }

      // Independently of the bench's own poller: the senders' transactions on each chain.
      Set<String> senders = new HashSet<>();
      for (int s = 0; s < SENDERS; s++) {
        senders.add(Account.derived(CryptoSuites.standard(), SEED, s).address().toHexString().toLowerCase(Locale.ROOT));
      }
      Map<String, JsonNode> onA = sentBy(rpcA, senders);
      Map<String, JsonNode> onB = sentBy(rpcB, senders);
      assertEquals(Set.of(Quantities.quantity(BASE_FEE_B_WEI.shiftLeft(1))), fieldOf(onA, "maxFeePerGas"),
          "signed once with B's need (twice its base fee, no tip) although A's own fee cap is 0");
      assertEquals(WARMUP + TRANSACTIONS, onA.size(), "the warm-up ones and the measured ones");
      assertEquals(WARMUP, comparison.warmupTransactions());
      assertEquals(onA.keySet(), onB.keySet(), "the same signed bytes (hence hashes) on both nodes");
      assertTrue(comparison.fees().startsWith("signed once with EIP-1559 tip 0 wei, fee cap 14000000000 wei"),
          comparison.fees());

      JsonNode json = new ObjectMapper().readTree(comparison.toJson());
      assertEquals(2, json.get("nodes").size());
      assertEquals(TRANSACTIONS, json.get("nodes").get(1).get("report").get("included").asInt());
      assertEquals("transfer", json.get("workload").asText());
      assertTrue(comparison.toText().contains("throughput / A:"), comparison.toText());
    }
  }

  @Test
  void sendersWhoseNoncesDifferAreRefusedBeforeSetup(@TempDir Path first, @TempDir Path second) {
    Clock clock = Clock.system();
    try (Node a = Node.start(DevChain.prepare(first, 0, 0, clock), clock);
        Node b = Node.start(DevChain.prepare(second, 0, 0, clock), clock)) {
      BenchConfig onlyA = new BenchConfig(rpc(a), BenchConfig.Workload.TRANSFER, 4, 0, 1, 2, 2, 64, 60, SEED,
          Optional.empty());
      BenchReportAssertions.consistent(BenchRun.run(onlyA, CryptoSuites.standard(), DevChain.privateKey(0), clock,
          line -> { }, (sent, included, failed, total) -> { }), 4);
      long headOfB = b.head().number();

      BenchException refused = assertThrows(BenchException.class, () -> BenchRun.compare(onlyA, rpc(b),
          CryptoSuites.standard(), DevChain.privateKey(0), clock, line -> { },
          label -> (sent, included, failed, total) -> { }));
      assertTrue(refused.getMessage().startsWith("sender 0 ("), refused.getMessage());
      assertTrue(refused.getMessage().contains("has nonce 2 on node A but 0 on node B"), refused.getMessage());
      assertEquals(headOfB, b.head().number(), "nothing was sent to node B");
    }
  }

  @Test
  void nodesOfDifferentChainsAreRefused(@TempDir Path first, @TempDir Path second) {
    Clock clock = Clock.system();
    try (Node a = Node.start(DevChain.prepare(first, 0, 0, clock), clock);
        Node b = Node.start(DevChain.prepare(withGenesis(second, 31_338, BigInteger.ZERO), 0, 0, clock), clock)) {
      BenchConfig config = new BenchConfig(rpc(a), BenchConfig.Workload.TRANSFER, 4, 0, 1, 2, 2, 64, 60, SEED,
          Optional.empty());
      BenchException refused = assertThrows(BenchException.class, () -> BenchRun.compare(config, rpc(b),
          CryptoSuites.standard(), DevChain.privateKey(0), clock, line -> { },
          label -> (sent, included, failed, total) -> { }));
      assertTrue(refused.getMessage().contains("different chain ids (31337 and 31338)"), refused.getMessage());
      assertEquals(0, a.head().number(), "nothing was sent to node A");
      assertEquals(0, b.head().number(), "nothing was sent to node B");
    }
  }

  /** A dev data directory whose genesis (which DevChain keeps once written) has these parameters. */
  private static Path withGenesis(Path directory, long chainId, BigInteger baseFeeWei) {
    String genesis = DevChain.genesisJson(1_700_000_000L)
        .replace("\"chainId\": " + DevChain.CHAIN_ID, "\"chainId\": " + chainId)
        .replace("\"baseFeePerGas\": \"0\"", "\"baseFeePerGas\": \"" + baseFeeWei + "\"");
    try {
      Files.writeString(directory.resolve(DevChain.GENESIS_FILE_NAME), genesis, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return directory;
  }

  private static Set<String> fieldOf(Map<String, JsonNode> transactions, String field) {
    Set<String> values = new HashSet<>();
    transactions.values().forEach(transaction -> values.add(transaction.path(field).asText()));
    return values;
  }

  private static URI rpc(Node node) {
    return URI.create("http://127.0.0.1:" + node.rpcAddress().getPort());
  }

  /** Every transaction on the chain sent by one of {@code senders}, by hash. */
  private static Map<String, JsonNode> sentBy(URI rpc, Set<String> senders) {
    Map<String, JsonNode> hashes = new HashMap<>();
    try (JsonRpcClient client = new JsonRpcClient(rpc, 1)) {
      long head = Quantities.parse(client.call("eth_blockNumber"), "head").longValueExact();
      for (long number = 1; number <= head; number++) {
        for (JsonNode transaction : client.call("eth_getBlockByNumber", Quantities.quantity(number), true)
            .path("transactions")) {
          if (senders.contains(transaction.path("from").asText().toLowerCase(Locale.ROOT))) {
            hashes.put(transaction.path("hash").asText().toLowerCase(Locale.ROOT), transaction);
          }
        }
      }
    }
    return hashes;
  }
}

package org.xinlian.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xinlian.common.Address;
import org.xinlian.common.Hash;
import org.xinlian.common.Hex;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.node.consensus.ConsensusService;

/**
 * Four validators in one process on 127.0.0.1, each with its own RocksDB directory, TLS
 * certificates generated here and real sockets (docs/spec/node.md NODE-8 to NODE-14): transfers
 * sent to one node over JSON-RPC reach the proposers by gossip and are included; every node holds
 * the same block, with a commit certificate that verifies, at every height; with one validator
 * closed the other three keep finalising; restarted, it catches up to the same hashes.
 */
class BftNetworkTest {
  @TempDir Path directory;

  /** NODE-8, NODE-9, NODE-10, NODE-11, NODE-12, NODE-13, NODE-14 on a standard chain. */
  @Test
  void fourValidatorsAgreeKeepFinalisingWithOneDownAndCatchUp() throws Exception {
    try (BftTestNetwork network = BftTestNetwork.create(directory, CryptoSuites.STANDARD, 4)) {
      network.startAll();
      for (int i = 0; i < 4; i++) {
        ConsensusService consensus = network.node(i).consensus().orElseThrow();
        assertTrue(consensus.validator());
        assertEquals(network.addresses.get(i), consensus.address());
      }
      Address recipient = Address.fromHex("0x00000000000000000000000000000000000000b0");
      List<Hash> sent = sendTransfers(network, 0, 0, 0, 3, recipient);
      awaitIncluded(network, sent, network.running());
      network.assertSameChain(network.running());
      assertMetrics(network.node(0));
      // net_peerCount reports the connected validators (the other three once all are connected).
      int port0 = network.node(0).rpcAddress().getPort();
      BftTestNetwork.await("net_peerCount 0x3 on node 0", () -> {
        try {
          return NodeFixture.post(port0, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"net_peerCount\","
              + "\"params\":[]}").contains("\"result\":\"0x3\"");
        } catch (Exception e) {
          return false;
        }
      });

      network.stop(3);
      List<Node> three = network.running();
      long before = three.stream().mapToLong(BftTestNetwork::height).max().orElseThrow();
      // Node 3 is the proposer of every fourth height: those heights need a round change.
      BftTestNetwork.await("three validators to finalise 4 more heights",
          () -> three.stream().allMatch(node -> BftTestNetwork.height(node) >= before + 4));
      List<Hash> later = sendTransfers(network, 1, 1, 0, 2, recipient);
      awaitIncluded(network, later, three);
      network.assertSameChain(three);

      long target = BftTestNetwork.height(network.node(0));
      Node restarted = network.start(3);
      BftTestNetwork.await("the restarted validator to catch up",
          () -> BftTestNetwork.height(restarted) > target);
      // Every block it missed came with a certificate it verified and is now stored with it. The
      // others may commit the newest height a moment after it: all four agree at least to target.
      long checked = network.assertSameChain(network.running());
      assertTrue(checked >= target, "checked " + checked + " heights, target " + target);
      for (Hash hash : later) {
        assertTrue(restarted.blocks().transactionLocation(hash).isPresent());
      }
      for (Node node : network.running()) {
        assertTrue(node.producerFailure().isEmpty(), () -> node.producerFailure().get().toString());
      }
    }
  }

  /** NODE-8 to NODE-13 on a gm chain (SM2 node keys and votes, SM3 hashes): a shorter run. */
  @Test
  void gmValidatorsAgree() throws Exception {
    try (BftTestNetwork network = BftTestNetwork.create(directory, CryptoSuites.GM, 4)) {
      network.startAll();
      Address recipient = Address.fromHex("0x00000000000000000000000000000000000000c0");
      List<Hash> sent = sendTransfers(network, 2, 0, 0, 2, recipient);
      awaitIncluded(network, sent, network.running());
      assertTrue(network.assertSameChain(network.running()) >= 1);
      for (Node node : network.running()) {
        assertTrue(node.producerFailure().isEmpty(), () -> node.producerFailure().get().toString());
      }
    }
  }

  /** Sends transfers from a dev account with consecutive nonces to one node over JSON-RPC. */
  private static List<Hash> sendTransfers(BftTestNetwork network, int nodeIndex, int account,
      long firstNonce, int count, Address to) throws Exception {
    int port = network.node(nodeIndex).rpcAddress().getPort();
    List<Hash> hashes = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      byte[] raw = network.transfer(account, firstNonce + i, to);
      String response = NodeFixture.post(port, "{\"jsonrpc\":\"2.0\",\"id\":1,"
          + "\"method\":\"eth_sendRawTransaction\",\"params\":[\"" + Hex.encode(raw) + "\"]}");
      Hash hash = network.hashOf(raw);
      assertTrue(response.contains(hash.toString()), response);
      hashes.add(hash);
    }
    return hashes;
  }

  private static void awaitIncluded(BftTestNetwork network, List<Hash> hashes, List<Node> nodes)
      throws InterruptedException {
    BftTestNetwork.await("transactions " + hashes + " on every node", () -> nodes.stream()
        .allMatch(node -> hashes.stream().allMatch(hash -> node.blocks().transactionLocation(hash).isPresent())));
  }

  /**
   * NODE-14: consensus and P2P meters on /metrics, with values that show the network working.
   * Counters move on other threads, so this waits (bounded) until every condition holds.
   */
  private static void assertMetrics(Node node) throws Exception {
    String[] last = {""};
    BftTestNetwork.await("consensus and P2P metrics on node 0", () -> {
      try {
        String metrics = NodeFixture.get(node.rpcAddress().getPort(), "/metrics");
        last[0] = metrics;
        return value(metrics, "xinlian_consensus_height") >= 2
            && value(metrics, "xinlian_consensus_round") >= 0
            && value(metrics, "xinlian_consensus_round_changes_total") >= 0
            && value(metrics, "xinlian_consensus_validator") == 1
            && value(metrics, "xinlian_p2p_peers") >= 1
            && value(metrics, "xinlian_p2p_messages_received_total") > 0
            && value(metrics, "xinlian_p2p_messages_sent_total") > 0
            && value(metrics, "xinlian_consensus_finality_seconds_count") >= 1
            && value(metrics, "xinlian_gossip_transactions_sent_total") >= 1;
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    });
    assertTrue(last[0].contains("xinlian_p2p_messages_dropped_total{direction=\"inbound\"}"), last[0]);
    assertTrue(last[0].contains("xinlian_consensus_messages_dropped_total{reason=\"queue_full\"}"), last[0]);
    assertTrue(last[0].contains("xinlian_consensus_finality_seconds{quantile=\"0.99\"}"), last[0]);
    assertTrue(last[0].contains("xinlian_p2p_connections_refused_total{reason=\"handshake_limit\"}"),
        last[0]);
    assertTrue(value(last[0], "xinlian_p2p_handshakes_inbound") >= 0);
  }

  private static double value(String metrics, String name) {
    Matcher matcher = Pattern.compile("(?m)^" + name + "(\\{[^}]*\\})? ([0-9.E+-]+)$").matcher(metrics);
    if (!matcher.find()) {
      throw new AssertionError(name + " missing from\n" + metrics);
    }
    return Double.parseDouble(matcher.group(2));
  }
}

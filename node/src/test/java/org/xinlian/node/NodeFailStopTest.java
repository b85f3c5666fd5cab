package org.xinlian.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xinlian.common.Address;
import org.xinlian.common.Clock;
import org.xinlian.common.Hash;
import org.xinlian.execution.pool.AdmissionResult;
import org.xinlian.execution.pool.Refusal;
import org.xinlian.node.consensus.ConsensusService;
import org.xinlian.storage.KeyValueStores;

/** NODE-17: a failed write stops the node cleanly; a restart recovers as after a kill. */
class NodeFailStopTest {
  @TempDir Path directory;

  @Test
  void aFailedWriteStopsProductionRefusesWritesAndReportsIt() throws Exception {
    NodeConfig config = DevChain.prepare(directory, 0, 0, Clock.system());
    Address bob = DevChain.ACCOUNTS.get(1).address();
    AtomicReference<FaultInjectingStore> store = new AtomicReference<>();
    Hash committedHead;
    try (Node node = Node.start(config, Clock.system(), ConsensusService.SYNC_LAG_HEIGHTS_DEFAULT,
        options -> {
          store.set(new FaultInjectingStore(KeyValueStores.openRocksDb(options)));
          return store.get();
        })) {
      int port = node.rpcAddress().getPort();
      assertEquals(200, NodeFixture.getResponse(port, "/health").statusCode());
      assertEquals(200, NodeFixture.getResponse(port, "/ready").statusCode());
      CountDownLatch failed = new CountDownLatch(1);
      node.onFailure(failed::countDown);
      assertTrue(node.pool().add(NodeFixture.transfer(0, 0, bob, NodeFixture.ONE_ETHER)).accepted());
      NodeFixture.awaitBlockNumber(port, number -> number >= 1);
      committedHead = node.blocks().headHash().orElseThrow();

      store.get().failWrites(true);
      AdmissionResult admitted = node.pool().add(NodeFixture.transfer(0, 1, bob, NodeFixture.ONE_ETHER));
      assertTrue(admitted.accepted(), admitted.message());
      assertTrue(failed.await(60, TimeUnit.SECONDS), "the node did not fail stop");

      NodeFailure failure = node.failure().orElseThrow();
      assertEquals("block production", failure.component());
      assertTrue(failure.storageFault(), failure.summary());
      assertEquals(NodeFailure.EXIT_STORAGE_FAULT, failure.exitStatus());
      assertTrue(failure.summary().contains("No space left on device"), failure.summary());
      assertEquals(1, store.get().writesFailed(), "production stopped after the first failed write");

      AdmissionResult refused = node.pool().add(NodeFixture.transfer(0, 2, bob, NodeFixture.ONE_ETHER));
      assertEquals(Refusal.NODE_STOPPED, refused.refusal().orElseThrow());
      assertTrue(refused.message().startsWith("node stopped: block production failed (storage fault)"),
          refused.message());
      String sent = NodeFixture.post(port, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_sendRawTransaction\","
          + "\"params\":[\"" + org.xinlian.common.Hex.encode(NodeFixture.transfer(0, 2, bob, NodeFixture.ONE_ETHER))
          + "\"]}");
      assertTrue(sent.contains("node stopped"), sent);

      // Reads still work, and report the failure and the last committed block (NODE-18).
      assertEquals(1, NodeFixture.blockNumber(port));
      var health = NodeFixture.getResponse(port, "/health");
      assertEquals(503, health.statusCode(), health.body());
      assertTrue(health.body().startsWith("{\"status\":\"failed\",\"height\":1,"), health.body());
      assertTrue(health.body().contains("node stopped: block production failed (storage fault)"), health.body());
      assertEquals(503, NodeFixture.getResponse(port, "/ready").statusCode());
      String metrics = NodeFixture.get(port, "/metrics");
      assertTrue(Pattern.compile("(?m)^xinlian_node_failed(\\{[^}]*\\})? 1(\\.0)?$").matcher(metrics).find(),
          metrics);
    }
    // Restarted on the same directory without the fault: as after a kill, block 1 is there and
    // the block whose write failed is not; production resumes.
    try (Node node = Node.start(config, Clock.system())) {
      int port = node.rpcAddress().getPort();
      assertEquals(committedHead, node.blocks().headHash().orElseThrow());
      assertFalse(node.failure().isPresent());
      assertTrue(node.pool().add(NodeFixture.transfer(0, 1, bob, NodeFixture.ONE_ETHER)).accepted());
      assertEquals(2, NodeFixture.awaitBlockNumber(port, number -> number >= 2));
    }
  }
}

package org.xinlian.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xinlian.common.Hash;
import org.xinlian.common.Hex;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.execution.feature.ProtocolFeature;

/**
 * A rolling upgrade of a 4-validator network (docs/spec/operations.md OPS-88): real node
 * processes of {@code network up}, whose genesis schedules header-feature-digest at
 * {@link #ACTIVATION}. One node at a time is stopped, the other three keep committing (a transfer
 * sent meanwhile gets a receipt), and it is started again on its data directory and catches up:
 * the first below the activation height, the last above it. Every node then holds the same chain, and
 * every block below the height has empty extra data and every block from it the feature digest:
 * the switch happened at exactly the named block on all four, across restarts.
 *
 * <p>The nodes before and after a restart run the same build: the upgrade from the previous
 * release's build is {@link PreviousReleaseUpgradeProcessTest} (OPS-89).
 */
class RollingUpgradeProcessTest {
  /**
   * Above the height the network has when it is up (3, and a few more while the first node stops),
   * so the first restart is below it; the last restart waits until the network is past it.
   */
  private static final long ACTIVATION = 15;
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void nodesRestartedOneByOneSwitchAtTheNamedBlockWithoutFork(@TempDir Path directory) throws Exception {
    try (SharedNetwork network = SharedNetwork.start(directory, RollingUpgradeProcessTest::scheduleFeature)) {
      List<Long> restartHeights = new ArrayList<>();
      for (int node = 0; node < SharedNetwork.NODES; node++) {
        if (node == SharedNetwork.NODES - 1) {
          network.chain.awaitHeight(ACTIVATION + 1, 0, 1, 2, 3);
        }
        restartHeights.add(restart(network, node));
      }
      System.out.println("RollingUpgradeProcessTest: nodes 0 to 3 stopped at heights " + restartHeights);
      assertTrue(restartHeights.get(0) < ACTIVATION, "node0 restarts before height " + ACTIVATION + ": "
          + restartHeights);
      assertTrue(restartHeights.get(3) > ACTIVATION, "node3 restarts after height " + ACTIVATION + ": "
          + restartHeights);
      long head = network.chain.maxHeight(0, 1, 2, 3);
      network.chain.awaitHeight(head + 2, 0, 1, 2, 3);
      long common = network.chain.assertSameChain(0, 1, 2, 3);
      String digest = Hex.encode(CryptoSuites.standard().hash(
          ProtocolFeature.HEADER_FEATURE_DIGEST.featureName().getBytes(StandardCharsets.US_ASCII)));
      for (long height = 1; height <= common; height++) {
        for (int node = 0; node < SharedNetwork.NODES; node++) {
          assertEquals(height < ACTIVATION ? "0x" : digest, extraData(network, node, height),
              "extraData of block " + height + " on node" + node);
        }
      }
      for (int node = 0; node < SharedNetwork.NODES; node++) {
        JsonNode features = NetworkProcesses.call(network.rpcPort(node), "xinlian_getProtocolFeatures")
            .orElseThrow().get("result").get("features");
        assertEquals("[{\"name\":\"header-feature-digest\",\"activationHeight\":\"0x" + Long.toHexString(ACTIVATION)
            + "\",\"active\":true,\"known\":true}]", features.toString(), "node" + node);
      }
      CliRun.Result show = network.cli(List.of("feature", "show", "--rpc", "http://127.0.0.1:" + network.rpcPort(0),
          "--block", String.valueOf(ACTIVATION - 1)));
      assertEquals(0, show.exitCode(), show.err());
      assertEquals(List.of("Protocol features for block " + ACTIVATION + " (this CLI knows: header-feature-digest):",
          String.format("  %-32s from height %d, in force", "header-feature-digest", ACTIVATION)), show.out().lines().toList());
    }
  }

  /** Adds {@code "features": {"header-feature-digest": ACTIVATION}} to the network's genesis. */
  private static void scheduleFeature(Path net) {
    Path genesis = net.resolve("genesis.json");
    try {
      ObjectNode root = (ObjectNode) JSON.readTree(genesis.toFile());
      root.putObject("features").put(ProtocolFeature.HEADER_FEATURE_DIGEST.featureName(), ACTIVATION);
      Files.writeString(genesis, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Stops {@code node}, checks the other three commit a transfer without it, starts it again and
   * waits until it has caught up. Returns the height at which it was stopped.
   */
  private static long restart(SharedNetwork network, int node) {
    int[] others = IntStream.range(0, SharedNetwork.NODES).filter(other -> other != node).toArray();
    long stoppedAt = network.chain.heightOf(node);
    CliRun.Result down = network.cli(List.of("network", "down", "--dir", network.net.toString(),
        "--node", String.valueOf(node)));
    assertEquals(0, down.exitCode(), down.out() + down.err());
    Hash transfer = network.chain.sendTransfer(others[0]);
    long included = network.chain.awaitReceipt(transfer, others);
    assertTrue(included > stoppedAt, "the three others committed block " + included + " without node" + node);
    network.up(node);
    network.chain.awaitHeight(network.chain.maxHeight(others), node);
    return stoppedAt;
  }

  private static String extraData(SharedNetwork network, int node, long height) {
    JsonNode block = NetworkProcesses.call(network.rpcPort(node), "eth_getBlockByNumber",
        "0x" + Long.toHexString(height), false).orElseThrow().get("result");
    return block.get("extraData").asText();
  }
}

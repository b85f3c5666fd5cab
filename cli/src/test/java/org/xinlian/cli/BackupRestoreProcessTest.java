package org.xinlian.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xinlian.common.Hash;

/**
 * Issue 13, deliverable 7 (docs/spec/operations.md OPS-70 to OPS-77): on a real four-validator
 * network under transfer load, {@code admin backup} copies node 0's ledger while it commits;
 * {@code db verify} passes the backup; node 0 is stopped and its data wiped; {@code admin restore}
 * refuses a genesis of another chain and then brings the data back, refuses to restore over it
 * again without --force; node 0, started, catches up with the others on the same blocks.
 */
class BackupRestoreProcessTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Transfers sent between two receipt waits: several per block keep the ledger changing. */
  private static final int BURST = 5;
  /** Blocks the network commits after the backup before node 0 is restored, so it has to catch up. */
  private static final int BLOCKS_AFTER_BACKUP = 2;

  @TempDir static Path directory;
  private static SharedNetwork network;

  /** Node 0 serves ADMIN methods and keeps backups in the network's backups directory. */
  @BeforeAll
  static void startNetwork() {
    long start = System.nanoTime();
    network = SharedNetwork.start(directory, net -> {
      try {
        Path config = net.resolve("node0").resolve("config.json");
        ObjectNode root = (ObjectNode) JSON.readTree(config.toFile());
        ((ObjectNode) root.get("rpc")).putArray("permissions").add("admin");
        root.putObject("backup").put("directory", "../backups").put("intervalMsMin", 0);
        Files.writeString(config, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    System.out.printf("BackupRestoreProcessTest: network started in %d ms%n", (System.nanoTime() - start) / 1_000_000);
  }

  @AfterAll
  static void stopNetwork() {
    if (network != null) {
      network.close();
    }
  }

  @Test
  void backupUnderLoadVerifiesAndRestoresANodeThatCatchesUp() throws Exception {
    AtomicBoolean stop = new AtomicBoolean();
    AtomicInteger receipted = new AtomicInteger();
    AtomicReference<Throwable> loadFailure = new AtomicReference<>();
    // Load through node 1, which stays up throughout.
    Thread load = new Thread(() -> {
      try {
        while (!stop.get()) {
          Hash last = null;
          for (int i = 0; i < BURST; i++) {
            last = network.chain.sendTransfer(1);
          }
          network.chain.awaitReceipt(last, 1);
          receipted.addAndGet(BURST);
        }
      } catch (Throwable e) {
        loadFailure.set(e);
      }
    }, "transfer-load");
    load.start();
    phaseStart = System.nanoTime();
    try {
      NetworkProcesses.await(NetworkChain.PROGRESS_MAX, () -> receipted.get() >= 2 * BURST || loadFailure.get() != null,
          "transfers to be mined before the backup");
      assertEquals(null, loadFailure.get());
      Path backups = network.net.resolve("backups");

      // The ADMIN method is not served where the configuration does not enable it.
      JsonNode hidden = NetworkProcesses.call(network.rpcPort(1), "admin_backup", "x").orElseThrow();
      assertEquals(-32601, hidden.path("error").path("code").asInt(), hidden.toString());
      // Nor does it write outside the backup directory.
      CliRun.Result escape = network.cli(List.of("admin", "backup", "--rpc", url(0), "--out", "../escape"));
      assertEquals(1, escape.exitCode(), escape.out());
      assertTrue(escape.err().contains("name:"), escape.err());
      assertFalse(Files.exists(network.net.resolve("escape")));

      int before = receipted.get();
      CliRun.Result backup = network.cli(List.of("admin", "backup", "--rpc", url(0), "--out", "under-load"));
      assertEquals(0, backup.exitCode(), backup.err());
      assertTrue(backup.out().contains(backups.resolve("under-load").toString()), backup.out());
      phase("backup under load");

      Path copy = backups.resolve("under-load");
      CliRun.Result verify = network.cli(List.of("db", "verify", "--data", copy.toString()));
      assertEquals(0, verify.exitCode(), verify.out() + verify.err());
      assertTrue(verify.out().contains("backup: chain id"), verify.out());
      long backedUp = Long.parseLong(verify.out().replaceAll("(?s).*backup: chain id \\d+, block (\\d+) .*", "$1"));
      assertTrue(backedUp >= 3, "the backup holds the blocks made before it: " + verify.out());
      phase("db verify of the backup");

      CliRun.Result down = network.cli(List.of("network", "down", "--dir", network.net.toString(), "--node", "0"));
      assertEquals(0, down.exitCode(), down.out() + down.err());
      Path data = network.net.resolve("node0").resolve("data");
      deleteTree(data);
      network.chain.awaitHeight(backedUp + BLOCKS_AFTER_BACKUP, 1, 2, 3);
      phase("node 0 stopped and wiped, the others " + BLOCKS_AFTER_BACKUP + " blocks on");

      // A genesis of another chain is refused, naming both, and nothing is written.
      Path otherGenesis = directory.resolve("other-genesis.json");
      ObjectNode genesis = (ObjectNode) JSON.readTree(network.net.resolve("genesis.json").toFile());
      genesis.put("timestamp", genesis.get("timestamp").asLong() + 1);
      Files.writeString(otherGenesis, JSON.writeValueAsString(genesis));
      CliRun.Result foreign = network.cli(List.of("admin", "restore", "--from", copy.toString(),
          "--data-dir", data.toString(), "--genesis", otherGenesis.toString()));
      assertEquals(1, foreign.exitCode(), foreign.out());
      assertTrue(foreign.err().contains("another chain"), foreign.err());
      assertFalse(Files.exists(data));

      CliRun.Result restore = network.cli(List.of("admin", "restore", "--from", copy.toString(),
          "--config", network.net.resolve("node0").resolve("config.json").toString()));
      assertEquals(0, restore.exitCode(), restore.out() + restore.err());
      assertTrue(restore.out().contains("to block " + backedUp), restore.out());

      // Restoring again over the restored data is refused without --force.
      CliRun.Result again = network.cli(List.of("admin", "restore", "--from", copy.toString(),
          "--config", network.net.resolve("node0").resolve("config.json").toString()));
      assertEquals(1, again.exitCode(), again.out());
      assertTrue(again.err().contains("is not empty"), again.err());

      phase("restores");
      network.up(0);
      phase("node 0 started");
      long target = network.chain.maxHeight(1, 2, 3);
      network.chain.awaitHeight(target, 0);
      phase("node 0 caught up from " + backedUp + " to " + target);
      network.chain.assertSameChain(0, 1, 2, 3);
      assertTrue(network.chain.heightOf(0) > backedUp, "node 0 caught up beyond its backup");
      assertTrue(receipted.get() > before, "transfers went on being mined after the backup");
    } finally {
      stop.set(true);
      load.join(NetworkChain.PROGRESS_MAX.toMillis());
    }
    assertEquals(null, loadFailure.get());
  }

  private long phaseStart;

  /** Prints how long the phase that ends now took, for the record (the suite's time budget). */
  private void phase(String what) {
    long now = System.nanoTime();
    System.out.printf("BackupRestoreProcessTest: %s in %d ms%n", what, (now - phaseStart) / 1_000_000);
    phaseStart = now;
  }

  private static String url(int node) {
    return "http://127.0.0.1:" + network.rpcPort(node);
  }

  private static void deleteTree(Path root) throws IOException {
    List<Path> all;
    try (Stream<Path> walk = Files.walk(root)) {
      all = new ArrayList<>(walk.toList());
    }
    all.sort(Comparator.reverseOrder());
    for (Path path : all) {
      Files.delete(path);
    }
  }
}

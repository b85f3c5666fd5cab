package org.xinlian.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xinlian.node.NodeFailure;

/**
 * Issue 11, a failed disk write: a validator whose data directory is a small tmpfs, filled while
 * it runs. It fails stop (docs/spec/node.md NODE-17): it logs the cause at ERROR, reports it on
 * {@code /metrics}, stops voting while the three others keep committing, and exits with status
 * 74 for its supervisor; given space again and restarted, it recovers as after a kill and
 * catches up to the same chain. Needs root to mount the tmpfs; elsewhere it is skipped with a
 * message saying so (docs/spec/local-network.md LOCALNET-10).
 */
class FullDiskProcessTest {
  private static final int NODES = 4;
  private static final int FULL_NODE = 3;
  private static final String TMPFS_SIZE = "96m";
  private static final Duration FAIL_STOP_MAX = Duration.ofSeconds(60);
  private static final Duration COMMIT_GAP_MAX = Duration.ofSeconds(20);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path directory;
  private Path net;
  private Path mount;
  private boolean mounted;
  private Process fullNode;

  @AfterEach
  void cleanUp() throws Exception {
    if (fullNode != null) {
      fullNode.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
    if (net != null) {
      NetworkProcesses.killAll(net, NODES);
      for (int node = 0; node < NODES; node++) {
        if (Files.exists(NetworkProcesses.pidFile(net, node))) {
          long pid = NetworkProcesses.pid(net, node);
          NetworkProcesses.await(Duration.ofSeconds(30), () -> !NetworkProcesses.alive(pid),
              "node" + pid + " to exit");
        }
      }
    }
    if (mounted && run(false, "umount", mount.toString()) != 0) {
      // Something still holds a file there: detach it now, the kernel frees it when released.
      run(true, "umount", "-l", mount.toString());
    }
  }

  @Test
  void aValidatorOnAFullDiskFailsStopAndRecoversWithSpace() throws Exception {
    boolean root = "root".equals(System.getProperty("user.name"));
    assumeTrue(root, "full-disk test skipped: mounting a tmpfs needs root (user "
        + System.getProperty("user.name") + ")");
    int[] ports = NetworkProcesses.freePortBases(NODES);
    net = directory.resolve("net");
    CliRun.Result init = cli(List.of("network", "init", "--nodes", "4", "--dir", net.toString(),
        "--rpc-base-port", String.valueOf(ports[0]), "--p2p-base-port", String.valueOf(ports[1])));
    assertEquals(0, init.exitCode(), init.err());
    mount = net.resolve("node" + FULL_NODE).resolve("data");
    Files.createDirectories(mount);
    assumeTrue(run(false, "mount", "-t", "tmpfs", "-o", "size=" + TMPFS_SIZE, "tmpfs", mount.toString()) == 0,
        "full-disk test skipped: 'mount -t tmpfs' is not permitted here");
    mounted = true;
    Path config = net.resolve("node" + FULL_NODE).resolve("config.json");
    ObjectNode configJson = (ObjectNode) JSON.readTree(config.toFile());
    configJson.putObject("health").put("failStopExitDelayMs", 3_000);
    Files.writeString(config, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(configJson));

    up("0", "1", "2");
    fullNode = startNode(FULL_NODE);
    NetworkChain chain = new NetworkChain(node -> "127.0.0.1", node -> ports[0] + node);
    chain.awaitHeight(3, 0, 1, 2, FULL_NODE);

    long filled = fill(mount.resolve("filler"));
    assertTrue(fullNode.waitFor(FAIL_STOP_MAX.toSeconds(), TimeUnit.SECONDS),
        "the node on the full disk did not stop; its log:\n" + NetworkProcesses.log(net, FULL_NODE));
    assertEquals(NodeFailure.EXIT_STORAGE_FAULT, fullNode.exitValue(), NetworkProcesses.log(net, FULL_NODE));
    String log = NetworkProcesses.log(net, FULL_NODE);
    assertTrue(log.contains("ERROR") && log.contains("node stopped") && log.contains("(storage fault)"), log);
    assertTrue(log.contains("No space left on device"), log);
    BlockRates.Window others = BlockRates.measure(chain, Duration.ofSeconds(8), 0, 1, 2);
    assertTrue(others.longestGapMillis() <= COMMIT_GAP_MAX.toMillis(), "the three others stalled: " + others);

    Files.delete(mount.resolve("filler"));
    up(String.valueOf(FULL_NODE));
    chain.awaitHeight(chain.maxHeight(0, 1, 2), FULL_NODE);
    chain.assertSameChain(0, 1, 2, FULL_NODE);
    System.out.printf("FullDiskProcessTest: node %d stopped with status %d after %d MB filled its %s tmpfs;"
        + " the others made %.2f blocks/s meanwhile; restarted with space it caught up%n", FULL_NODE,
        fullNode.exitValue(), filled >> 20, TMPFS_SIZE, others.blocksPerSecond());
  }

  /** Writes zeros to {@code file} until the file system refuses, then keeps what was written. */
  private static long fill(Path file) {
    byte[] chunk = new byte[1 << 20];
    long written = 0;
    try (OutputStream out = Files.newOutputStream(file)) {
      while (true) {
        out.write(chunk);
        written += chunk.length;
      }
    } catch (IOException full) {
      return written;
    }
  }

  private Process startNode(int node) throws IOException {
    Process process = NetworkProcesses.startNode(net, node, List.of());
    Files.writeString(NetworkProcesses.pidFile(net, node), Long.toString(process.pid()));
    return process;
  }

  private void up(String... nodes) {
    List<String> args = new ArrayList<>(List.of("network", "up", "--dir", net.toString(), "--timeout", "120"));
    args.addAll(NetworkProcesses.NODE_JVM_OPTIONS);
    for (String node : nodes) {
      args.addAll(List.of("--node", node));
    }
    CliRun.Result result = cli(args);
    assertEquals(0, result.exitCode(), result.out() + result.err());
  }

  private CliRun.Result cli(List<String> args) {
    return new CliRun(directory).withoutTerminal().withSystemClock().run(args.toArray(String[]::new));
  }

  private static int run(boolean required, String... command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes());
    int code = process.waitFor();
    if (required && code != 0) {
      throw new AssertionError(String.join(" ", command) + " failed (" + code + "): " + output);
    }
    return code;
  }
}

package org.xinlian.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xinlian.common.Hash;
import org.xinlian.common.Hex;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.execution.feature.ProtocolFeature;

/**
 * A rolling upgrade of a 4-validator network from the previous release to this build
 * (docs/spec/operations.md OPS-89). The previous release's jar ({@link PreviousRelease}) writes the
 * network's files ({@code network init}) and runs all four nodes; then one node at a time is stopped
 * with SIGTERM and started with this build on the same directory, while the other three keep
 * committing, so transfers are included by a mixed network of old and new nodes. At the end every
 * node runs this build, holds the same block hash at every height and a receipt for every transfer,
 * and {@code db verify} of this build accepts a stopped node's ledger.
 *
 * <p>This build is the test's class path, which is what the jar {@code package} makes later in the
 * same Maven run holds: {@code network up} of the in-process CLI starts nodes on it.
 */
class PreviousReleaseUpgradeProcessTest {
  private static final String FEATURE = ProtocolFeature.HEADER_FEATURE_DIGEST.featureName();
  /**
   * Blocks between the head when the feature is proposed and its height: the proposal and up to
   * three or four votes, each a CLI run waiting for its receipt, took 3 blocks together on a loaded
   * two-core machine; the margin leaves room for a slower one and keeps the wait for the height short.
   */
  private static final long ACTIVATION_MARGIN_BLOCKS = 24;
  private final long started = System.nanoTime();

  @Test
  void fourNodesUpgradedOneByOneFromThePreviousReleaseKeepOneChain(@TempDir Path directory) throws Exception {
    Path oldJar = PreviousRelease.jar();
    phase("previous release's jar " + oldJar);
    int[] ports = NetworkProcesses.freePortBases(SharedNetwork.NODES);
    Path net = directory.resolve("net");
    NetworkChain chain = new NetworkChain(node -> "127.0.0.1", node -> ports[0] + node);
    try {
      oldCli(directory, oldJar, List.of("network", "init", "--nodes", "4", "--suite", "standard",
          "--dir", net.toString(), "--rpc-base-port", String.valueOf(ports[0]),
          "--p2p-base-port", String.valueOf(ports[1])), net);
      List<String> up = new ArrayList<>(List.of("network", "up", "--dir", net.toString(), "--timeout", "120"));
      up.addAll(SharedNetwork.JVM_OPTIONS);
      oldCli(directory, oldJar, up, net);
      chain.awaitHeight(3, 0, 1, 2, 3);
      for (int node = 0; node < SharedNetwork.NODES; node++) {
        assertTrue(NetworkProcesses.commandLine(NetworkProcesses.pid(net, node)).contains(oldJar.toString()),
            "node" + node + " runs the previous release");
      }
      List<Hash> transfers = new ArrayList<>();
      transfers.add(chain.sendTransfer(0));
      chain.awaitReceipt(transfers.get(0), 0, 1, 2, 3);
      phase("four nodes of the previous release commit a transfer");

      for (int node = 0; node < SharedNetwork.NODES; node++) {
        upgrade(directory, net, chain, node, transfers);
        phase("node" + node + " runs this build and has caught up");
      }

      long head = chain.maxHeight(0, 1, 2, 3);
      chain.awaitHeight(head + 2, 0, 1, 2, 3);
      long common = chain.assertSameChain(0, 1, 2, 3);
      for (Hash transfer : transfers) {
        chain.awaitReceipt(transfer, 0, 1, 2, 3);
      }
      System.out.println("PreviousReleaseUpgradeProcessTest: one chain of " + common + " blocks on all four, "
          + transfers.size() + " transfers included");
      phase("one chain, every transfer included");

      long activation = scheduleFeatureByVote(directory, net, chain, ports[0]);
      phase("header-feature-digest scheduled by the governors' vote for height " + activation);
      chain.awaitHeight(activation + 2, 0, 1, 2, 3);
      long switched = chain.assertSameChain(0, 1, 2, 3);
      String digest = Hex.encode(CryptoSuites.standard().hash(FEATURE.getBytes(StandardCharsets.US_ASCII)));
      for (long height = 1; height <= switched; height++) {
        for (int node = 0; node < SharedNetwork.NODES; node++) {
          assertEquals(height < activation ? "0x" : digest, extraData(ports[0] + node, height),
              "extraData of block " + height + " on node" + node + " (the feature's height is " + activation + ")");
        }
      }
      phase("all four switched at block " + activation);

      cli(directory, List.of("network", "down", "--dir", net.toString(), "--node", "0"), net);
      // The node's directory: db verify finds the ledger from its config.json (OPS-92).
      CliRun.Result verify = cli(directory, List.of("db", "verify", "--data", net.resolve("node0").toString()), net);
      Matcher summary = Pattern.compile(
          "head (\\d+): \\d+ blocks, (\\d+) transactions, .* checked; 0 mismatches\\s*").matcher(verify.out());
      assertTrue(summary.matches(), "db verify of node0's ledger: " + verify.out());
      assertTrue(Long.parseLong(summary.group(1)) >= common, verify.out());
      assertTrue(Long.parseLong(summary.group(2)) >= transfers.size(), verify.out());
      phase("db verify of node0's ledger: " + verify.out().strip());
    } finally {
      NetworkProcesses.killAll(net, SharedNetwork.NODES);
    }
  }

  /**
   * Stops {@code node} (SIGTERM), checks the other three commit a transfer without it, starts it
   * with this build and waits until it has caught up and a transfer sent through it is included.
   */
  private static void upgrade(Path directory, Path net, NetworkChain chain, int node, List<Hash> transfers)
      throws Exception {
    int[] others = IntStream.range(0, SharedNetwork.NODES).filter(other -> other != node).toArray();
    long stoppedAt = chain.heightOf(node);
    cli(directory, List.of("network", "down", "--dir", net.toString(), "--node", String.valueOf(node)), net);
    Hash without = chain.sendTransfer(others[0]);
    transfers.add(without);
    long included = chain.awaitReceipt(without, others);
    assertTrue(included > stoppedAt, "the three others committed block " + included + " without node" + node);
    List<String> up = new ArrayList<>(List.of("network", "up", "--dir", net.toString(), "--timeout", "120",
        "--node", String.valueOf(node)));
    up.addAll(SharedNetwork.JVM_OPTIONS);
    cli(directory, up, net);
    String commandLine = NetworkProcesses.commandLine(NetworkProcesses.pid(net, node));
    assertTrue(commandLine.contains(System.getProperty("java.class.path")), "node" + node + " runs this build: "
        + commandLine);
    chain.awaitHeight(chain.maxHeight(others), node);
    Hash through = chain.sendTransfer(node);
    transfers.add(through);
    chain.awaitReceipt(through, 0, 1, 2, 3);
  }

  /**
   * Proposes SCHEDULE_FEATURE of {@link #FEATURE} with the CLI ({@code feature schedule}) and the
   * governors' keys {@code network init} wrote, at {@link #ACTIVATION_MARGIN_BLOCKS} above the head,
   * and has the governors vote for it until node0 reports it scheduled. Returns the height.
   */
  private static long scheduleFeatureByVote(Path directory, Path net, NetworkChain chain, int rpcPort) {
    long activation = chain.maxHeight(0, 1, 2, 3) + ACTIVATION_MARGIN_BLOCKS;
    String rpc = "http://127.0.0.1:" + rpcPort;
    CliRun.Result proposed = cli(directory, List.of("feature", "schedule", FEATURE, "--activation-height",
        String.valueOf(activation), "--rpc", rpc, "--key", governorKey(net, 1)), net);
    Matcher id = Pattern.compile("Proposal (\\d+) \\(SCHEDULE_FEATURE\\)").matcher(proposed.out());
    assertTrue(id.find(), proposed.out());
    int votes = 0;
    while (votes < SharedNetwork.NODES && scheduled(rpcPort).isEmpty()) {
      votes++;
      cli(directory, List.of("gov", "vote", id.group(1), "for", "--rpc", rpc, "--key", governorKey(net, votes)), net);
    }
    System.out.println("PreviousReleaseUpgradeProcessTest: proposal " + id.group(1) + " executed after " + votes
        + " governors' votes");
    assertEquals("[{\"name\":\"" + FEATURE + "\",\"activationHeight\":\"0x" + Long.toHexString(activation)
        + "\",\"active\":false,\"known\":true}]", scheduled(rpcPort), "the features node0 reports");
    assertTrue(chain.maxHeight(0, 1, 2, 3) < activation - 1, "the vote passed before height " + activation);
    return activation;
  }

  private static String governorKey(Path net, int organisation) {
    return net.resolve("governors").resolve("org" + organisation + ".key.pem").toString();
  }

  /** The features node on {@code port} reports scheduled, as JSON; "" when none is. */
  private static String scheduled(int port) {
    JsonNode features = NetworkProcesses.call(port, "xinlian_getProtocolFeatures").orElseThrow()
        .path("result").path("features");
    return features.isArray() && !features.isEmpty() ? features.toString() : "";
  }

  private static String extraData(int port, long height) {
    return NetworkProcesses.call(port, "eth_getBlockByNumber", "0x" + Long.toHexString(height), false)
        .orElseThrow().path("result").path("extraData").asText();
  }

  /** The previous release's CLI in its own JVM; fails with its output and the nodes' logs unless it exits 0. */
  private static void oldCli(Path directory, Path jar, List<String> args, Path net) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1",
        "-XX:+UseSerialGC", "-jar", jar.toString()));
    command.addAll(args);
    Path out = Files.createTempFile(directory, "old-cli", ".out");
    Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
        .redirectOutput(out.toFile()).start();
    process.getOutputStream().close();
    boolean exited = process.waitFor(NetworkProcesses.CHILD_CLI_MAX.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
    if (!exited) {
      process.destroyForcibly().waitFor();
    }
    assertTrue(exited && process.exitValue() == 0, "previous release: xinlian " + args + " failed:\n"
        + Files.readString(out) + logs(net));
  }

  private static CliRun.Result cli(Path directory, List<String> args, Path net) {
    CliRun.Result result = new CliRun(directory).withoutTerminal().withSystemClock().run(args.toArray(String[]::new));
    assertEquals(0, result.exitCode(), "xinlian " + args + ":\n" + result.out() + result.err() + logs(net));
    return result;
  }

  private static String logs(Path net) {
    StringBuilder logs = new StringBuilder();
    for (int node = 0; node < SharedNetwork.NODES; node++) {
      if (Files.isDirectory(net.resolve("node" + node))) {
        logs.append("\n--- node").append(node).append(" ---\n").append(NetworkProcesses.log(net, node));
      }
    }
    return logs.toString();
  }

  private void phase(String what) {
    System.out.printf("PreviousReleaseUpgradeProcessTest: %5.1f s  %s%n", (System.nanoTime() - started) / 1e9, what);
  }
}

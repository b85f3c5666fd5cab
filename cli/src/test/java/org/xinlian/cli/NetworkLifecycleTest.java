package org.xinlian.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xinlian.cli.NetworkProcesses.alive;
import static org.xinlian.cli.NetworkProcesses.pid;
import static org.xinlian.cli.NetworkProcesses.pidFile;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code xinlian network up|down|status} with real node processes (issue 6, item 6): {@code up}
 * from a CLI process that then exits leaves the nodes running; {@code status} tells running from
 * killed; {@code up} restarts only the killed node; {@code down} stops them all; stale pid files,
 * including one naming a live process that is not the node, are never signalled; a taken port and
 * a node that cannot start are reported as one error line (docs/spec/local-network.md LOCALNET-3 to
 * LOCALNET-6).
 */
class NetworkLifecycleTest {
  private static final int NODES = 2;
  private static final Pattern STATUS_LINE = Pattern.compile(
      "node(\\d+)  (running|stopped)(?:  pid (\\d+))?  http://127\\.0\\.0\\.1:(\\d+)(?:  height (\\d+))?.*");

  @TempDir Path directory;
  private Path net;

  @AfterEach
  void noNodeOutlivesTheTest() {
    if (net != null) {
      NetworkProcesses.killAll(net, NODES);
    }
  }

  private CliRun.Result cli(String... args) {
    return new CliRun(directory).withoutTerminal().withSystemClock().run(args);
  }

  private List<String> upArguments(String... extra) {
    List<String> args = new ArrayList<>(List.of("network", "up", "--dir", net.toString()));
    args.addAll(NetworkProcesses.NODE_JVM_OPTIONS);
    args.addAll(List.of(extra));
    return args;
  }

  /** The status lines by node: state, pid (0 when none), RPC port, height (-1 when none). */
  private record NodeStatus(String state, long pid, int port, long height, String line) {}

  private List<NodeStatus> status() {
    CliRun.Result result = cli("network", "status", "--dir", net.toString());
    assertEquals(0, result.exitCode(), result.err());
    List<NodeStatus> nodes = new ArrayList<>();
    for (String line : result.out().lines().skip(1).toList()) {
      Matcher matcher = STATUS_LINE.matcher(line);
      assertTrue(matcher.matches(), "status line: " + line);
      assertEquals(nodes.size(), Integer.parseInt(matcher.group(1)));
      nodes.add(new NodeStatus(matcher.group(2), matcher.group(3) == null ? 0 : Long.parseLong(matcher.group(3)),
          Integer.parseInt(matcher.group(4)), matcher.group(5) == null ? -1 : Long.parseLong(matcher.group(5)), line));
    }
    assertEquals(NODES, nodes.size(), result.out());
    return nodes;
  }

  @Test
  void upStatusKillRestartAndDown() throws Exception {
    int[] ports = NetworkProcesses.freePortBases(NODES);
    net = directory.resolve("net");
    CliRun.Result init = cli("network", "init", "--nodes", String.valueOf(NODES), "--dir", net.toString(),
        "--rpc-base-port", String.valueOf(ports[0]), "--p2p-base-port", String.valueOf(ports[1]));
    assertEquals(0, init.exitCode(), init.err());
    NetworkProcesses.withoutConsensus(net, NODES);

    // up from a CLI process of its own, which exits: the nodes outlive it.
    NetworkProcesses.ChildResult up = NetworkProcesses.runChildCli(directory, upArguments());
    assertEquals(0, up.exitCode(), up.out() + up.err() + NetworkProcesses.log(net, 0) + NetworkProcesses.log(net, 1));
    long[] pids = new long[NODES];
    for (int i = 0; i < NODES; i++) {
      assertTrue(up.out().contains("node" + i + " started (pid "), up.out());
      pids[i] = pid(net, i);
      assertTrue(alive(pids[i]), "node" + i + " runs after the CLI that started it exited");
      String commandLine = NetworkProcesses.commandLine(pids[i]);
      assertTrue(commandLine.endsWith(" node --config " + net.resolve("node" + i + "/config.json")), commandLine);
    }
    List<NodeStatus> running = status();
    for (int i = 0; i < NODES; i++) {
      assertEquals("running", running.get(i).state(), running.get(i).line());
      assertEquals(pids[i], running.get(i).pid());
      assertEquals(ports[0] + i, running.get(i).port());
      assertTrue(running.get(i).height() >= 0, running.get(i).line());
    }

    // kill -9 node1: status sees it stopped; up restarts it alone, on its ledger.
    NetworkProcesses.await(java.time.Duration.ofSeconds(30),
        () -> NetworkProcesses.height(ports[0] + 1).orElse(0) >= 1, "node1 to make a block");
    long heightBeforeKill = NetworkProcesses.height(ports[0] + 1).orElseThrow();
    NetworkProcesses.killHard(pids[1]);
    List<NodeStatus> afterKill = status();
    assertEquals("running", afterKill.get(0).state());
    assertEquals("stopped", afterKill.get(1).state());
    assertTrue(afterKill.get(1).line().contains("stale pid file"), afterKill.get(1).line());

    CliRun.Result restart = cli(upArguments().toArray(String[]::new));
    assertEquals(0, restart.exitCode(), restart.err() + NetworkProcesses.log(net, 1));
    assertTrue(restart.out().contains("node0 already running (pid " + pids[0] + ")"), restart.out());
    assertTrue(restart.out().contains("node1 started"), restart.out());
    long restarted = pid(net, 1);
    assertNotEquals(pids[1], restarted);
    assertEquals(pids[0], pid(net, 0), "a running node is left alone");
    assertTrue(NetworkProcesses.height(ports[0] + 1).orElseThrow() >= heightBeforeKill, "node1 kept its ledger");
    assertTrue(Files.readString(net.resolve("node1/node.log")).split("xinlian network up: starting node1").length > 2,
        "the log keeps the first run and marks the restart");

    // down: SIGTERM, pid files removed, processes gone.
    CliRun.Result down = cli("network", "down", "--dir", net.toString());
    assertEquals(0, down.exitCode(), down.err());
    assertTrue(down.out().contains("node0 stopped (pid " + pids[0] + ")"), down.out());
    assertTrue(down.out().contains("node1 stopped (pid " + restarted + ")"), down.out());
    for (int i = 0; i < NODES; i++) {
      assertFalse(Files.exists(pidFile(net, i)));
      assertEquals("stopped", status().get(i).state());
    }
    assertFalse(alive(pids[0]));
    assertFalse(alive(restarted));
    assertTrue(Files.readString(net.resolve("node0/node.log")).contains("Listening on 127.0.0.1:" + ports[0]));

    // A pid file naming a live process that is not the node (here: this test's JVM) is stale.
    long self = ProcessHandle.current().pid();
    Files.writeString(pidFile(net, 0), self + "\n");
    NodeStatus impostor = status().get(0);
    assertEquals("stopped", impostor.state());
    assertTrue(impostor.line().contains("process " + self + " is not running this node"), impostor.line());
    CliRun.Result downAgain = cli("network", "down", "--dir", net.toString());
    assertEquals(0, downAgain.exitCode(), downAgain.err());
    assertTrue(downAgain.out().contains("node0 not running (stale pid file removed)"), downAgain.out());
    assertTrue(downAgain.out().contains("node1 not running"), downAgain.out());
    assertFalse(Files.exists(pidFile(net, 0)));
  }

  @Test
  void takenPortAndFailingNodeAreOneErrorLine() throws Exception {
    int[] ports = NetworkProcesses.freePortBases(NODES);
    net = directory.resolve("net");
    assertEquals(0, cli("network", "init", "--nodes", String.valueOf(NODES), "--dir", net.toString(),
        "--rpc-base-port", String.valueOf(ports[0]), "--p2p-base-port", String.valueOf(ports[1])).exitCode());
    NetworkProcesses.withoutConsensus(net, NODES);

    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress("127.0.0.1", ports[0] + 1));
      CliRun.Result refused = cli(upArguments().toArray(String[]::new));
      assertEquals(1, refused.exitCode(), refused.out() + refused.err());
      assertEquals(1, refused.errLines().size(), refused.err());
      assertTrue(refused.err().startsWith("error: node1: JSON-RPC address 127.0.0.1:" + (ports[0] + 1)
          + " is in use by another process"), refused.err());
      for (int i = 0; i < NODES; i++) {
        assertFalse(Files.exists(pidFile(net, i)), "nothing starts when a port is taken");
      }
    }

    // A node that cannot start: its last log line explains why, in the one error line.
    Path config = net.resolve("node1/config.json");
    ObjectMapper json = new ObjectMapper();
    ObjectNode root = (ObjectNode) json.readTree(config.toFile());
    root.put("genesisFile", "../missing-genesis.json");
    Files.writeString(config, json.writeValueAsString(root));
    CliRun.Result failed = cli(upArguments().toArray(String[]::new));
    assertEquals(1, failed.exitCode(), failed.out() + failed.err());
    assertEquals(1, failed.errLines().size(), failed.err());
    assertTrue(failed.err().startsWith("error: node1 exited with code 1 before answering JSON-RPC: 'error: "),
        failed.err());
    assertTrue(failed.err().contains("missing-genesis.json"), failed.err());
    assertTrue(failed.err().contains(net.resolve("node1/node.log").toString()), failed.err());
    assertTrue(failed.out().contains("node0 started"), failed.out());
    assertFalse(Files.exists(pidFile(net, 1)), "the pid file of a node that exited is removed");

    CliRun.Result badNode = cli("network", "down", "--dir", net.toString(), "--node", "5");
    assertEquals(1, badNode.exitCode());
    assertTrue(badNode.err().contains("--node: the network in " + net + " has nodes 0 to 1, got 5"), badNode.err());
    CliRun.Result downOne = cli("network", "down", "--dir", net.toString(), "--node", "0");
    assertEquals(0, downOne.exitCode(), downOne.err());
    assertTrue(downOne.out().startsWith("node0 stopped"), downOne.out());

    CliRun.Result noNetwork = cli("network", "status", "--dir", directory.toString());
    assertEquals(1, noNetwork.exitCode());
    assertTrue(noNetwork.err().contains("holds no network"), noNetwork.err());
  }

  /** LOCALNET-7: the README's one command creates the network once, then only starts its nodes. */
  @Test
  void startCreatesTheNetworkOnceThenOnlyStartsIt() throws Exception {
    int[] ports = NetworkProcesses.freePortBases(1);
    net = directory.resolve("net");
    List<String> start = new ArrayList<>(List.of("network", "start", "--dir", net.toString(), "--nodes", "1",
        "--rpc-base-port", String.valueOf(ports[0]), "--p2p-base-port", String.valueOf(ports[1])));
    start.addAll(NetworkProcesses.NODE_JVM_OPTIONS);
    CliRun.Result first = cli(start.toArray(String[]::new));
    assertEquals(0, first.exitCode(), first.err() + NetworkProcesses.log(net, 0));
    assertTrue(first.out().startsWith("Created a network of 1 node in " + net), first.out());
    assertTrue(first.out().contains("node0 started (pid " + pid(net, 0) + "), JSON-RPC http://127.0.0.1:" + ports[0]),
        first.out());
    byte[] genesis = Files.readAllBytes(net.resolve("genesis.json"));

    CliRun.Result again = cli(start.toArray(String[]::new));
    assertEquals(0, again.exitCode(), again.err());
    assertTrue(again.out().startsWith("Network in " + net + " exists"), again.out());
    assertTrue(again.out().contains("node0 already running (pid " + pid(net, 0) + ")"), again.out());
    assertTrue(java.util.Arrays.equals(genesis, Files.readAllBytes(net.resolve("genesis.json"))), "not re-created");
    assertEquals(0, cli("network", "down", "--dir", net.toString()).exitCode());
  }
}

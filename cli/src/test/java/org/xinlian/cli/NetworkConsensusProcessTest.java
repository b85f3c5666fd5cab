package org.xinlian.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xinlian.common.Hash;

/**
 * Issue 6, item 7: four validator processes made by {@code network init} and run by {@code network
 * up}, attacked with {@code kill -9}. One node down (f = 1 of n = 4): the chain keeps finalising
 * blocks and transactions; restarted, the node catches up. Two down: no quorum, so the chain
 * halts (no block, a sent transfer stays unreceipted) without forking, and resumes when one
 * returns. Throughout, every node reports the same block hash at every height
 * (docs/spec/local-network.md LOCALNET-8).
 */
class NetworkConsensusProcessTest {
  private static final int NODES = 4;
  /** Long enough for every block in flight when two nodes died to be committed or abandoned. */
  private static final Duration HALT_SETTLE = Duration.ofSeconds(8);
  /** Several round timeouts (2 s, growing) in which a quorum-less network must make no block. */
  private static final Duration HALT_OBSERVATION = Duration.ofSeconds(12);

  @TempDir Path directory;
  private Path net;

  @AfterEach
  void noNodeOutlivesTheTest() {
    if (net != null) {
      NetworkProcesses.killAll(net, NODES);
    }
  }

  private CliRun.Result cli(List<String> args) {
    return new CliRun(directory).withoutTerminal().withSystemClock().run(args.toArray(String[]::new));
  }

  private void up(String... nodes) {
    List<String> args = new ArrayList<>(List.of("network", "up", "--dir", net.toString(), "--timeout", "120"));
    args.addAll(NetworkProcesses.NODE_JVM_OPTIONS);
    for (String node : nodes) {
      args.addAll(List.of("--node", node));
    }
    CliRun.Result result = cli(args);
    StringBuilder logs = new StringBuilder();
    for (int i = 0; i < NODES; i++) {
      logs.append("\n--- node").append(i).append(" log ---\n").append(NetworkProcesses.log(net, i));
    }
    assertEquals(0, result.exitCode(), result.out() + result.err() + logs);
  }

  private static void pause(Duration duration) throws InterruptedException {
    Thread.sleep(duration.toMillis());
  }

  @Test
  void chainSurvivesOneCrashHaltsWithoutForkOnTwoAndResumes() throws Exception {
    int[] ports = NetworkProcesses.freePortBases(NODES);
    net = directory.resolve("net");
    CliRun.Result init = cli(List.of("network", "init", "--nodes", "4", "--suite", "standard", "--dir", net.toString(),
        "--rpc-base-port", String.valueOf(ports[0]), "--p2p-base-port", String.valueOf(ports[1])));
    assertEquals(0, init.exitCode(), init.err());
    NetworkChain chain = new NetworkChain(node -> "127.0.0.1", node -> ports[0] + node);

    up();
    chain.awaitHeight(3, 0, 1, 2, 3);
    Hash first = chain.sendTransfer(0);
    chain.awaitReceipt(first, 0, 1, 2, 3);
    chain.assertSameChain(0, 1, 2, 3);

    // kill -9 one validator: three of four are a quorum, so blocks and transfers keep finalising.
    NetworkProcesses.killHard(NetworkProcesses.pid(net, 3));
    long atCrash = chain.maxHeight(0, 1, 2);
    chain.awaitHeight(atCrash + 3, 0, 1, 2);
    Hash duringCrash = chain.sendTransfer(1);
    chain.awaitReceipt(duringCrash, 0, 1, 2);
    chain.assertSameChain(0, 1, 2);

    // Restarted, it fetches the blocks it missed (certificates verified, re-executed) and rejoins.
    up("3");
    long target = chain.maxHeight(0, 1, 2);
    chain.awaitHeight(target, 3);
    chain.awaitReceipt(duringCrash, 3);
    chain.assertSameChain(0, 1, 2, 3);

    // kill -9 two: no quorum. Nothing is finalised, and what was final stays identical.
    NetworkProcesses.killHard(NetworkProcesses.pid(net, 2));
    NetworkProcesses.killHard(NetworkProcesses.pid(net, 3));
    pause(HALT_SETTLE);
    long halted = chain.maxHeight(0, 1);
    Hash duringHalt = chain.sendTransfer(0);
    pause(HALT_OBSERVATION);
    assertEquals(halted, chain.maxHeight(0, 1), "two of four validators finalised a block");
    assertTrue(chain.receiptBlock(0, duringHalt).isEmpty(), "a transfer was finalised without a quorum");
    chain.assertSameChain(0, 1);

    // One returns: a quorum again, the chain resumes and the waiting transfer is finalised.
    up("2");
    chain.awaitHeight(halted + 3, 0, 1, 2);
    long included = chain.awaitReceipt(duringHalt, 0, 1, 2);
    assertTrue(included > halted, "the transfer sent during the halt is in a later block");

    up();
    chain.awaitHeight(chain.maxHeight(0, 1, 2), 3);
    long common = chain.assertSameChain(0, 1, 2, 3);
    System.out.println("NetworkConsensusProcessTest: 4 node processes, one then two killed with SIGKILL; "
        + "the same block hash on every node at each of the " + (common + 1) + " heights 0.." + common);

    CliRun.Result down = cli(List.of("network", "down", "--dir", net.toString()));
    assertEquals(0, down.exitCode(), down.err());
  }
}

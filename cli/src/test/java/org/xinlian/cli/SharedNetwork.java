package org.xinlian.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A network of four validators made by {@code network init} and run by {@code network up}, which
 * the tests of one class share (docs/spec/local-network.md LOCALNET-10). The node JVMs get the
 * optimising compiler: the attacks are CPU-bound, as in production.
 */
final class SharedNetwork implements AutoCloseable {
  static final int NODES = 4;
  static final List<String> JVM_OPTIONS = List.of(
      "--jvm-option", "-Xmx384m", "--jvm-option", "-XX:+UseSerialGC",
      "--jvm-option", "-XX:ActiveProcessorCount=2");

  final Path directory;
  final Path net;
  final int[] ports;
  final NetworkChain chain;

  private SharedNetwork(Path directory) {
    this.directory = directory;
    this.ports = NetworkProcesses.freePortBases(NODES);
    this.net = directory.resolve("net");
    this.chain = new NetworkChain(node -> "127.0.0.1", node -> ports[0] + node);
  }

  /** Initialises and starts the network in {@code directory}, and waits for height 3 on every node. */
  static SharedNetwork start(Path directory) {
    return start(directory, net -> { });
  }

  /** As {@link #start(Path)}, letting {@code configure} change the files {@code init} wrote first. */
  static SharedNetwork start(Path directory, Consumer<Path> configure) {
    SharedNetwork network = new SharedNetwork(directory);
    CliRun.Result init = network.cli(List.of("network", "init", "--nodes", "4", "--suite", "standard",
        "--dir", network.net.toString(), "--rpc-base-port", String.valueOf(network.ports[0]),
        "--p2p-base-port", String.valueOf(network.ports[1])));
    assertEquals(0, init.exitCode(), init.err());
    configure.accept(network.net);
    network.up();
    network.chain.awaitHeight(3, 0, 1, 2, 3);
    return network;
  }

  /** Starts the nodes named (all when none is) that are not running. */
  void up(int... nodes) {
    List<String> up = new ArrayList<>(List.of("network", "up", "--dir", net.toString(), "--timeout", "120"));
    up.addAll(JVM_OPTIONS);
    for (int node : nodes) {
      up.addAll(List.of("--node", String.valueOf(node)));
    }
    CliRun.Result started = cli(up);
    assertEquals(0, started.exitCode(), started.out() + started.err() + logs());
  }

  int rpcPort(int node) {
    return ports[0] + node;
  }

  int p2pPort(int node) {
    return ports[1] + node;
  }

  CliRun.Result cli(List<String> args) {
    return new CliRun(directory).withoutTerminal().withSystemClock().run(args.toArray(String[]::new));
  }

  String logs() {
    StringBuilder logs = new StringBuilder();
    for (int i = 0; i < NODES; i++) {
      logs.append("\n--- node").append(i).append(" ---\n").append(NetworkProcesses.log(net, i));
    }
    return logs.toString();
  }

  @Override
  public void close() {
    NetworkProcesses.killAll(net, NODES);
  }
}

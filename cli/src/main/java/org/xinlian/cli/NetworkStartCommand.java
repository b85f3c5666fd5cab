package org.xinlian.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.xinlian.cli.network.NetworkInit;
import org.xinlian.cli.network.NetworkLayout;
import org.xinlian.cli.network.NetworkSpec;
import org.xinlian.crypto.CryptoSuites;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code xinlian network start}: the README's one command. The first run creates the network, and
 * every run starts whichever nodes are not running, so it is also how a stopped network resumes.
 */
@Command(
    name = "start",
    mixinStandardHelpOptions = true,
    description = {
      "Create a network in DIR when it holds none (as 'network init' with the defaults: 4 validators "
          + "and no observer, one organisation per node, chain id 31337, JSON-RPC on 127.0.0.1:8545..8548, the development accounts funded), then "
          + "start every node, observers included, that is not running (as 'network up')."
    })
final class NetworkStartCommand implements Callable<Integer> {
  private final CliEnvironment environment;

  @Option(names = "--dir", paramLabel = "DIR", defaultValue = "xinlian-net",
      description = "The network directory (default: ${DEFAULT-VALUE}).")
  Path directory;

  @Option(names = {"--validators", "--nodes"}, paramLabel = "N", defaultValue = "4",
      description = "Validator nodes of a new network (default: ${DEFAULT-VALUE}).")
  int validators;

  @Option(names = "--observers", paramLabel = "M", defaultValue = "0",
      description = "Observer nodes of a new network (default: ${DEFAULT-VALUE}).")
  int observers;

  @Option(names = "--governance", negatable = true, defaultValue = NetworkSpec.GOVERNANCE_DEFAULT,
      fallbackValue = "true",
      description = "A new network's genesis carries the consortium's governance section (default: ${DEFAULT-VALUE}).")
  boolean governance;

  @Option(names = "--suite", paramLabel = "SUITE", defaultValue = CryptoSuites.STANDARD,
      converter = SuiteNameConverter.class,
      description = "Suite of a new network: standard or gm (default: ${DEFAULT-VALUE}).")
  String suite;

  @Option(names = "--rpc-base-port", paramLabel = "PORT", defaultValue = "8545",
      description = "JSON-RPC port of node 0 of a new network; node i uses PORT + i (default: ${DEFAULT-VALUE}).")
  int rpcBasePort;

  @Option(names = "--p2p-base-port", paramLabel = "PORT", defaultValue = "30300",
      description = "P2P port of node 0 of a new network; node i uses PORT + i (default: ${DEFAULT-VALUE}).")
  int p2pBasePort;

  @Mixin
  NodeStartOptions start = new NodeStartOptions();

  NetworkStartCommand(CliEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() throws IOException {
    NetworkLayout layout = new NetworkLayout(environment.resolve(directory));
    if (!Files.isRegularFile(layout.configFile(0))) {
      NetworkSpec spec = new NetworkSpec(validators, observers, validators + observers, suite,
          NetworkSpec.CHAIN_ID_DEFAULT, rpcBasePort, p2pBasePort, true, governance);
      NetworkInit.Summary summary = NetworkInit.create(layout.directory(), spec, false,
          Instant.ofEpochMilli(environment.clock().currentTimeMillis()), environment.random());
      NetworkInitCommand.print(summary, environment.out());
      environment.out().println();
    } else {
      environment.out().println("Network in " + layout.directory() + " exists; starting the nodes that are not running.");
    }
    int exitCode = NetworkCommand.up(environment, layout.directory(), List.of(), start.timeoutSeconds, start.jvmOptions);
    environment.out().println();
    environment.out().println("Status: xinlian network status --dir " + layout.directory()
        + "   Stop: xinlian network down --dir " + layout.directory());
    return exitCode;
  }
}

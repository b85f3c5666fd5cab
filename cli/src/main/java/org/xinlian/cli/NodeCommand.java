package org.xinlian.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.xinlian.node.NodeConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code xinlian node}: a node from a configuration file (docs/spec/node.md NODE-1). */
@Command(
    name = "node",
    mixinStandardHelpOptions = true,
    description = {
      "Start a node from a JSON configuration file (see docs/spec/node.md): the data directory, "
          + "the genesis file, JSON-RPC, pool limits, state retention and block production. "
          + "Ctrl-C stops it cleanly."
    })
final class NodeCommand implements Callable<Integer> {
  private final CliEnvironment environment;

  @Option(names = "--config", required = true, paramLabel = "FILE", description = "The node configuration.")
  Path configFile;

  NodeCommand(CliEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() {
    NodeConfig config = NodeConfig.load(environment.resolve(configFile));
    return NodeRunner.run(environment, config, (node, out) -> out.println("Chain ID " + node.genesis().chainId()
        + ", block " + node.head().number() + ", data directory " + config.dataDirectory()));
  }
}

package org.xinlian.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.xinlian.node.NodeConfig;
import org.xinlian.node.NodeConfigCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code xinlian node}: a node from a configuration file (docs/spec/node.md NODE-1). */
@Command(
    name = "node",
    mixinStandardHelpOptions = true,
    description = {
      "Start a node from a JSON configuration file (see docs/spec/node.md): the data directory, "
          + "the genesis file, JSON-RPC, pool limits, state retention and block production. "
          + "Ctrl-C stops it cleanly.",
      "",
      "On a permissioned chain, 'add-validator', 'add-observer' and 'remove' propose node changes "
          + "(docs/spec/governance.md GOV-14)."
    },
    subcommands = {NodeGovernanceCommands.AddValidator.class, NodeGovernanceCommands.AddObserver.class,
        NodeGovernanceCommands.Remove.class})
final class NodeCommand implements Callable<Integer> {
  private final CliEnvironment environment;

  // Not required by picocli: the subcommands run without it, and picocli would demand it of them too.
  @Option(names = "--config", paramLabel = "FILE", description = "The node configuration (required to start one).")
  Path configFile;

  @Option(names = "--check-config",
      description = "Check the configuration and the files it names (genesis, keys, certificates, "
          + "data and log directories) without starting: prints 'config ok' and exits 0, or names "
          + "every problem by its field and exits 1.")
  boolean checkConfig;

  @Option(names = "--ask-passphrase",
      description = "Ask on the terminal for the passphrase of the encrypted node and transport "
          + "keys, instead of the config's keys.passphraseFile or keys.passphraseEnv.")
  boolean askPassphrase;

  NodeCommand(CliEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() {
    if (configFile == null) {
      throw new UserException("--config: required to start a node (see 'xinlian node --help')");
    }
    if (checkConfig) {
      return check(environment.resolve(configFile));
    }
    NodeConfig loaded = NodeConfig.load(environment.resolve(configFile));
    NodeConfig config = askPassphrase
        ? loaded.withKeys(loaded.keys().withPrompt(prompt -> environment.terminal().readPassword(prompt)))
        : loaded;
    return NodeRunner.run(environment, config, (node, out) -> out.println("Chain ID " + node.genesis().chainId()
        + ", block " + node.head().number() + ", data directory " + config.dataDirectory()));
  }

  /** OPS-45: every problem on standard error, one a line, or "config ok" on standard output. */
  private int check(Path file) {
    List<String> problems = NodeConfigCheck.problems(file);
    if (problems.isEmpty()) {
      environment.out().println("config ok: " + file);
      return 0;
    }
    for (String problem : problems) {
      environment.err().println("error: " + problem);
    }
    environment.err().println(file + ": " + problems.size() + (problems.size() == 1 ? " problem" : " problems"));
    return Main.EXIT_USER_ERROR;
  }
}

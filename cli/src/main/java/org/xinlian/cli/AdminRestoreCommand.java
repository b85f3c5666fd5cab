package org.xinlian.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.xinlian.execution.genesis.GenesisConfig;
import org.xinlian.node.NodeConfig;
import org.xinlian.node.backup.LedgerBackups;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code xinlian admin restore}: a node's data directory from a backup (OPS-75). */
@Command(
    name = "restore",
    mixinStandardHelpOptions = true,
    description = {
      "Bring a stopped node's data directory back from a backup made by 'xinlian admin backup'. "
          + "The node, started again, catches up from its peers.",
      "",
      "Refuses a backup of another chain than the node's genesis file, and a data directory that "
          + "holds anything unless --force is given. The backup is copied beside the data "
          + "directory, checked, and renamed into place, so an interrupted restore leaves the old "
          + "data directory (or none) and can simply be run again."
    })
final class AdminRestoreCommand implements Callable<Integer> {
  private final CliEnvironment environment;

  @Option(names = "--from", required = true, paramLabel = "DIR", description = "The backup directory.")
  Path from;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Target target;

  @Option(names = "--force", description = "Replace a data directory that is not empty.")
  boolean force;

  /** The node: its configuration file, or its data directory and genesis file. */
  static final class Target {
    @Option(names = "--config", paramLabel = "FILE", required = true,
        description = "The node's configuration file: its dataDirectory and genesisFile.")
    Path config;

    @ArgGroup(exclusive = false)
    Explicit explicit;
  }

  static final class Explicit {
    @Option(names = "--data-dir", required = true, paramLabel = "DIR", description = "The node's data directory.")
    Path dataDirectory;

    @Option(names = "--genesis", required = true, paramLabel = "FILE",
        description = "The node's genesis file: the backup must be of its chain.")
    Path genesis;
  }

  AdminRestoreCommand(CliEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() throws Exception {
    Path dataDirectory;
    Path genesisFile;
    if (target.config != null) {
      NodeConfig config = NodeConfig.load(environment.resolve(target.config));
      dataDirectory = config.dataDirectory();
      genesisFile = config.genesisFile();
    } else {
      dataDirectory = environment.resolve(target.explicit.dataDirectory);
      genesisFile = environment.resolve(target.explicit.genesis);
    }
    GenesisConfig genesis;
    try {
      genesis = GenesisConfig.load(genesisFile);
    } catch (IllegalArgumentException e) {
      throw new UserException("genesis file " + genesisFile + ": " + e.getMessage());
    }
    LedgerBackups.RestoreResult result =
        LedgerBackups.restore(environment.resolve(from), dataDirectory, genesis, force);
    environment.out().println("restored " + result.dataDirectory() + " to block " + result.manifest().height()
        + " " + result.manifest().headHash() + (result.replaced() ? " (its former contents were replaced)" : ""));
    environment.out().println("start the node: it catches up from its peers");
    return 0;
  }
}

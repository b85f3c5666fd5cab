package org.xinlian.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code xinlian db}: tools over a node's ledger directory. */
@Command(
    name = "db",
    mixinStandardHelpOptions = true,
    description = "Check, export, import and prove from a node's ledger directory (the node must "
        + "be stopped).",
    subcommands = {CommandLine.HelpCommand.class, DbVerifyCommand.class, DbSnapshotCommand.class,
      DbProofCommand.class, DbMigrateCommand.class})
final class DbCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}

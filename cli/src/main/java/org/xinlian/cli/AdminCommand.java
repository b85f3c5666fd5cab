package org.xinlian.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code xinlian admin}: a running node's administration (docs/ops/backup.md). */
@Command(
    name = "admin",
    mixinStandardHelpOptions = true,
    description = "Back up a running node's ledger and restore a node's data directory from a backup.",
    subcommands = {CommandLine.HelpCommand.class, AdminBackupCommand.class, AdminRestoreCommand.class})
final class AdminCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}

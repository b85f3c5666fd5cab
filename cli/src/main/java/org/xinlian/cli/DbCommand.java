package org.xinlian.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code xinlian db}: the ledger store on disk. */
@Command(
    name = "db",
    mixinStandardHelpOptions = true,
    description = "Inspect and check a node's ledger store.",
    subcommands = {CommandLine.HelpCommand.class, DbVerifyCommand.class})
final class DbCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}

package org.xinlian.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code xinlian tx}: transactions. */
@Command(
    name = "tx",
    mixinStandardHelpOptions = true,
    description = "Inspect transactions.",
    subcommands = {CommandLine.HelpCommand.class, TxDecodeCommand.class})
final class TxCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}

package org.xinlian.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code xinlian evm}: the virtual machine. */
@Command(
    name = "evm",
    mixinStandardHelpOptions = true,
    description = "Check the EVM against the Ethereum conformance tests.",
    subcommands = {CommandLine.HelpCommand.class, EvmStateTestCommand.class})
final class EvmCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}

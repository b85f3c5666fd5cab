package org.xinlian.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code xinlian validators}: change a network's validator set (docs/adr/0009). */
@Command(
    name = "validators",
    mixinStandardHelpOptions = true,
    description = {
      "Change a BFT network's validator set with a transaction signed by more than two thirds of "
          + "the current validators (docs/adr/0009).",
      "",
      "1. 'propose' writes an update file: the new set, its epoch and activation height, read "
          + "from a node.",
      "2. Each validator runs 'sign' on the file with its node key.",
      "3. 'submit' sends it to the governance contract and waits for the receipt."
    },
    subcommands = {CommandLine.HelpCommand.class, ValidatorsProposeCommand.class,
        ValidatorsSignCommand.class, ValidatorsSubmitCommand.class})
final class ValidatorsCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}

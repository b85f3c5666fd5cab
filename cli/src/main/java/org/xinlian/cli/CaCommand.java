package org.xinlian.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code xinlian ca}: an organisation's certificate authority work, done offline. */
@Command(
    name = "ca",
    mixinStandardHelpOptions = true,
    description = {
      "Certificate authority operations of an organisation (docs/ops/keys.md).",
      "",
      "Run them where the organisation keeps its CA keys (network init writes them to ca-keys/), "
          + "then copy the output to the nodes."
    },
    subcommands = {CommandLine.HelpCommand.class, CaRevokeCommand.class})
final class CaCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}

package org.xinlian.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code xinlian proof}: account and storage proofs, checked without a node. */
@Command(
    name = "proof",
    mixinStandardHelpOptions = true,
    description = "Check eth_getProof answers against a state root, with no node and no store.",
    subcommands = {CommandLine.HelpCommand.class, ProofVerifyCommand.class})
final class ProofCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}

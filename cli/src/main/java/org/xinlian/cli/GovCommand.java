package org.xinlian.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code xinlian gov}: consortium governance proposals and votes (docs/spec/governance.md GOV-18). */
@Command(
    name = "gov",
    mixinStandardHelpOptions = true,
    description = {
      "Propose, vote on and inspect governance proposals of a permissioned chain (docs/adr/0013).",
      "",
      "Every transaction is first simulated on the node: a proposal or vote the governance "
          + "contract would refuse is reported with its reason and not sent.",
      "Offline votes: 'gov show ID --out p.json' on a networked machine, 'gov sign ID --proposal "
          + "p.json --choice for --key governor.pem --out v1.json' on the governor's, then 'gov submit "
          + "v1.json v2.json' from any admitted account."
    },
    subcommands = {CommandLine.HelpCommand.class, GovProposeCommand.class, GovVoteCommand.class,
        GovSignCommand.class, GovSubmitCommand.class, GovShowCommand.class, GovListCommand.class})
final class GovCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}

package org.xinlian.cli;

import java.util.Map;
import org.xinlian.execution.governance.ProposalKind;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code xinlian contract}: proposals about a contract's lifecycle (GOV-12, GOV-13, GOV-18). */
@Command(
    name = "contract",
    mixinStandardHelpOptions = true,
    description = {
      "Propose freezing, unfreezing or abolishing a contract, or upgrading a governed proxy "
          + "(contracts/GovernedProxy.sol) to a new implementation; deploy such a proxy."
    },
    subcommands = {CommandLine.HelpCommand.class, ContractCommand.Freeze.class, ContractCommand.Unfreeze.class,
        ContractCommand.Abolish.class, ContractCommand.Upgrade.class, ContractDeployProxyCommand.class})
final class ContractCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "freeze", mixinStandardHelpOptions = true,
      description = "Propose FREEZE_CONTRACT: transactions to it revert until unfrozen; eth_call still reads it.")
  static final class Freeze extends AccountCommand.StatusChange {
    Freeze(CliEnvironment environment) {
      super(environment);
    }

    @Override
    ProposalKind kind() {
      return ProposalKind.FREEZE_CONTRACT;
    }
  }

  @Command(name = "unfreeze", mixinStandardHelpOptions = true, description = "Propose UNFREEZE_CONTRACT.")
  static final class Unfreeze extends AccountCommand.StatusChange {
    Unfreeze(CliEnvironment environment) {
      super(environment);
    }

    @Override
    ProposalKind kind() {
      return ProposalKind.UNFREEZE_CONTRACT;
    }
  }

  @Command(name = "abolish", mixinStandardHelpOptions = true, description = "Propose ABOLISH_CONTRACT: final.")
  static final class Abolish extends AccountCommand.StatusChange {
    Abolish(CliEnvironment environment) {
      super(environment);
    }

    @Override
    ProposalKind kind() {
      return ProposalKind.ABOLISH_CONTRACT;
    }
  }

  @Command(name = "upgrade", mixinStandardHelpOptions = true,
      description = "Propose UPGRADE_CONTRACT: the governed proxy PROXY runs --implementation once executed.")
  static final class Upgrade extends GovShortcut {
    @Parameters(index = "0", paramLabel = "PROXY") String proxy;
    @Option(names = "--implementation", required = true, paramLabel = "ADDRESS") String implementation;

    Upgrade(CliEnvironment environment) {
      super(environment);
    }

    @Override
    ProposalKind kind() {
      return ProposalKind.UPGRADE_CONTRACT;
    }

    @Override
    Map<String, String> fields() {
      return Map.of("proxy", proxy, "implementation", implementation);
    }
  }
}

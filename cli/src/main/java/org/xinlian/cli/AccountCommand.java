package org.xinlian.cli;

import java.util.Map;
import org.xinlian.execution.governance.ProposalKind;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code xinlian account}: proposals about an account's roles and status (GOV-8, GOV-11, GOV-18). */
@Command(
    name = "account",
    mixinStandardHelpOptions = true,
    description = {
      "Propose a change to an account: grant or revoke a role (user, operator, auditor, orgAdmin), "
          + "freeze, unfreeze or abolish it. Each makes a governance proposal the governors vote on "
          + "with 'xinlian gov vote'."
    },
    subcommands = {CommandLine.HelpCommand.class, AccountCommand.Grant.class, AccountCommand.Revoke.class,
        AccountCommand.Freeze.class, AccountCommand.Unfreeze.class, AccountCommand.Abolish.class})
final class AccountCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "grant", mixinStandardHelpOptions = true,
      description = "Propose GRANT_ROLE: ACCOUNT gets --role in --organisation.")
  static final class Grant extends GovShortcut {
    @Parameters(index = "0", paramLabel = "ACCOUNT") String account;
    @Option(names = "--role", required = true, paramLabel = "ROLE", description = "user, operator, auditor or orgAdmin.")
    String role;
    @Option(names = "--organisation", required = true, paramLabel = "ID") String organisation;

    Grant(CliEnvironment environment) {
      super(environment);
    }

    @Override
    ProposalKind kind() {
      return ProposalKind.GRANT_ROLE;
    }

    @Override
    Map<String, String> fields() {
      return Map.of("account", account, "role", role, "organisation", organisation);
    }
  }

  @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Propose REVOKE_ROLE: ACCOUNT loses --role.")
  static final class Revoke extends GovShortcut {
    @Parameters(index = "0", paramLabel = "ACCOUNT") String account;
    @Option(names = "--role", required = true, paramLabel = "ROLE") String role;

    Revoke(CliEnvironment environment) {
      super(environment);
    }

    @Override
    ProposalKind kind() {
      return ProposalKind.REVOKE_ROLE;
    }

    @Override
    Map<String, String> fields() {
      return Map.of("account", account, "role", role);
    }
  }

  /** A status change of an account or a contract: the target and the recorded reason. */
  abstract static class StatusChange extends GovShortcut {
    @Parameters(index = "0", paramLabel = "ADDRESS") String account;
    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Recorded with the change.")
    String reason;

    StatusChange(CliEnvironment environment) {
      super(environment);
    }

    @Override
    Map<String, String> fields() {
      return Map.of("account", account, "reason", reason);
    }
  }

  @Command(name = "freeze", mixinStandardHelpOptions = true,
      description = "Propose FREEZE_ACCOUNT: ACCOUNT may not send transactions until unfrozen (auditors may propose it).")
  static final class Freeze extends StatusChange {
    Freeze(CliEnvironment environment) {
      super(environment);
    }

    @Override
    ProposalKind kind() {
      return ProposalKind.FREEZE_ACCOUNT;
    }
  }

  @Command(name = "unfreeze", mixinStandardHelpOptions = true, description = "Propose UNFREEZE_ACCOUNT.")
  static final class Unfreeze extends StatusChange {
    Unfreeze(CliEnvironment environment) {
      super(environment);
    }

    @Override
    ProposalKind kind() {
      return ProposalKind.UNFREEZE_ACCOUNT;
    }
  }

  @Command(name = "abolish", mixinStandardHelpOptions = true,
      description = "Propose ABOLISH_ACCOUNT: final, the account never sends again.")
  static final class Abolish extends StatusChange {
    Abolish(CliEnvironment environment) {
      super(environment);
    }

    @Override
    ProposalKind kind() {
      return ProposalKind.ABOLISH_ACCOUNT;
    }
  }
}

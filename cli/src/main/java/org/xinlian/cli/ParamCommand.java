package org.xinlian.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.Callable;
import org.xinlian.execution.SystemParameters;
import org.xinlian.execution.governance.ProposalKind;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code xinlian param set|show}: the system parameters a vote changes (GOV-15, GOV-18). */
@Command(
    name = "param",
    mixinStandardHelpOptions = true,
    description = "Show the system parameters (blockGasLimit, maxTransactionsPerBlock, blockIntervalMs, "
        + "transactionGasLimit, roundTimeoutMs) or propose a change from a height on.",
    subcommands = {CommandLine.HelpCommand.class, ParamCommand.Set.class, ParamCommand.Show.class})
final class ParamCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "set", mixinStandardHelpOptions = true,
      description = "Propose SET_PARAMETER: KEY becomes VALUE from --activation-height, or --activation-delay "
          + "heights after the node's head. Leave time for the votes: the height must be at least two blocks "
          + "after the proposal executes.")
  static final class Set extends GovShortcut {
    /** An hour of one-second blocks: room for the votes. */
    static final long ACTIVATION_DELAY_DEFAULT = 3_600;

    @Parameters(index = "0", paramLabel = "KEY") String key;
    @Parameters(index = "1", paramLabel = "VALUE") String value;
    @Option(names = "--activation-height", paramLabel = "H") Long activationHeight;
    @Option(names = "--activation-delay", paramLabel = "N", defaultValue = "" + ACTIVATION_DELAY_DEFAULT,
        description = "Without --activation-height: N heights after the head (default: ${DEFAULT-VALUE}).")
    long activationDelay;

    Set(CliEnvironment environment) {
      super(environment);
    }

    @Override
    ProposalKind kind() {
      return ProposalKind.SET_PARAMETER;
    }

    @Override
    public Integer call() throws IOException {
      if (SystemParameters.Key.byName(key).isEmpty()) {
        throw new UserException("KEY: \"" + key + "\" is not a system parameter (blockGasLimit, "
            + "maxTransactionsPerBlock, blockIntervalMs, transactionGasLimit, roundTimeoutMs)");
      }
      if (activationHeight == null) {
        if (activationDelay < 1) {
          throw new UserException("--activation-delay: must be at least 1");
        }
        try (GovernanceSession session = new GovernanceSession(connection, environment)) {
          activationHeight = session.head() + activationDelay;
        }
      }
      return super.call();
    }

    @Override
    Map<String, String> fields() {
      return Map.of("key", key, "value", value, "activationHeight", String.valueOf(activationHeight));
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true,
      description = "Show each parameter for the next block, and a scheduled change with its height.")
  static final class Show implements Callable<Integer> {
    private final CliEnvironment environment;

    @Mixin GovConnection connection;

    @Option(names = "--block", paramLabel = "TAG", defaultValue = "latest",
        description = "As of this block: latest (default), earliest or a number.")
    String block;

    Show(CliEnvironment environment) {
      this.environment = environment;
    }

    @Override
    public Integer call() {
      String tag = block.matches("\\d+") ? GovernanceSession.quantity(Long.parseLong(block)) : block;
      try (GovernanceSession session = new GovernanceSession(connection, environment)) {
        JsonNode answer = session.call("xinlian_getSystemParameters", tag);
        environment.out().println("System parameters for block " + GovPrint.number(answer.get("height"), "height")
            + " (" + answer.path("mode").asText() + " chain):");
        for (Iterator<Map.Entry<String, JsonNode>> it = answer.path("parameters").fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> entry = it.next();
          JsonNode parameter = entry.getValue();
          JsonNode pending = parameter.get("pendingValue");
          environment.out().println(String.format("  %-24s %d%s", entry.getKey(),
              GovPrint.number(parameter.get("value"), entry.getKey()),
              pending == null || pending.isNull() ? "" : ", " + GovPrint.number(pending, "pendingValue") + " from height "
                  + GovPrint.number(parameter.get("activationHeight"), "activationHeight")));
        }
        return 0;
      }
    }
  }
}

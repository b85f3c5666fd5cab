package org.xinlian.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.Callable;
import org.xinlian.execution.feature.ProtocolFeature;
import org.xinlian.execution.governance.ProposalKind;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code xinlian feature schedule|show}: the protocol feature schedule (docs/spec/operations.md OPS-80, OPS-81). */
@Command(
    name = "feature",
    mixinStandardHelpOptions = true,
    description = "Show the protocol features a chain has scheduled, or propose one from a height on "
        + "(upgrade every node's release first: docs/ops/upgrades.md).",
    subcommands = {CommandLine.HelpCommand.class, FeatureCommand.Schedule.class, FeatureCommand.Show.class})
final class FeatureCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "schedule", mixinStandardHelpOptions = true,
      description = "Propose SCHEDULE_FEATURE: NAME is in force from --activation-height, or --activation-delay "
          + "heights after the node's head. NAME must be a feature this release implements.")
  static final class Schedule extends GovShortcut {
    /** A day of one-second blocks: room for the votes and for every operator to check their release. */
    static final long ACTIVATION_DELAY_DEFAULT = 86_400;

    @Parameters(index = "0", paramLabel = "NAME") String name;
    @Option(names = "--activation-height", paramLabel = "H") Long activationHeight;
    @Option(names = "--activation-delay", paramLabel = "N", defaultValue = "" + ACTIVATION_DELAY_DEFAULT,
        description = "Without --activation-height: N heights after the head (default: ${DEFAULT-VALUE}).")
    long activationDelay;

    Schedule(CliEnvironment environment) {
      super(environment);
    }

    @Override
    ProposalKind kind() {
      return ProposalKind.SCHEDULE_FEATURE;
    }

    @Override
    public Integer call() throws IOException {
      ProposalFields.feature(name, "NAME");
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
      return Map.of("feature", name, "activationHeight", String.valueOf(activationHeight));
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true,
      description = "Show each scheduled feature, its height, whether it is in force for the next block and "
          + "whether the node's release implements it.")
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
        JsonNode answer = session.call("xinlian_getProtocolFeatures", tag);
        long height = GovPrint.number(answer.get("height"), "height");
        environment.out().println("Protocol features for block " + height + " (this CLI knows: "
            + ProtocolFeature.knownNames() + "):");
        if (answer.path("features").isEmpty()) {
          environment.out().println("  none scheduled");
        }
        for (JsonNode feature : answer.path("features")) {
          environment.out().println(String.format("  %-32s from height %d, %s%s", feature.path("name").asText(),
              GovPrint.number(feature.get("activationHeight"), "activationHeight"),
              feature.path("active").asBoolean() ? "in force" : "scheduled",
              feature.path("known").asBoolean() ? "" : "; NOT implemented by the node's release: it will stop"));
        }
        return 0;
      }
    }
  }
}

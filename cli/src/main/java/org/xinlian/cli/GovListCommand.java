package org.xinlian.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code xinlian gov list}: proposals, newest first (xinlian_getProposals, GOV-16). */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = "List proposals newest first, optionally of one status (OPEN, PASSED, REJECTED, EXPIRED, "
        + "EXECUTED, REVOKED).")
final class GovListCommand implements Callable<Integer> {
  private final CliEnvironment environment;

  @Mixin GovConnection connection;

  @Option(names = "--status", paramLabel = "STATUS", description = "Only proposals of this status.")
  String status;

  @Option(names = "--from-id", paramLabel = "ID", description = "Start at this id and go down (default: the newest).")
  Long fromId;

  @Option(names = "--count", paramLabel = "N", defaultValue = "20", description = "At most N, 1 to 100 (default: ${DEFAULT-VALUE}).")
  int count;

  GovListCommand(CliEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() {
    Map<String, String> filter = new LinkedHashMap<>();
    if (status != null) {
      filter.put("status", status);
    }
    if (fromId != null) {
      filter.put("fromId", GovernanceSession.quantity(fromId));
    }
    filter.put("count", GovernanceSession.quantity(count));
    try (GovernanceSession session = new GovernanceSession(connection, environment)) {
      JsonNode listing = session.call("xinlian_getProposals", filter);
      if (listing.path("proposals").isEmpty()) {
        environment.out().println("No proposals" + (status == null ? "" : " " + status) + ".");
      }
      for (JsonNode proposal : listing.path("proposals")) {
        environment.out().println(String.format("%6d  %-20s %-9s %s, by %s, open until %d",
            GovPrint.number(proposal.get("id"), "id"), proposal.path("kind").asText(), proposal.path("status").asText(),
            GovPrint.tally(proposal.path("tally")), proposal.path("proposer").asText(),
            GovPrint.number(proposal.get("expiresAt"), "expiresAt")));
      }
      JsonNode next = listing.get("next");
      if (next != null && !next.isNull()) {
        environment.out().println("More: --from-id " + GovPrint.number(next, "next"));
      }
      return 0;
    }
  }
}

package org.xinlian.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.Iterator;
import java.util.Map;

/** Governance answers as an operator reads them (GOV-18): decimal numbers, one fact a line. */
final class GovPrint {
  private GovPrint() {}

  static long number(JsonNode value, String what) {
    return ValidatorsRpc.quantity(value, what);
  }

  /** One proposal of {@code xinlian_getProposal}: payload fields, heights, tally, votes, upgrade. */
  static void proposal(JsonNode proposal, PrintStream out) {
    out.println("proposal " + number(proposal.get("id"), "id") + ": " + proposal.path("kind").asText() + ", "
        + proposal.path("status").asText());
    for (Iterator<Map.Entry<String, JsonNode>> fields = proposal.path("payload").fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      out.println(String.format("  %-16s %s", field.getKey(), field.getValue().asText()));
    }
    out.println("proposer:          " + proposal.path("proposer").asText());
    long executeAt = number(proposal.get("executeAt"), "executeAt");
    out.println("heights:           created " + number(proposal.get("createdAt"), "createdAt") + ", open until "
        + number(proposal.get("expiresAt"), "expiresAt") + ", "
        + (executeAt == 0 ? "executes when it passes" : "executes from " + executeAt));
    out.println("tally:             " + tally(proposal.path("tally")));
    for (JsonNode vote : proposal.path("votes")) {
      out.println("vote:              " + vote.path("governor").asText() + " " + vote.path("choice").asText()
          + " (weight " + number(vote.get("weight"), "weight") + ")");
    }
    JsonNode upgrade = proposal.get("upgrade");
    if (upgrade != null && upgrade.isObject()) {
      out.println("proxy:             " + upgrade.path("proxy").asText());
      out.println("runs now:          " + upgrade.path("currentImplementation").asText() + " (code hash "
          + upgrade.path("currentCodeHash").asText() + ")");
      out.println("would run:         " + upgrade.path("newImplementation").asText() + " (code hash "
          + upgrade.path("newCodeHash").asText() + ")");
    }
    JsonNode error = proposal.get("executionError");
    if (error != null && !error.isNull()) {
      out.println("execution failed:  " + error.asText());
    }
  }

  static String tally(JsonNode tally) {
    return "for " + number(tally.get("for"), "tally.for") + ", against " + number(tally.get("against"), "tally.against")
        + ", abstain " + number(tally.get("abstain"), "tally.abstain") + " of " + number(tally.get("total"), "tally.total")
        + " (quorum " + number(tally.get("quorumBps"), "tally.quorumBps") + " bps, approval "
        + number(tally.get("approvalBps"), "tally.approvalBps") + " bps)";
  }
}

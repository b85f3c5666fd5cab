package org.xinlian.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.xinlian.common.Hex;
import org.xinlian.execution.governance.ProposalKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code xinlian gov show ID [--out FILE]}: one proposal, and the file offline signers need (GOV-6). */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description = {
      "Show proposal ID: its payload field by field, heights, tally, votes and, for an upgrade, "
          + "the code hashes of the implementation the proxy runs and of the proposed one.",
      "With --out, also write the proposal file 'gov sign' reads on a machine without a network."
    })
final class GovShowCommand implements Callable<Integer> {
  private final CliEnvironment environment;

  @Parameters(index = "0", paramLabel = "ID", description = "The proposal.")
  long id;

  @Mixin GovConnection connection;

  @Option(names = "--out", paramLabel = "FILE", description = "Write the proposal file (not overwritten).")
  Path out;

  GovShowCommand(CliEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() throws IOException {
    try (GovernanceSession session = new GovernanceSession(connection, environment)) {
      JsonNode proposal = session.proposal(id);
      GovPrint.proposal(proposal, environment.out());
      if (out != null) {
        ProposalKind kind = ProposalKind.ofName(proposal.path("kind").asText()).orElseThrow(
            () -> new UserException("the node answered an unknown kind " + proposal.path("kind")));
        GovFiles.Subject subject = new GovFiles.Subject(session.suite.name(), session.chainId(), session.genesisHash(),
            id, kind, Hex.decode("rawPayload", proposal.path("rawPayload").asText()),
            GovPrint.number(proposal.get("executeAt"), "executeAt"));
        GovFiles.writeSubject(environment.resolve(out), subject);
        environment.out().println("Wrote " + out + "; governors sign it offline with 'xinlian gov sign " + id
            + " --proposal " + out + " --choice for --key KEY.pem --out VOTE.json'.");
      }
      return 0;
    }
  }
}

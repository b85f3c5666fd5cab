package org.xinlian.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.xinlian.crypto.KeyPair;
import org.xinlian.execution.governance.Choice;
import org.xinlian.execution.governance.Governance;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code xinlian gov vote ID for|against|abstain}: a governor's vote (GOV-4). */
@Command(
    name = "vote",
    mixinStandardHelpOptions = true,
    description = "Vote on proposal ID as a governor; the vote that passes a proposal due now also executes it.")
final class GovVoteCommand implements Callable<Integer> {
  private final CliEnvironment environment;

  @Parameters(index = "0", paramLabel = "ID", description = "The proposal.")
  long id;

  @Parameters(index = "1", paramLabel = "CHOICE", description = "for, against or abstain.")
  String choice;

  @Mixin GovConnection connection;

  @ArgGroup(exclusive = true, multiplicity = "1")
  GovSender sender;

  GovVoteCommand(CliEnvironment environment) {
    this.environment = environment;
  }

  static Choice choice(String text, String option) {
    try {
      return Choice.valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new UserException(option + ": \"" + text + "\" is not for, against or abstain");
    }
  }

  @Override
  public Integer call() throws IOException {
    Choice vote = choice(choice, "CHOICE");
    try (GovernanceSession session = new GovernanceSession(connection, environment)) {
      KeyPair key = sender.keyPair(session.suite, environment);
      byte[] data = GovernanceSession.VOTE.encodeCallWithArgs(BigInteger.valueOf(id), vote.code()).array();
      JsonNode receipt = session.send(key, Optional.of(Governance.ADDRESS), data, "vote on proposal " + id);
      JsonNode proposal = session.proposal(id);
      environment.out().println(session.suite.address(key.publicKey()) + " voted " + vote + " on proposal " + id
          + " in block " + GovPrint.number(receipt.get("blockNumber"), "blockNumber") + ": it is "
          + proposal.path("status").asText() + ", " + GovPrint.tally(proposal.path("tally")) + ".");
      return 0;
    }
  }
}

package org.xinlian.cli;

import com.esaulpaugh.headlong.abi.Tuple;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.xinlian.common.Address;
import org.xinlian.common.Hex;
import org.xinlian.crypto.KeyPair;
import org.xinlian.execution.governance.Governance;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code xinlian gov submit FILE…}: sends votes signed offline in one transaction (GOV-6). */
@Command(
    name = "submit",
    mixinStandardHelpOptions = true,
    description = {
      "Send vote files written by 'gov sign' (all on one proposal, at most 100) in one transaction. "
          + "Any admitted account may send it; each vote counts for the governor who signed it.",
      "The files must be for the chain and the proposal the node holds now: a vote signed for "
          + "another payload would count for no one, so it is refused before sending."
    })
final class GovSubmitCommand implements Callable<Integer> {
  private final CliEnvironment environment;

  @Parameters(index = "0..*", arity = "1..*", paramLabel = "FILE", description = "Vote files.")
  List<Path> files;

  @Option(names = "--rpc", paramLabel = "URL", defaultValue = "http://127.0.0.1:8545",
      description = "A node of the chain (default: ${DEFAULT-VALUE}).")
  java.net.URI rpc;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
      description = "How long to wait for the receipt (default: ${DEFAULT-VALUE}).")
  long timeoutSeconds;

  @ArgGroup(exclusive = true, multiplicity = "1")
  GovSender sender;

  GovSubmitCommand(CliEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() throws IOException {
    if (files.size() > Governance.SIGNED_VOTES_PER_CALL_MAX) {
      throw new UserException("FILE: " + files.size() + " votes, more than " + Governance.SIGNED_VOTES_PER_CALL_MAX
          + " in one transaction");
    }
    List<GovFiles.Vote> votes = new ArrayList<>();
    Set<Address> signers = new HashSet<>();
    for (Path file : files) {
      GovFiles.Vote vote = GovFiles.readVote(environment.resolve(file));
      if (!votes.isEmpty() && !votes.get(0).subject().sameAs(vote.subject())) {
        throw new UserException(file + " is a vote on another proposal, payload or chain than " + files.get(0));
      }
      if (!signers.add(vote.signer())) {
        throw new UserException(file + ": a second vote by " + vote.signer());
      }
      votes.add(vote);
    }
    GovFiles.Subject subject = votes.get(0).subject();
    try (GovernanceSession session = new GovernanceSession(rpc, subject.suite(), timeoutSeconds, environment)) {
      if (session.chainId() != subject.chainId() || !session.genesisHash().equals(subject.genesisHash())) {
        throw new UserException(rpc + " serves another chain than the votes were signed for");
      }
      JsonNode proposal = session.proposal(subject.id());
      if (!proposal.path("kind").asText().equals(subject.kind().name())
          || !proposal.path("rawPayload").asText().equals(Hex.encode(subject.payload()))
          || GovPrint.number(proposal.get("executeAt"), "executeAt") != subject.executeAt()) {
        throw new UserException("proposal " + subject.id() + " on " + rpc + " is not what the votes were signed for "
            + "(another kind, payload or execution height)");
      }
      Tuple[] tuples = new Tuple[votes.size()];
      for (int i = 0; i < tuples.length; i++) {
        tuples[i] = Tuple.from(votes.get(i).choice().code(), votes.get(i).signature());
      }
      byte[] data = GovernanceSession.SUBMIT_VOTES.encodeCallWithArgs(BigInteger.valueOf(subject.id()),
          (Object) tuples).array();
      KeyPair key = sender.keyPair(session.suite, environment);
      JsonNode receipt = session.send(key, Optional.of(Governance.ADDRESS), data,
          "submit " + votes.size() + " vote(s) on proposal " + subject.id());
      JsonNode after = session.proposal(subject.id());
      environment.out().println("Submitted " + votes.size() + " vote(s) on proposal " + subject.id() + " in block "
          + GovPrint.number(receipt.get("blockNumber"), "blockNumber") + ": it is " + after.path("status").asText()
          + ", " + GovPrint.tally(after.path("tally")) + ".");
      return 0;
    }
  }
}

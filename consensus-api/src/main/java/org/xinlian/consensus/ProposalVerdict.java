package org.xinlian.consensus;

import java.util.Objects;
import java.util.Optional;

/**
 * {@link Application#processProposal}'s answer: accept, or reject with the first failing check,
 * which the engine counts and logs so an operator can tell a faulty proposer from a bug.
 */
public record ProposalVerdict(Optional<String> rejection) {
  private static final ProposalVerdict ACCEPT = new ProposalVerdict(Optional.empty());

  public ProposalVerdict {
    Objects.requireNonNull(rejection, "rejection");
  }

  public static ProposalVerdict accept() {
    return ACCEPT;
  }

  public static ProposalVerdict reject(String reason) {
    return new ProposalVerdict(Optional.of(reason));
  }

  public boolean accepted() {
    return rejection.isEmpty();
  }
}

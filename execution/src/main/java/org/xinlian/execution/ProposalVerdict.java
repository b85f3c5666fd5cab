package org.xinlian.execution;

import java.util.Optional;

/**
 * {@link ExecutionPort#processProposal}'s answer: accept, or reject with the first check that
 * failed, naming the field and both values so operators can tell a faulty proposer from a bug.
 */
public record ProposalVerdict(Optional<String> rejection) {
  private static final ProposalVerdict ACCEPT = new ProposalVerdict(Optional.empty());

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

package org.xinlian.consensus.bft;

import java.util.Optional;
import org.xinlian.consensus.Application;
import org.xinlian.consensus.Applications;
import org.xinlian.consensus.ConsensusAction;
import org.xinlian.consensus.ConsensusEvent;

/** Carries out the engine's slow application actions at once, as an instant driver would. */
final class ApplicationWork {
  private ApplicationWork() {}

  static boolean isWork(ConsensusAction action) {
    return action instanceof ConsensusAction.BuildBlock || action instanceof ConsensusAction.ExecuteBlock
        || action instanceof ConsensusAction.CommitBlock;
  }

  /** The event that answers {@code action}, or empty when it is not application work. */
  static Optional<ConsensusEvent> carryOut(Application application, ConsensusAction action) {
    if (action instanceof ConsensusAction.BuildBlock build) {
      return Optional.of(new ConsensusEvent.BlockBuilt(build.request(),
          application.prepareProposal(build.request())));
    }
    if (action instanceof ConsensusAction.ExecuteBlock execute) {
      return Optional.of(new ConsensusEvent.BlockExecuted(execute.block().header().number(),
          execute.blockHash(), application.processProposal(execute.block())));
    }
    if (action instanceof ConsensusAction.CommitBlock commit) {
      return Optional.of(new ConsensusEvent.BlockCommitted(
          commit.decision().certificate().height(), commit.decision().certificate().blockHash(),
          Applications.finalizeAndCommit(application, commit.decision())));
    }
    return Optional.empty();
  }
}

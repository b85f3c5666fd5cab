package org.xinlian.consensus;

import org.xinlian.common.Invariants;
import org.xinlian.types.block.Block;

/** How a driver carries out the engine's slow actions on an {@link Application}. */
public final class Applications {
  private Applications() {}

  /** Whether {@code action} is slow work for the application, which a driver runs off the engine's thread. */
  public static boolean isWork(ConsensusAction action) {
    return action instanceof ConsensusAction.BuildBlock || action instanceof ConsensusAction.ExecuteBlock
        || action instanceof ConsensusAction.CommitBlock;
  }

  /**
   * Carries out application work on {@code application} and returns the event that answers it
   * (CONSENSUS-20): every driver — the node's execution thread, the simulator, the engine's tests —
   * maps the actions to the port the same way.
   *
   * @throws IllegalArgumentException if {@code work} is not application work
   */
  public static ConsensusEvent answer(Application application, ConsensusAction work) {
    if (work instanceof ConsensusAction.BuildBlock build) {
      return new ConsensusEvent.BlockBuilt(build.request(), application.prepareProposal(build.request()));
    }
    if (work instanceof ConsensusAction.ExecuteBlock check) {
      return new ConsensusEvent.BlockExecuted(check.block().header().number(), check.blockHash(),
          application.processProposal(check.block()));
    }
    if (work instanceof ConsensusAction.CommitBlock commit) {
      CommittedBlock decision = commit.decision();
      return new ConsensusEvent.BlockCommitted(decision.certificate().height(),
          decision.certificate().blockHash(), finalizeAndCommit(application, decision));
    }
    throw new IllegalArgumentException("work: " + work.getClass().getSimpleName() + " is not application work");
  }

  /**
   * Executes a decided block ({@link Application#finalizeBlock}), checks that it reached the state
   * root its header claims, then persists it with its certificate ({@link Application#commit}).
   * A different root means the application is not deterministic: the node must stop rather than
   * persist a diverging state, so the check is an invariant and nothing is committed.
   */
  public static CommitOutcome finalizeAndCommit(Application application, CommittedBlock decision) {
    Block block = decision.block();
    Finalization finalization = application.finalizeBlock(block);
    Invariants.check(finalization.stateRoot().equals(block.header().stateRoot()),
        "block %d executed to state root %s but its header says %s: the application is not"
            + " deterministic", block.header().number(), finalization.stateRoot(),
        block.header().stateRoot());
    return application.commit(block, decision.certificate());
  }
}

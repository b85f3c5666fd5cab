package org.xinlian.consensus;

import org.xinlian.common.Invariants;
import org.xinlian.types.block.Block;

/** How a driver carries out the engine's slow actions on an {@link Application}. */
public final class Applications {
  private Applications() {}

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

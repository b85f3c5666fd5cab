package org.xinlian.consensus.message;

import java.util.Objects;
import org.xinlian.consensus.CommittedBlock;

/** The answer to a {@link CommitRequest}: a final block with its commit certificate. */
public record DecidedBlock(CommittedBlock committed) implements ConsensusMessage {
  public DecidedBlock {
    Objects.requireNonNull(committed, "decidedBlock.committed");
  }

  @Override
  public long height() {
    return committed.certificate().height();
  }
}

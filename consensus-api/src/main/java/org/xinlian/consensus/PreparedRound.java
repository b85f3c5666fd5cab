package org.xinlian.consensus;

import java.util.Objects;
import org.xinlian.common.Hash;

/**
 * The lock a round change reports: the latest round in which its sender saw a quorum of prepares,
 * and for which block (docs/spec/consensus.md CONSENSUS-11).
 */
public record PreparedRound(int round, Hash blockHash) {
  public PreparedRound {
    if (round < 0) {
      throw new IllegalArgumentException("preparedRound.round: must not be negative");
    }
    Objects.requireNonNull(blockHash, "preparedRound.blockHash");
  }
}

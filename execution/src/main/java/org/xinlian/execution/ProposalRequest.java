package org.xinlian.execution;

import java.util.List;
import java.util.Objects;
import org.xinlian.common.Address;
import org.xinlian.common.Hash;
import org.xinlian.evm.StopSignal;
import org.xinlian.types.transaction.VerifiedTransaction;

/**
 * What the proposer asks {@link ExecutionPort#prepareProposal} to build.
 *
 * @param height the new block's number
 * @param parentHash the block it extends, which must be the head
 * @param timestamp the new block's timestamp in seconds, after the parent's
 * @param proposer the proposer's address, the block's coinbase
 * @param candidates transactions in pool order; their senders are already recovered
 * @param limits the most the block may hold
 * @param buildBudget asked between and during transactions: once it asks to stop, the block is
 *     sealed with what is included so far (EXECUTION-14); the first transaction always runs to
 *     its end, so every block built from a non-empty pool makes progress
 */
public record ProposalRequest(
    long height,
    Hash parentHash,
    long timestamp,
    Address proposer,
    List<VerifiedTransaction> candidates,
    BlockLimits limits,
    StopSignal buildBudget) {
  public ProposalRequest {
    Objects.requireNonNull(parentHash, "parentHash");
    Objects.requireNonNull(proposer, "proposer");
    candidates = List.copyOf(candidates);
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(buildBudget, "buildBudget");
  }

  /** A request without a time budget: the block is filled by the limits alone. */
  public ProposalRequest(long height, Hash parentHash, long timestamp, Address proposer,
      List<VerifiedTransaction> candidates, BlockLimits limits) {
    this(height, parentHash, timestamp, proposer, candidates, limits, StopSignal.NEVER);
  }
}

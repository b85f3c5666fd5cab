package org.xinlian.execution;

import java.util.List;
import java.util.Objects;
import org.xinlian.common.Hash;
import org.xinlian.types.block.Block;
import org.xinlian.types.block.Receipt;

/**
 * A block built by {@link ExecutionPort#prepareProposal}, with every root filled in.
 *
 * @param hash the block's hash, what validators vote on
 * @param receipts one per included transaction
 * @param skipped candidates left out, each with why, so the pool can drop or keep them
 * @param budgetReached whether the request's build budget sealed the block before the candidates
 *     or the limits ran out (EXECUTION-14)
 */
public record Proposal(Block block, Hash hash, List<Receipt> receipts, List<SkippedTransaction> skipped,
    boolean budgetReached) {
  public Proposal {
    Objects.requireNonNull(block, "block");
    Objects.requireNonNull(hash, "hash");
    receipts = List.copyOf(receipts);
    skipped = List.copyOf(skipped);
  }
}

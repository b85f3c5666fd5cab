package org.xinlian.execution;

import java.util.List;
import java.util.Objects;
import org.xinlian.common.Hash;
import org.xinlian.types.block.Block;
import org.xinlian.types.block.Receipt;

/**
 * A block executed by {@link ExecutionPort#finalizeBlock}, whose state waits in the port for
 * {@link ExecutionPort#commit}.
 *
 * @param transactionHashes the hashes of the block's transactions in order, computed once with
 *     the block's digests, for the pool to forget them after the commit
 */
public record FinalizedBlock(Block block, Hash hash, List<Receipt> receipts, Hash stateRoot,
    List<Hash> transactionHashes) {
  public FinalizedBlock {
    Objects.requireNonNull(block, "block");
    Objects.requireNonNull(hash, "hash");
    receipts = List.copyOf(receipts);
    Objects.requireNonNull(stateRoot, "stateRoot");
    transactionHashes = List.copyOf(transactionHashes);
  }
}

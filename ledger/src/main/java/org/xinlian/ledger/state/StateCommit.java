package org.xinlian.ledger.state;

import org.xinlian.common.Hash;

/**
 * What {@link StateDatabase#commit} put into the block's batch.
 *
 * @param blockNumber the block whose state this is
 * @param root the new state root, for the block header
 * @param accountsWritten accounts updated or deleted
 * @param nodesWritten trie nodes put into the batch (account trie and storage tries)
 * @param pruningCandidates nodes this block stopped referencing, recorded for the pruner
 */
public record StateCommit(
    long blockNumber, Hash root, int accountsWritten, int nodesWritten, int pruningCandidates) {}

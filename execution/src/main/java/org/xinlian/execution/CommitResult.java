package org.xinlian.execution;

import org.xinlian.common.Hash;

/**
 * What {@link ExecutionPort#commit} persisted.
 *
 * @param number the new head's number
 * @param hash the new head's hash
 * @param stateRoot its state root
 * @param prunedNodes trie nodes deleted by the pruning that followed the commit
 */
public record CommitResult(long number, Hash hash, Hash stateRoot, long prunedNodes) {}

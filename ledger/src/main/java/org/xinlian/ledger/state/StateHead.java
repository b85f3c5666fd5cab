package org.xinlian.ledger.state;

import org.xinlian.common.Hash;

/**
 * The state the flat view holds: the last committed block and its root.
 *
 * @param blockNumber the block of the last commit written to the store
 * @param root its state root
 */
public record StateHead(long blockNumber, Hash root) {}

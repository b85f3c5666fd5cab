package org.xinlian.execution;

import java.util.Optional;
import org.xinlian.common.Hash;
import org.xinlian.types.transaction.VerifiedTransaction;

/**
 * Transactions whose senders this node has already recovered, by hash: on a network node the
 * pool, which checked every gossiped transaction's signature on admission. A proposed block
 * whose transactions the node already holds then costs no second signature recovery per
 * transaction: recovery is the most expensive step of checking a transfer, and every validator
 * checks every block.
 *
 * <p>Looked up by the transaction's hash, the hash of its whole signed encoding, so a hit is the
 * same bytes and therefore the same sender. Called from the execution port's signature workers,
 * concurrently: implementations must be thread-safe.
 */
@FunctionalInterface
public interface KnownTransactions {
  /** The verified transaction with this hash, if this node holds one. */
  Optional<VerifiedTransaction> find(Hash hash);

  /** Knows nothing: every sender is recovered (tests, tools, a single validator). */
  static KnownTransactions none() {
    return hash -> Optional.empty();
  }
}

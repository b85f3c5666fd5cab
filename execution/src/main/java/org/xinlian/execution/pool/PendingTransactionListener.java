package org.xinlian.execution.pool;

import org.xinlian.types.transaction.VerifiedTransaction;

/**
 * Told of each transaction when it becomes executable (admitted as pending, or promoted when a gap
 * fills or a block advances the nonce), for eth_subscribe newPendingTransactions. Called on the
 * thread that caused the change, after the pool released its lock; it must be quick and must not
 * throw (a throwing listener is removed so it cannot break admission for everyone).
 */
@FunctionalInterface
public interface PendingTransactionListener {
  void onPending(VerifiedTransaction transaction);
}

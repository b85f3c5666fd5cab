package org.xinlian.rpc;

/**
 * Where a subscription source delivers results; each becomes an {@code eth_subscription}
 * notification on the subscriber's WebSocket. Thread-safe: sources call it from their own threads.
 */
public interface SubscriptionSink {
  /**
   * Queues one result (any value Jackson serialises). Returns false when the subscription or its
   * connection is gone, so a source can stop producing; never blocks.
   */
  boolean emit(Object result);
}

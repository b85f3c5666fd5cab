package org.xinlian.rpc;

/**
 * Where a subscription source delivers results; each becomes an {@code eth_subscription}
 * notification on the subscriber's WebSocket. Thread-safe: sources call it from their own threads.
 */
public interface SubscriptionSink {
  /**
   * Queues one result (any value Jackson serialises, or a {@link JsonText} written verbatim).
   * Returns false when the subscription or its connection is gone, so a source can stop
   * producing; never blocks. A subscriber whose outbound queue is full is disconnected instead
   * (RPC-27).
   */
  boolean emit(Object result);

  /**
   * Disconnects the subscriber because the source could not deliver everything to it (it missed
   * results): a gap a client cannot detect is worse than a reconnect. Never blocks.
   */
  void disconnectLagging(String reason);
}

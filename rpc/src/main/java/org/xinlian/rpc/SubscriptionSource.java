package org.xinlian.rpc;

/**
 * One kind of {@code eth_subscribe} ({@code newHeads}, {@code logs}, {@code
 * newPendingTransactions}). The server owns the subscription ids, the notification format and the
 * per-connection cleanup; a source only produces results, so new kinds plug in without touching
 * the transport.
 */
public interface SubscriptionSource {
  /** The kind name, the first parameter of {@code eth_subscribe}. */
  String kind();

  /**
   * Starts delivering to {@code sink}. {@code params} are the arguments after the kind (for
   * {@code logs}, the filter); bad ones are refused with {@link RpcException}. Results emitted
   * before the {@code eth_subscribe} response is sent are held back and delivered after it.
   */
  Subscription start(RpcParams params, SubscriptionSink sink);
}

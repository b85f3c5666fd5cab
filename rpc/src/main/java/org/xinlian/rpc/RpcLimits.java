package org.xinlian.rpc;

import org.xinlian.common.Invariants;

/**
 * The bounds that keep a node alive under hostile or careless clients: every input and every queue
 * is bounded, and exceeding a bound gives an error, never unbounded memory or a stalled node.
 *
 * @param requestBodyBytesMax largest HTTP body (larger gets HTTP 413)
 * @param batchSizeMax most requests in one batch
 * @param webSocketFrameBytesMax largest WebSocket message (larger closes the connection, 1009)
 * @param connectionsMax open connections (HTTP and WebSocket) accepted at once
 * @param workerThreads threads executing methods
 * @param workerQueueMax requests waiting for a worker; beyond it calls get -32005
 * @param webSocketOutboundMessagesMax messages waiting to be written to one WebSocket client; a
 *     client that falls further behind is disconnected
 * @param subscriptionsPerConnectionMax subscriptions on one WebSocket connection
 * @param jsonNestingDepthMax deepest JSON nesting accepted in a request
 */
public record RpcLimits(
    int requestBodyBytesMax,
    int batchSizeMax,
    int webSocketFrameBytesMax,
    int connectionsMax,
    int workerThreads,
    int workerQueueMax,
    int webSocketOutboundMessagesMax,
    int subscriptionsPerConnectionMax,
    int jsonNestingDepthMax) {

  /** 5 MiB, geth's default HTTP body limit, enough for a large contract deployment. */
  public static final int REQUEST_BODY_BYTES_DEFAULT = 5 * 1024 * 1024;
  /** geth's default batch request limit. */
  public static final int BATCH_SIZE_DEFAULT = 1000;
  public static final int WEBSOCKET_FRAME_BYTES_DEFAULT = 5 * 1024 * 1024;
  public static final int CONNECTIONS_DEFAULT = 1000;
  public static final int WORKER_THREADS_DEFAULT =
      Math.max(2, Runtime.getRuntime().availableProcessors());
  public static final int WORKER_QUEUE_DEFAULT = 10_000;
  public static final int WEBSOCKET_OUTBOUND_MESSAGES_DEFAULT = 10_000;
  public static final int SUBSCRIPTIONS_PER_CONNECTION_DEFAULT = 1000;
  /** Ethereum requests nest a few levels (call object, filter topics); 64 is generous. */
  public static final int JSON_NESTING_DEPTH_DEFAULT = 64;

  public RpcLimits {
    Invariants.check(requestBodyBytesMax > 0, "requestBodyBytesMax must be positive");
    Invariants.check(batchSizeMax > 0, "batchSizeMax must be positive");
    Invariants.check(webSocketFrameBytesMax > 0, "webSocketFrameBytesMax must be positive");
    Invariants.check(connectionsMax > 0, "connectionsMax must be positive");
    Invariants.check(workerThreads > 0, "workerThreads must be positive");
    Invariants.check(workerQueueMax > 0, "workerQueueMax must be positive");
    Invariants.check(webSocketOutboundMessagesMax > 0, "webSocketOutboundMessagesMax must be positive");
    Invariants.check(subscriptionsPerConnectionMax > 0, "subscriptionsPerConnectionMax must be positive");
    Invariants.check(jsonNestingDepthMax > 2, "jsonNestingDepthMax must be above 2");
  }

  public static RpcLimits defaults() {
    return new RpcLimits(
        REQUEST_BODY_BYTES_DEFAULT,
        BATCH_SIZE_DEFAULT,
        WEBSOCKET_FRAME_BYTES_DEFAULT,
        CONNECTIONS_DEFAULT,
        WORKER_THREADS_DEFAULT,
        WORKER_QUEUE_DEFAULT,
        WEBSOCKET_OUTBOUND_MESSAGES_DEFAULT,
        SUBSCRIPTIONS_PER_CONNECTION_DEFAULT,
        JSON_NESTING_DEPTH_DEFAULT);
  }

  public RpcLimits withRequestBodyBytesMax(int value) {
    return new RpcLimits(value, batchSizeMax, webSocketFrameBytesMax, connectionsMax, workerThreads,
        workerQueueMax, webSocketOutboundMessagesMax, subscriptionsPerConnectionMax, jsonNestingDepthMax);
  }

  public RpcLimits withBatchSizeMax(int value) {
    return new RpcLimits(requestBodyBytesMax, value, webSocketFrameBytesMax, connectionsMax, workerThreads,
        workerQueueMax, webSocketOutboundMessagesMax, subscriptionsPerConnectionMax, jsonNestingDepthMax);
  }

  public RpcLimits withConnectionsMax(int value) {
    return new RpcLimits(requestBodyBytesMax, batchSizeMax, webSocketFrameBytesMax, value, workerThreads,
        workerQueueMax, webSocketOutboundMessagesMax, subscriptionsPerConnectionMax, jsonNestingDepthMax);
  }

  public RpcLimits withWorkers(int threads, int queueMax) {
    return new RpcLimits(requestBodyBytesMax, batchSizeMax, webSocketFrameBytesMax, connectionsMax, threads,
        queueMax, webSocketOutboundMessagesMax, subscriptionsPerConnectionMax, jsonNestingDepthMax);
  }
}

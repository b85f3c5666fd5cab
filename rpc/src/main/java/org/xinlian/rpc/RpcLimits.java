package org.xinlian.rpc;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ObjLongConsumer;
import java.util.function.ToLongFunction;
import org.xinlian.common.Invariants;

/**
 * The bounds that keep a node alive under hostile or careless clients (docs/spec/rpc.md RPC-5,
 * RPC-22 to RPC-28): every input, queue, table and unit of work is bounded, and exceeding a bound
 * gives an error or a closed connection, never unbounded memory or a stalled node. Every bound is
 * configurable by name ({@link Builder#set}), which is how the node's JSON config sets them.
 *
 * @param requestBodyBytesMax largest HTTP body (larger gets HTTP 413)
 * @param batchSizeMax most requests in one batch
 * @param webSocketFrameBytesMax largest WebSocket message (larger closes the connection, 1009)
 * @param jsonNestingDepthMax deepest JSON nesting accepted in a request
 * @param connectionsMax open connections (HTTP and WebSocket) accepted at once
 * @param connectionsPerAddressMax open connections from one IP address
 * @param idleTimeoutMs a connection without a request (HTTP) or any message (WebSocket, pongs
 *     included; the server pings after half of it) for this long is closed
 * @param requestReadTimeoutMs a request whose first bytes arrived must be complete within this
 * @param workerThreads threads running cheap methods (and parsing every request)
 * @param heavyWorkerThreads threads running heavy methods (calls, estimates, log queries)
 * @param heavyCallsPerAddressMax heavy methods of one IP address running at once
 * @param workerQueueMax requests of all connections waiting for a worker; beyond it -32005
 * @param connectionQueueMax requests of one connection waiting; beyond it that connection gets
 *     -32005
 * @param callGasCap the most gas one eth_call or eth_estimateGas may use (geth's rpc.gascap)
 * @param callTimeoutMs wall time from a heavy request's arrival to its answer, after which its
 *     execution is stopped (geth's rpc.evmtimeout); a batch shares one
 * @param logsBlockRangeMax the longest block range one log query may search
 * @param logsAlternativesMax addresses, or topics in one position, of one log filter
 * @param logsQueryWorkMax blocks times (addresses + topics) one log query may test
 * @param logsResultMax logs in one answer
 * @param logsResultBytesMax estimated JSON bytes of one log answer
 * @param filtersMax polled filters installed on the node
 * @param filtersPerAddressMax polled filters installed from one IP address
 * @param filterIdleTimeoutMs a filter not polled for this long is removed (geth: 5 minutes)
 * @param subscriptionsPerConnectionMax subscriptions on one WebSocket connection
 * @param webSocketOutboundMessagesMax messages waiting to be written to one WebSocket client; a
 *     client that falls further behind is disconnected
 * @param webSocketOutboundBytesMax bytes waiting to be written to one WebSocket client, likewise
 * @param notificationQueueMax committed blocks and pending-transaction batches waiting for the
 *     notification executor; beyond it every subscriber of the kind is disconnected
 */
public record RpcLimits(
    int requestBodyBytesMax,
    int batchSizeMax,
    int webSocketFrameBytesMax,
    int jsonNestingDepthMax,
    int connectionsMax,
    int connectionsPerAddressMax,
    long idleTimeoutMs,
    long requestReadTimeoutMs,
    int workerThreads,
    int heavyWorkerThreads,
    int heavyCallsPerAddressMax,
    int workerQueueMax,
    int connectionQueueMax,
    long callGasCap,
    long callTimeoutMs,
    int logsBlockRangeMax,
    int logsAlternativesMax,
    long logsQueryWorkMax,
    int logsResultMax,
    long logsResultBytesMax,
    int filtersMax,
    int filtersPerAddressMax,
    long filterIdleTimeoutMs,
    int subscriptionsPerConnectionMax,
    int webSocketOutboundMessagesMax,
    long webSocketOutboundBytesMax,
    int notificationQueueMax) {

  /** 5 MiB, geth's default HTTP body limit, enough for a large contract deployment. */
  public static final int REQUEST_BODY_BYTES_DEFAULT = 5 * 1024 * 1024;
  /** geth's default batch request limit. */
  public static final int BATCH_SIZE_DEFAULT = 1000;
  public static final int WEBSOCKET_FRAME_BYTES_DEFAULT = 5 * 1024 * 1024;
  /** Ethereum requests nest a few levels (call object, filter topics); 64 is generous. */
  public static final int JSON_NESTING_DEPTH_DEFAULT = 64;
  public static final int CONNECTIONS_DEFAULT = 1000;
  /** One address may hold 64 of the 1000 connections: sixteen addresses cannot fill the port. */
  public static final int CONNECTIONS_PER_ADDRESS_DEFAULT = 64;
  /** geth closes idle HTTP connections after 120 s; a minute frees slots of vanished clients sooner. */
  public static final long IDLE_TIMEOUT_MS_DEFAULT = 60_000;
  /** geth's HTTP read timeout: 30 s to send one request, however slowly it trickles in. */
  public static final long REQUEST_READ_TIMEOUT_MS_DEFAULT = 30_000;
  public static final int WORKER_THREADS_DEFAULT =
      Math.max(2, Runtime.getRuntime().availableProcessors());
  /** Half the cores: heavy calls never take the CPU consensus and cheap reads need. */
  public static final int HEAVY_WORKER_THREADS_DEFAULT =
      Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
  /** Half the heavy workers, so one address always leaves the others a worker (when there are two). */
  public static final int HEAVY_CALLS_PER_ADDRESS_DEFAULT = Math.max(1, HEAVY_WORKER_THREADS_DEFAULT / 2);
  public static final int WORKER_QUEUE_DEFAULT = 10_000;
  /**
   * 128 requests per connection: 64 connections of one address queue at most 8,192, less than
   * {@link #WORKER_QUEUE_DEFAULT}, so one address cannot fill the server's queue.
   */
  public static final int CONNECTION_QUEUE_DEFAULT = 128;
  /** geth's rpc.gascap. */
  public static final long CALL_GAS_CAP_DEFAULT = 50_000_000;
  /** geth's rpc.evmtimeout. */
  public static final long CALL_TIMEOUT_MS_DEFAULT = 5_000;
  /** 10,000 blocks of blooms is 2.5 MB read; also the ledger's own bound per bloom query. */
  public static final int LOGS_BLOCK_RANGE_DEFAULT = 10_000;
  public static final int LOGS_ALTERNATIVES_DEFAULT = 1_000;
  /** 10,000 blocks of a filter with 200 addresses and topics, or 2,000 blocks with 1,000. */
  public static final long LOGS_QUERY_WORK_DEFAULT = 2_000_000;
  public static final int LOGS_RESULT_DEFAULT = 10_000;
  public static final long LOGS_RESULT_BYTES_DEFAULT = 16L * 1024 * 1024;
  public static final int FILTERS_DEFAULT = 10_000;
  /** An address holds at most 1% of the filter table: it takes 100 addresses to fill it. */
  public static final int FILTERS_PER_ADDRESS_DEFAULT = 100;
  /** geth's filter deadline. */
  public static final long FILTER_IDLE_TIMEOUT_MS_DEFAULT = 5 * 60 * 1000;
  public static final int SUBSCRIPTIONS_PER_CONNECTION_DEFAULT = 1000;
  public static final int WEBSOCKET_OUTBOUND_MESSAGES_DEFAULT = 10_000;
  public static final long WEBSOCKET_OUTBOUND_BYTES_DEFAULT = 64L * 1024 * 1024;
  /** 256 blocks behind is minutes of a busy chain; a subscriber that far behind gains nothing by waiting. */
  public static final int NOTIFICATION_QUEUE_DEFAULT = 256;
  /** The shortest timeout accepted: below it, a healthy client on a slow link is cut off. */
  public static final long TIMEOUT_MS_MIN = 10;
  /** A day: longer timeouts are a mistake in the units. */
  public static final long TIMEOUT_MS_MAX = 24L * 60 * 60 * 1000;
  /** More threads than this on one node's RPC is a configuration mistake. */
  public static final int THREADS_MAX = 1024;

  /** How one limit is named, bounded and set, for {@link Builder#set} and error messages. */
  private record Field(long min, long max, ToLongFunction<RpcLimits> get, ObjLongConsumer<Builder> set) {}

  private static final Map<String, Field> FIELDS = fields();

  private static Map<String, Field> fields() {
    Map<String, Field> f = new LinkedHashMap<>();
    f.put("requestBodyBytesMax", new Field(1024, Integer.MAX_VALUE, RpcLimits::requestBodyBytesMax, (b, v) -> b.requestBodyBytesMax = (int) v));
    f.put("batchSizeMax", new Field(1, 100_000, RpcLimits::batchSizeMax, (b, v) -> b.batchSizeMax = (int) v));
    f.put("webSocketFrameBytesMax", new Field(1024, Integer.MAX_VALUE, RpcLimits::webSocketFrameBytesMax, (b, v) -> b.webSocketFrameBytesMax = (int) v));
    f.put("jsonNestingDepthMax", new Field(3, 1000, RpcLimits::jsonNestingDepthMax, (b, v) -> b.jsonNestingDepthMax = (int) v));
    f.put("connectionsMax", new Field(1, 1_000_000, RpcLimits::connectionsMax, (b, v) -> b.connectionsMax = (int) v));
    f.put("connectionsPerAddressMax", new Field(1, 1_000_000, RpcLimits::connectionsPerAddressMax, (b, v) -> b.connectionsPerAddressMax = (int) v));
    f.put("idleTimeoutMs", new Field(TIMEOUT_MS_MIN, TIMEOUT_MS_MAX, RpcLimits::idleTimeoutMs, (b, v) -> b.idleTimeoutMs = v));
    f.put("requestReadTimeoutMs", new Field(TIMEOUT_MS_MIN, TIMEOUT_MS_MAX, RpcLimits::requestReadTimeoutMs, (b, v) -> b.requestReadTimeoutMs = v));
    f.put("workerThreads", new Field(1, THREADS_MAX, RpcLimits::workerThreads, (b, v) -> b.workerThreads = (int) v));
    f.put("heavyWorkerThreads", new Field(1, THREADS_MAX, RpcLimits::heavyWorkerThreads, (b, v) -> b.heavyWorkerThreads = (int) v));
    f.put("heavyCallsPerAddressMax", new Field(1, THREADS_MAX, RpcLimits::heavyCallsPerAddressMax, (b, v) -> b.heavyCallsPerAddressMax = (int) v));
    f.put("workerQueueMax", new Field(1, 10_000_000, RpcLimits::workerQueueMax, (b, v) -> b.workerQueueMax = (int) v));
    f.put("connectionQueueMax", new Field(1, 10_000_000, RpcLimits::connectionQueueMax, (b, v) -> b.connectionQueueMax = (int) v));
    f.put("callGasCap", new Field(21_000, Long.MAX_VALUE, RpcLimits::callGasCap, (b, v) -> b.callGasCap = v));
    f.put("callTimeoutMs", new Field(TIMEOUT_MS_MIN, TIMEOUT_MS_MAX, RpcLimits::callTimeoutMs, (b, v) -> b.callTimeoutMs = v));
    f.put("logsBlockRangeMax", new Field(1, LOGS_BLOCK_RANGE_DEFAULT, RpcLimits::logsBlockRangeMax, (b, v) -> b.logsBlockRangeMax = (int) v));
    f.put("logsAlternativesMax", new Field(1, 100_000, RpcLimits::logsAlternativesMax, (b, v) -> b.logsAlternativesMax = (int) v));
    f.put("logsQueryWorkMax", new Field(1, Long.MAX_VALUE, RpcLimits::logsQueryWorkMax, (b, v) -> b.logsQueryWorkMax = v));
    f.put("logsResultMax", new Field(1, 10_000_000, RpcLimits::logsResultMax, (b, v) -> b.logsResultMax = (int) v));
    f.put("logsResultBytesMax", new Field(1024, Integer.MAX_VALUE, RpcLimits::logsResultBytesMax, (b, v) -> b.logsResultBytesMax = v));
    f.put("filtersMax", new Field(1, 10_000_000, RpcLimits::filtersMax, (b, v) -> b.filtersMax = (int) v));
    f.put("filtersPerAddressMax", new Field(1, 10_000_000, RpcLimits::filtersPerAddressMax, (b, v) -> b.filtersPerAddressMax = (int) v));
    f.put("filterIdleTimeoutMs", new Field(TIMEOUT_MS_MIN, TIMEOUT_MS_MAX, RpcLimits::filterIdleTimeoutMs, (b, v) -> b.filterIdleTimeoutMs = v));
    f.put("subscriptionsPerConnectionMax", new Field(1, 1_000_000, RpcLimits::subscriptionsPerConnectionMax, (b, v) -> b.subscriptionsPerConnectionMax = (int) v));
    f.put("webSocketOutboundMessagesMax", new Field(1, 10_000_000, RpcLimits::webSocketOutboundMessagesMax, (b, v) -> b.webSocketOutboundMessagesMax = (int) v));
    f.put("webSocketOutboundBytesMax", new Field(1024, Long.MAX_VALUE, RpcLimits::webSocketOutboundBytesMax, (b, v) -> b.webSocketOutboundBytesMax = v));
    f.put("notificationQueueMax", new Field(1, 1_000_000, RpcLimits::notificationQueueMax, (b, v) -> b.notificationQueueMax = (int) v));
    return java.util.Collections.unmodifiableMap(f);
  }

  public RpcLimits {
    // The components in declaration order, which is FIELDS' order (RpcLimitsTest checks it).
    long[] values = {requestBodyBytesMax, batchSizeMax, webSocketFrameBytesMax, jsonNestingDepthMax,
        connectionsMax, connectionsPerAddressMax, idleTimeoutMs, requestReadTimeoutMs, workerThreads,
        heavyWorkerThreads, heavyCallsPerAddressMax, workerQueueMax, connectionQueueMax, callGasCap,
        callTimeoutMs, logsBlockRangeMax, logsAlternativesMax, logsQueryWorkMax, logsResultMax,
        logsResultBytesMax, filtersMax, filtersPerAddressMax, filterIdleTimeoutMs,
        subscriptionsPerConnectionMax, webSocketOutboundMessagesMax, webSocketOutboundBytesMax,
        notificationQueueMax};
    int i = 0;
    for (Map.Entry<String, Field> field : FIELDS.entrySet()) {
      long value = values[i++];
      Invariants.check(value >= field.getValue().min() && value <= field.getValue().max(),
          "%s must be %s to %s, got %s", field.getKey(), field.getValue().min(), field.getValue().max(), value);
    }
  }

  /** The limits' names in declaration order (for the test that keeps the constructor's check aligned). */
  static java.util.List<String> declarationOrder() {
    return java.util.List.copyOf(FIELDS.keySet());
  }

  public static RpcLimits defaults() {
    return new Builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from these limits. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    FIELDS.values().forEach(field -> field.set().accept(builder, field.get().applyAsLong(this)));
    return builder;
  }

  /** Every limit's name, sorted, as the configuration spells them. */
  public static java.util.Set<String> names() {
    return new java.util.TreeSet<>(FIELDS.keySet());
  }

  /** The value of the limit called {@code name}. */
  public long get(String name) {
    Field field = FIELDS.get(name);
    Invariants.check(field != null, "no limit named %s", name);
    return field.get().applyAsLong(this);
  }

  public RpcLimits withRequestBodyBytesMax(int value) {
    return toBuilder().set("requestBodyBytesMax", value).build();
  }

  public RpcLimits withBatchSizeMax(int value) {
    return toBuilder().set("batchSizeMax", value).build();
  }

  public RpcLimits withConnectionsMax(int value) {
    return toBuilder().set("connectionsMax", value).build();
  }

  public RpcLimits withWorkers(int threads, int queueMax) {
    return toBuilder().set("workerThreads", threads).set("workerQueueMax", queueMax).build();
  }

  /** Collects limits by name; unset ones keep their defaults. */
  public static final class Builder {
    int requestBodyBytesMax = REQUEST_BODY_BYTES_DEFAULT;
    int batchSizeMax = BATCH_SIZE_DEFAULT;
    int webSocketFrameBytesMax = WEBSOCKET_FRAME_BYTES_DEFAULT;
    int jsonNestingDepthMax = JSON_NESTING_DEPTH_DEFAULT;
    int connectionsMax = CONNECTIONS_DEFAULT;
    int connectionsPerAddressMax = CONNECTIONS_PER_ADDRESS_DEFAULT;
    long idleTimeoutMs = IDLE_TIMEOUT_MS_DEFAULT;
    long requestReadTimeoutMs = REQUEST_READ_TIMEOUT_MS_DEFAULT;
    int workerThreads = WORKER_THREADS_DEFAULT;
    int heavyWorkerThreads = HEAVY_WORKER_THREADS_DEFAULT;
    int heavyCallsPerAddressMax = HEAVY_CALLS_PER_ADDRESS_DEFAULT;
    int workerQueueMax = WORKER_QUEUE_DEFAULT;
    int connectionQueueMax = CONNECTION_QUEUE_DEFAULT;
    long callGasCap = CALL_GAS_CAP_DEFAULT;
    long callTimeoutMs = CALL_TIMEOUT_MS_DEFAULT;
    int logsBlockRangeMax = LOGS_BLOCK_RANGE_DEFAULT;
    int logsAlternativesMax = LOGS_ALTERNATIVES_DEFAULT;
    long logsQueryWorkMax = LOGS_QUERY_WORK_DEFAULT;
    int logsResultMax = LOGS_RESULT_DEFAULT;
    long logsResultBytesMax = LOGS_RESULT_BYTES_DEFAULT;
    int filtersMax = FILTERS_DEFAULT;
    int filtersPerAddressMax = FILTERS_PER_ADDRESS_DEFAULT;
    long filterIdleTimeoutMs = FILTER_IDLE_TIMEOUT_MS_DEFAULT;
    int subscriptionsPerConnectionMax = SUBSCRIPTIONS_PER_CONNECTION_DEFAULT;
    int webSocketOutboundMessagesMax = WEBSOCKET_OUTBOUND_MESSAGES_DEFAULT;
    long webSocketOutboundBytesMax = WEBSOCKET_OUTBOUND_BYTES_DEFAULT;
    int notificationQueueMax = NOTIFICATION_QUEUE_DEFAULT;

    private Builder() {}

    /**
     * Sets the limit called {@code name} (as in {@link RpcLimits}'s components).
     *
     * @throws IllegalArgumentException for an unknown name or a value out of the limit's range,
     *     with a message naming the range or the known names
     */
    public Builder set(String name, long value) {
      Field field = FIELDS.get(name);
      if (field == null) {
        throw new IllegalArgumentException("unknown limit (known: " + String.join(", ", names()) + ")");
      }
      if (value < field.min() || value > field.max()) {
        throw new IllegalArgumentException("must be " + field.min() + " to " + field.max() + ", got " + value);
      }
      field.set().accept(this, value);
      return this;
    }

    public RpcLimits build() {
      return new RpcLimits(requestBodyBytesMax, batchSizeMax, webSocketFrameBytesMax,
          jsonNestingDepthMax, connectionsMax, connectionsPerAddressMax, idleTimeoutMs,
          requestReadTimeoutMs, workerThreads, heavyWorkerThreads, heavyCallsPerAddressMax,
          workerQueueMax, connectionQueueMax, callGasCap, callTimeoutMs, logsBlockRangeMax,
          logsAlternativesMax, logsQueryWorkMax, logsResultMax, logsResultBytesMax, filtersMax,
          filtersPerAddressMax, filterIdleTimeoutMs, subscriptionsPerConnectionMax,
          webSocketOutboundMessagesMax, webSocketOutboundBytesMax, notificationQueueMax);
    }
  }
}

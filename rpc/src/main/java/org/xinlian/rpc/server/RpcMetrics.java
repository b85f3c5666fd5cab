package org.xinlian.rpc.server;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The server's own meters. Method tags are limited to registered method names (unknown names are
 * tagged "unknown") so a client cannot grow the registry by inventing method names.
 */
final class RpcMetrics {
  static final String REQUESTS = "xinlian.rpc.requests";
  static final String CONNECTIONS_ACTIVE = "xinlian.rpc.connections.active";
  static final String REQUESTS_REJECTED = "xinlian.rpc.requests.rejected";
  static final String REQUESTS_DROPPED = "xinlian.rpc.requests.dropped";
  static final String CALLS_STOPPED = "xinlian.rpc.calls.stopped";
  static final String HEAVY_RUNNING = "xinlian.rpc.heavy.running";
  static final String CONNECTIONS_REFUSED = "xinlian.rpc.connections.refused";
  static final String CONNECTIONS_CLOSED = "xinlian.rpc.connections.closed";
  static final String WEBSOCKET_DISCONNECTED = "xinlian.rpc.websocket.disconnected";
  static final String AUTH_REFUSED = "xinlian.rpc.auth.refused";
  static final String AUTH_CREDENTIAL = "credential";
  static final String AUTH_PERMISSION = "permission";
  static final String REJECTED_SERVER_QUEUE = "server-queue";
  static final String REJECTED_CONNECTION_QUEUE = "connection-queue";
  static final String REJECTED_HEAVY_QUEUE = "heavy-queue";
  static final String STOPPED_TIMEOUT = "timeout";
  static final String STOPPED_DISCONNECTED = "disconnected";
  static final String REFUSED_CONNECTIONS_MAX = "connections-max";
  static final String REFUSED_PER_ADDRESS = "per-address";
  static final String CLOSED_IDLE = "idle";
  static final String CLOSED_READ_TIMEOUT = "read-timeout";
  static final String DISCONNECTED_SLOW = "slow-consumer";
  static final String DISCONNECTED_LAGGING = "notifications-lagging";
  static final String METHOD_UNKNOWN = "unknown";
  static final String METHOD_INVALID = "invalid";

  private final MeterRegistry registry;
  private final AtomicInteger activeConnections = new AtomicInteger();
  private final AtomicInteger heavyRunning = new AtomicInteger();
  private final Map<String, Counter> reasons = new ConcurrentHashMap<>();
  private final Map<TimerKey, Timer> timers = new ConcurrentHashMap<>();

  /** Most (method, error code) timers kept at hand; more are still recorded, just looked up. */
  static final int TIMERS_CACHED_MAX = 1_024;

  private record TimerKey(String method, int errorCode) {}

  RpcMetrics(MeterRegistry registry) {
    this.registry = registry;
    Gauge.builder(CONNECTIONS_ACTIVE, activeConnections, AtomicInteger::get)
        .description("Open HTTP and WebSocket connections to the JSON-RPC port")
        .register(registry);
    Gauge.builder(HEAVY_RUNNING, heavyRunning, AtomicInteger::get)
        .description("Heavy requests (calls, estimates, log queries) running now")
        .register(registry);
    register(REQUESTS_REJECTED, "Requests refused because a queue was full", REJECTED_SERVER_QUEUE,
        REJECTED_CONNECTION_QUEUE, REJECTED_HEAVY_QUEUE);
    register(REQUESTS_DROPPED, "Queued requests dropped unrun because their client disconnected",
        STOPPED_DISCONNECTED);
    register(CALLS_STOPPED, "Calls stopped mid-flight at their time cap or when their client left",
        STOPPED_TIMEOUT, STOPPED_DISCONNECTED);
    register(CONNECTIONS_REFUSED, "Connections closed on accept by a connection limit",
        REFUSED_CONNECTIONS_MAX, REFUSED_PER_ADDRESS);
    register(CONNECTIONS_CLOSED, "Connections closed for idling or for a request that never completed",
        CLOSED_IDLE, CLOSED_READ_TIMEOUT);
    register(WEBSOCKET_DISCONNECTED, "WebSocket clients disconnected for not keeping up with their messages",
        DISCONNECTED_SLOW, DISCONNECTED_LAGGING);
    register(AUTH_REFUSED, "Requests refused by authentication: a missing or invalid credential, or a method "
        + "the credential does not permit", AUTH_CREDENTIAL, AUTH_PERMISSION);
  }

  void authRefused(String reason) {
    count(AUTH_REFUSED, reason);
  }

  /** Every reason's counter exists from the start, so a scrape shows zeros rather than nothing. */
  private void register(String name, String description, String... reasonTags) {
    for (String reason : reasonTags) {
      reasons.put(name + "|" + reason,
          Counter.builder(name).description(description).tag("reason", reason).register(registry));
    }
  }

  private void count(String name, String reason) {
    reasons.get(name + "|" + reason).increment();
  }

  MeterRegistry registry() {
    return registry;
  }

  AtomicInteger activeConnections() {
    return activeConnections;
  }

  long startNanos() {
    return registry.config().clock().monotonicTime();
  }

  /** Records one call; {@code errorCode} is 0 on success. */
  void record(String method, int errorCode, long startNanos) {
    timer(method, errorCode)
        .record(registry.config().clock().monotonicTime() - startNanos, TimeUnit.NANOSECONDS);
  }

  /**
   * The timer for a method and outcome. Building tags and looking the meter up in the registry
   * cost an eighth of a worker's time under load, so timers are kept; the cache is bounded like
   * the registry's tag values are.
   */
  private Timer timer(String method, int errorCode) {
    TimerKey key = new TimerKey(method, errorCode);
    Timer timer = timers.get(key);
    if (timer != null) {
      return timer;
    }
    timer = Timer.builder(REQUESTS)
        .description("JSON-RPC calls by method and outcome")
        .tag("method", method)
        .tag("outcome", errorCode == 0 ? "success" : "error")
        .tag("code", Integer.toString(errorCode))
        .register(registry);
    if (timers.size() < TIMERS_CACHED_MAX) {
      timers.putIfAbsent(key, timer);
    }
    return timer;
  }

  void rejected(String queue) {
    count(REQUESTS_REJECTED, queue);
  }

  void droppedDisconnected() {
    count(REQUESTS_DROPPED, STOPPED_DISCONNECTED);
  }

  void callStopped(String reason) {
    count(CALLS_STOPPED, reason);
  }

  void connectionRefused(String reason) {
    count(CONNECTIONS_REFUSED, reason);
  }

  void connectionClosed(String reason) {
    count(CONNECTIONS_CLOSED, reason);
  }

  void webSocketDisconnected(String reason) {
    count(WEBSOCKET_DISCONNECTED, reason);
  }

  AtomicInteger heavyRunning() {
    return heavyRunning;
  }
}

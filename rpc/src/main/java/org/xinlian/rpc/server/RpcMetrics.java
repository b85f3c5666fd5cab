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
  static final String METHOD_UNKNOWN = "unknown";
  static final String METHOD_INVALID = "invalid";

  private final MeterRegistry registry;
  private final AtomicInteger activeConnections = new AtomicInteger();
  private final Counter rejected;
  private final Map<TimerKey, Timer> timers = new ConcurrentHashMap<>();

  /** Most (method, error code) timers kept at hand; more are still recorded, just looked up. */
  static final int TIMERS_CACHED_MAX = 1_024;

  private record TimerKey(String method, int errorCode) {}

  RpcMetrics(MeterRegistry registry) {
    this.registry = registry;
    Gauge.builder(CONNECTIONS_ACTIVE, activeConnections, AtomicInteger::get)
        .description("Open HTTP and WebSocket connections to the JSON-RPC port")
        .register(registry);
    rejected =
        Counter.builder(REQUESTS_REJECTED)
            .description("Requests refused because the worker queue was full")
            .register(registry);
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

  void rejected() {
    rejected.increment();
  }
}

package org.xinlian.rpc.server;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
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
    Timer.builder(REQUESTS)
        .description("JSON-RPC calls by method and outcome")
        .tag("method", method)
        .tag("outcome", errorCode == 0 ? "success" : "error")
        .tag("code", Integer.toString(errorCode))
        .register(registry)
        .record(registry.config().clock().monotonicTime() - startNanos, java.util.concurrent.TimeUnit.NANOSECONDS);
  }

  void rejected() {
    rejected.increment();
  }
}

package org.xinlian.rpc.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.xinlian.rpc.ChainInfo;
import org.xinlian.rpc.RpcCall;
import org.xinlian.rpc.RpcException;
import org.xinlian.rpc.RpcMethod;
import org.xinlian.rpc.RpcParams;
import org.xinlian.rpc.RpcPermission;
import org.xinlian.rpc.RpcServerConfig;
import org.xinlian.rpc.SubscriptionSource;

/** A real server on an ephemeral port and a real HTTP client, for the tests of this package. */
final class TestServer implements AutoCloseable {
  static final ChainInfo CHAIN = new ChainInfo(1337);
  static final ObjectMapper MAPPER = new ObjectMapper();

  final RpcServer server;
  final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  final CountDownLatch release = new CountDownLatch(1);
  final CountDownLatch blockedStarted = new CountDownLatch(1);
  /** test_spin calls started, and test_sleep calls run. */
  final AtomicInteger spinsStarted = new AtomicInteger();
  final AtomicInteger sleepsRun = new AtomicInteger();

  TestServer(RpcServerConfig config, List<SubscriptionSource> sources) {
    server = RpcServer.builder(config.withPort(0), CHAIN)
        .methods(testMethods())
        .subscriptionSources(sources)
        .build()
        .start();
  }

  TestServer(RpcServerConfig config) {
    this(config, List.of());
  }

  TestServer() {
    this(RpcServerConfig.defaults());
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  URI webSocketUri() {
    return URI.create("ws://127.0.0.1:" + server.port() + "/");
  }

  HttpResponse<String> post(String body) throws Exception {
    return post(body, "application/json");
  }

  HttpResponse<String> post(String body, String contentType) throws Exception {
    return send(HttpRequest.newBuilder(uri("/")).header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  HttpResponse<String> send(HttpRequest request) throws Exception {
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  JsonNode call(String body) throws Exception {
    HttpResponse<String> response = post(body);
    if (response.statusCode() != 200) {
      throw new AssertionError("HTTP " + response.statusCode() + ": " + response.body());
    }
    return MAPPER.readTree(response.body());
  }

  @Override
  public void close() {
    release.countDown();
    server.close();
  }

  private List<RpcMethod> testMethods() {
    return List.of(
        method("test_echo", RpcPermission.PUBLIC, p -> p.raw(0)),
        method("test_crash", RpcPermission.PUBLIC, p -> {
          throw new IllegalStateException("secret internal detail");
        }),
        method("test_revert", RpcPermission.PUBLIC, p -> {
          throw RpcException.executionReverted(p.data(0, "revertData"));
        }),
        method("test_reject", RpcPermission.PUBLIC, p -> {
          throw RpcException.transactionRejected("nonce too low: next nonce 5, tx nonce 4");
        }),
        method("test_block", RpcPermission.PUBLIC, p -> {
          blockedStarted.countDown();
          try {
            release.await(60, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return "released";
        }),
        // Burns CPU like an endless eth_call until its call is stopped (time cap, client gone).
        heavy("test_spin", call -> {
          spinsStarted.incrementAndGet();
          while (!call.stopRequested()) {
            Thread.onSpinWait();
          }
          throw call.stopped();
        }),
        method("test_sleep", RpcPermission.PUBLIC, p -> {
          sleepsRun.incrementAndGet();
          try {
            Thread.sleep(p.quantityLong(0, "milliseconds"));
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return "slept";
        }),
        method("admin_secret", RpcPermission.ADMIN, p -> "admin"),
        method("debug_secret", RpcPermission.DEBUG, p -> "debug"));
  }

  interface Body {
    Object run(RpcParams params);
  }

  interface CallBody {
    Object run(RpcCall call);
  }

  /** A heavy PUBLIC method that sees its call. */
  static RpcMethod heavy(String name, CallBody body) {
    return new RpcMethod() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public boolean heavy() {
        return true;
      }

      @Override
      public Object execute(RpcParams params) {
        throw new UnsupportedOperationException("the server passes the call");
      }

      @Override
      public Object execute(RpcParams params, RpcCall call) {
        return body.run(call);
      }
    };
  }

  /** A counter of the server's meters with tag reason, 0 when absent. */
  double counter(String name, String reason) {
    var counter = server.meterRegistry().find(name).tag("reason", reason).counter();
    return counter == null ? 0 : counter.count();
  }

  double gauge(String name) {
    var gauge = server.meterRegistry().find(name).gauge();
    return gauge == null ? 0 : gauge.value();
  }

  static RpcMethod method(String name, RpcPermission permission, Body body) {
    return new RpcMethod() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public RpcPermission permission() {
        return permission;
      }

      @Override
      public Object execute(RpcParams params) {
        return body.run(params);
      }
    };
  }
}

package org.xinlian.rpc.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.WebSocket;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xinlian.rpc.RpcParams;
import org.xinlian.rpc.RpcServerConfig;
import org.xinlian.rpc.Subscription;
import org.xinlian.rpc.SubscriptionSink;
import org.xinlian.rpc.SubscriptionSource;

class RpcWebSocketTest {
  /** A source the test drives by hand: it keeps each sink and counts cancellations. */
  static final class TickSource implements SubscriptionSource {
    final List<SubscriptionSink> sinks = new CopyOnWriteArrayList<>();
    final CountDownLatch cancelled = new CountDownLatch(1);
    volatile String lastParam;

    @Override
    public String kind() {
      return "ticks";
    }

    @Override
    public Subscription start(RpcParams params, SubscriptionSink sink) {
      lastParam = params.size() > 0 ? params.string(0, "label") : null;
      sink.emit("first");
      sinks.add(sink);
      return cancelled::countDown;
    }
  }

  static class Client implements WebSocket.Listener {
    final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();
    WebSocket socket;

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        try {
          messages.add(TestServer.MAPPER.readTree(partial.toString()));
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
        partial.setLength(0);
      }
      webSocket.request(1);
      return null;
    }

    JsonNode next() throws InterruptedException {
      JsonNode message = messages.poll(30, TimeUnit.SECONDS);
      assertNotNull(message, "no WebSocket message within 30 s");
      return message;
    }

    void send(String text) {
      socket.sendText(text, true).join();
    }
  }

  private final TickSource source = new TickSource();
  private TestServer server;

  @BeforeEach
  void start() {
    server = new TestServer(RpcServerConfig.defaults(), List.of(source));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private Client connect() {
    Client client = new Client();
    client.socket = server.client.newWebSocketBuilder().buildAsync(server.webSocketUri(), client).join();
    return client;
  }

  @Test
  @DisplayName("RPC-1 RPC-2 WebSocket on the same port answers single requests and batches")
  void requestResponse() throws Exception {
    Client client = connect();
    client.send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\"}");
    assertEquals("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x539\"}", client.next().toString());
    client.send("[{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"net_version\"},{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"nope\"}]");
    JsonNode batch = client.next();
    assertEquals("1337", batch.get(0).get("result").asText());
    assertEquals(-32601, batch.get(1).get("error").get("code").asInt());
    client.send("{broken");
    assertEquals(-32700, client.next().get("error").get("code").asInt());
    client.socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
  }

  @Test
  @DisplayName("RPC-8 eth_subscribe answers an id, notifications follow it (also those emitted at once), eth_unsubscribe cancels")
  void subscribeAndUnsubscribe() throws Exception {
    Client client = connect();
    client.send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_subscribe\",\"params\":[\"ticks\",\"label-a\"]}");
    JsonNode subscribed = client.next();
    String id = subscribed.get("result").asText();
    assertTrue(id.startsWith("0x"), subscribed.toString());
    assertEquals("label-a", source.lastParam);
    JsonNode first = client.next();
    assertEquals("{\"jsonrpc\":\"2.0\",\"method\":\"eth_subscription\",\"params\":{\"subscription\":\"" + id
        + "\",\"result\":\"first\"}}", first.toString());
    assertTrue(source.sinks.get(0).emit(java.util.Map.of("number", "0x1")));
    JsonNode second = client.next();
    assertEquals("0x1", second.get("params").get("result").get("number").asText());

    client.send("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"eth_unsubscribe\",\"params\":[\"" + id + "\"]}");
    assertEquals("{\"jsonrpc\":\"2.0\",\"id\":2,\"result\":true}", client.next().toString());
    assertTrue(source.cancelled.await(30, TimeUnit.SECONDS));
    assertFalse(source.sinks.get(0).emit("late"));
    client.send("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"eth_unsubscribe\",\"params\":[\"" + id + "\"]}");
    assertEquals("{\"jsonrpc\":\"2.0\",\"id\":3,\"result\":false}", client.next().toString());
    client.send("{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"eth_subscribe\",\"params\":[\"blocks\"]}");
    JsonNode unknown = client.next();
    assertEquals(-32602, unknown.get("error").get("code").asInt());
    assertEquals("invalid argument 0 (kind): unknown subscription kind blocks, known: ticks",
        unknown.get("error").get("message").asText());
  }

  @Test
  @DisplayName("RPC-8 closing the connection cancels its subscriptions")
  void closeCancels() throws Exception {
    Client client = connect();
    client.send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_subscribe\",\"params\":[\"ticks\"]}");
    client.next();
    client.next();
    client.socket.abort();
    assertTrue(source.cancelled.await(30, TimeUnit.SECONDS), "subscription not cancelled after close");
    assertFalse(source.sinks.get(0).emit("after close"));
  }

  @Test
  @DisplayName("RPC-5 RPC-8 a client that stops reading is disconnected instead of queueing without bound")
  void slowClientIsDisconnected() throws Exception {
    server.close();
    server = new TestServer(RpcServerConfig.defaults().withLimits(
        org.xinlian.rpc.RpcLimits.builder().set("requestBodyBytesMax", 1 << 20).set("batchSizeMax", 10)
            .set("webSocketFrameBytesMax", 1 << 20).set("connectionsMax", 100).set("workerThreads", 2)
            .set("workerQueueMax", 100).set("webSocketOutboundMessagesMax", 4)
            .set("subscriptionsPerConnectionMax", 10).build()), List.of(source));
    Client client = new Client() {
      @Override
      public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        if (messages.isEmpty()) {
          messages.add(TestServer.MAPPER.createObjectNode());
        }
        return new java.util.concurrent.CompletableFuture<>(); // never completes: stop reading
      }
    };
    client.socket = server.client.newWebSocketBuilder().buildAsync(server.webSocketUri(), client).join();
    client.send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_subscribe\",\"params\":[\"ticks\"]}");
    client.next();
    String payload = "x".repeat(64 * 1024);
    boolean refused = false;
    for (int i = 0; i < 100_000 && !refused; i++) {
      refused = !source.sinks.get(0).emit(payload);
    }
    assertTrue(refused, "the server kept queueing for a client that does not read");
    assertTrue(source.cancelled.await(30, TimeUnit.SECONDS), "subscription not cancelled after disconnect");
  }
}

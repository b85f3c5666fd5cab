package org.xinlian.rpc.eth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xinlian.rpc.eth.LoadSupport.await;
import static org.xinlian.rpc.eth.LoadSupport.counter;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xinlian.rpc.RpcLimits;
import org.xinlian.rpc.RpcParams;
import org.xinlian.rpc.SubscriptionSink;
import org.xinlian.rpc.SubscriptionSource;

/**
 * Notifications off the block-commit path (RPC-27): {@code onBlockCommitted} returns within
 * {@link #COMMIT_EVENTS_BOUND_MS} whatever the subscribers (before the fix 20,000 log
 * subscriptions raised a dev chain's block time from 4 ms to 620 ms), every subscriber still gets
 * its notifications, and a consumer that stops reading is disconnected, never waited for.
 */
class EthSubscriptionLoadTest {
  /**
   * The most onBlockCommitted may take: it only queues the block. Generous for a loaded 2-core
   * machine (a GC pause), far below what delivering to 20,000 subscribers on the caller costs.
   */
  static final long COMMIT_EVENTS_BOUND_MS = 250;
  static final int CONNECTIONS = 20;
  static final int SUBSCRIPTIONS_PER_CONNECTION = 1_000;

  @TempDir Path directory;
  EthTestChain chain;
  final EthereumRpcTest transactions = new EthereumRpcTest();

  void start(RpcLimits.Builder limits) throws Exception {
    chain = new EthTestChain(directory, "standard", false, limits.build(), EthTestChain.BLOCK_GAS_LIMIT);
    transactions.chain = chain;
  }

  @AfterEach
  void stop() {
    chain.close();
  }

  private void produceBlockPromptly() {
    chain.produceBlock();
    long elapsedMs = TimeUnit.NANOSECONDS.toMillis(chain.lastEventsNanos);
    assertTrue(elapsedMs < COMMIT_EVENTS_BOUND_MS, "onBlockCommitted took " + elapsedMs + " ms");
  }

  private static String subscribeBatch(String params) {
    StringBuilder batch = new StringBuilder("[");
    for (int i = 0; i < SUBSCRIPTIONS_PER_CONNECTION; i++) {
      batch.append(i == 0 ? "" : ",").append("{\"jsonrpc\":\"2.0\",\"id\":").append(i)
          .append(",\"method\":\"eth_subscribe\",\"params\":").append(params).append('}');
    }
    return batch.append(']').toString();
  }

  @Test
  @DisplayName("RPC-27 a subscriber whose delivery blocks does not hold the committing thread")
  void blockingDeliveryDoesNotHoldTheCommit() throws Exception {
    start(RpcLimits.builder());
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger delivered = new AtomicInteger();
    SubscriptionSink blocking = new SubscriptionSink() {
      @Override
      public boolean emit(Object result) {
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        delivered.incrementAndGet();
        return true;
      }

      @Override
      public void disconnectLagging(String reason) {}
    };
    SubscriptionSource heads = chain.rpc.subscriptionSources().stream()
        .filter(source -> source.kind().equals("newHeads")).findFirst().orElseThrow();
    heads.start(RpcParams.of(EthTestChain.MAPPER.createArrayNode()), blocking);
    for (int i = 0; i < 3; i++) {
      produceBlockPromptly();
    }
    assertEquals(0, delivered.get(), "delivery waits for the subscriber; the commits did not");
    release.countDown();
    await(() -> delivered.get() == 3, "every head delivered once the subscriber moved");
  }

  @Test
  @DisplayName("RPC-27 20,000 log subscriptions: onBlockCommitted returns within 250 ms and each gets its log")
  void twentyThousandSubscriptions() throws Exception {
    start(RpcLimits.builder());
    List<EthereumSubscriptionsTest.Client> clients = new ArrayList<>();
    String logs = "[\"logs\",{\"address\":\"" + EthTestChain.LOGGER + "\"}]";
    for (int i = 0; i < CONNECTIONS; i++) {
      EthereumSubscriptionsTest.Client client = new EthereumSubscriptionsTest.Client();
      client.socket = chain.client.newWebSocketBuilder().buildAsync(chain.webSocketUri(), client).join();
      client.socket.sendText(subscribeBatch(logs), true).join();
      JsonNode answers = client.next();
      assertEquals(SUBSCRIPTIONS_PER_CONNECTION, answers.size());
      answers.forEach(answer -> assertTrue(answer.has("result"), answer.toString()));
      clients.add(client);
    }
    assertEquals(CONNECTIONS * SUBSCRIPTIONS_PER_CONNECTION,
        chain.meters.find("xinlian.rpc.subscriptions").tag("kind", "logs").gauge().value());
    chain.call("eth_sendRawTransaction", "[\"" + transactions.logCall(1, 0, EthTestChain.LOGGER, 7) + "\"]");
    produceBlockPromptly();
    for (EthereumSubscriptionsTest.Client client : clients) {
      for (int i = 0; i < SUBSCRIPTIONS_PER_CONNECTION; i++) {
        JsonNode notification = client.next();
        assertEquals("0x" + "00".repeat(31) + "07",
            notification.get("params").get("result").get("data").asText());
      }
      client.socket.abort();
    }
  }

  /** A client that reads the first message (its subscriptions' ids) and then never reads again. */
  static final class StalledClient implements WebSocket.Listener {
    final CompletableFuture<String> first = new CompletableFuture<>();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      first.complete(data.toString());
      return null; // no request(1): the client stops reading, the server's writes back up
    }
  }

  @Test
  @DisplayName("RPC-27 a consumer that stops reading is disconnected; commits never wait and other subscribers get every head")
  void slowConsumerIsDisconnected() throws Exception {
    // Each block sends 1,000 heads to each client: a reader may be five blocks behind.
    start(RpcLimits.builder().set("webSocketOutboundMessagesMax", 5_000));
    EthereumSubscriptionsTest.Client fast = new EthereumSubscriptionsTest.Client();
    fast.socket = chain.client.newWebSocketBuilder().buildAsync(chain.webSocketUri(), fast).join();
    fast.socket.sendText(subscribeBatch("[\"newHeads\"]"), true).join();
    assertEquals(SUBSCRIPTIONS_PER_CONNECTION, fast.next().size());
    StalledClient stalled = new StalledClient();
    WebSocket slow = chain.client.newWebSocketBuilder().buildAsync(chain.webSocketUri(), stalled).join();
    slow.sendText(subscribeBatch("[\"newHeads\"]"), true).join();
    stalled.first.get(LoadSupport.EFFECT_BOUND_MS, TimeUnit.MILLISECONDS);

    // Blocks come as fast as the fast client takes its 1,000 heads of each: a chain whose
    // notifications keep up, where only the stalled client falls behind.
    int blocks = 0;
    int afterCut = 0;
    while (afterCut < 3) {
      assertTrue(blocks < 500, "the stalled client was not disconnected after 500 blocks");
      produceBlockPromptly();
      blocks++;
      for (int i = 0; i < SUBSCRIPTIONS_PER_CONNECTION; i++) {
        assertEquals("eth_subscription", fast.next().get("method").asText(), "block " + blocks);
      }
      if (counter(chain, "xinlian.rpc.websocket.disconnected", "slow-consumer") > 0) {
        afterCut++;
      }
    }
    assertEquals(1, counter(chain, "xinlian.rpc.websocket.disconnected", "slow-consumer"),
        "only the stalled client was disconnected, after " + blocks + " blocks");
    await(() -> chain.meters.find("xinlian.rpc.subscriptions").tag("kind", "newHeads").gauge().value()
        == SUBSCRIPTIONS_PER_CONNECTION, "the stalled client's subscriptions cancelled");
    assertEquals(0, chain.meters.find("xinlian.rpc.notifications.overflow").tag("kind", "blocks")
        .counter().count(), "the notification thread kept up");
    slow.abort();
    fast.socket.abort();
  }
}

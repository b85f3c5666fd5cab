package org.xinlian.rpc.eth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xinlian.common.Address;

/** Polled filters and WebSocket subscriptions fed by committed blocks and the pool. */
class EthereumSubscriptionsTest {
  @TempDir Path directory;
  EthTestChain chain;
  final EthereumRpcTest transactions = new EthereumRpcTest();

  @BeforeEach
  void start() throws Exception {
    chain = new EthTestChain(directory, "standard", false);
    transactions.chain = chain;
  }

  @AfterEach
  void stop() {
    chain.close();
  }

  static String quoted(Object value) {
    return "\"" + value + "\"";
  }

  /** Deploys the logger in block 1 and returns its address. */
  Address deployLogger() throws Exception {
    String hash = chain.call("eth_sendRawTransaction", "[" + quoted(transactions.deploy(0, 0)) + "]").asText();
    chain.produceBlock();
    return Address.fromHex(chain.call("eth_getTransactionReceipt", "[" + quoted(hash) + "]")
        .get("contractAddress").asText());
  }

  @Test
  @DisplayName("RPC-20 filters: log, block and pending filters report changes once; idle filters expire")
  void filters() throws Exception {
    Address logger = deployLogger();
    String logFilter = chain.call("eth_newFilter", "[{\"address\":" + quoted(logger) + "}]").asText();
    String blockFilter = chain.call("eth_newBlockFilter", "[]").asText();
    String pendingFilter = chain.call("eth_newPendingTransactionFilter", "[]").asText();
    String sent = chain.call("eth_sendRawTransaction",
        "[" + quoted(transactions.logCall(1, 0, logger, 5)) + "]").asText();
    assertEquals(sent, chain.call("eth_getFilterChanges", "[" + quoted(pendingFilter) + "]").get(0).asText());
    assertEquals(0, chain.call("eth_getFilterChanges", "[" + quoted(pendingFilter) + "]").size());
    chain.produceBlock();
    JsonNode logs = chain.call("eth_getFilterChanges", "[" + quoted(logFilter) + "]");
    assertEquals(1, logs.size());
    assertEquals(sent, logs.get(0).get("transactionHash").asText());
    assertEquals(0, chain.call("eth_getFilterChanges", "[" + quoted(logFilter) + "]").size());
    assertEquals(1, chain.call("eth_getFilterLogs", "[" + quoted(logFilter) + "]").size());
    JsonNode blocks = chain.call("eth_getFilterChanges", "[" + quoted(blockFilter) + "]");
    assertEquals(chain.call("eth_getBlockByNumber", "[\"latest\", false]").get("hash"), blocks.get(0));

    assertTrue(chain.call("eth_uninstallFilter", "[" + quoted(blockFilter) + "]").asBoolean());
    assertEquals(false, chain.call("eth_uninstallFilter", "[" + quoted(blockFilter) + "]").asBoolean());
    assertEquals(-32000, chain.error("eth_getFilterChanges", "[" + quoted(blockFilter) + "]").get("code").asInt());
    chain.millis.addAndGet(org.xinlian.rpc.RpcLimits.FILTER_IDLE_TIMEOUT_MS_DEFAULT - 1);
    assertEquals(0, chain.call("eth_getFilterChanges", "[" + quoted(logFilter) + "]").size());
    chain.millis.addAndGet(org.xinlian.rpc.RpcLimits.FILTER_IDLE_TIMEOUT_MS_DEFAULT);
    JsonNode expired = chain.error("eth_getFilterChanges", "[" + quoted(logFilter) + "]");
    assertEquals("filter not found", expired.get("message").asText());
  }

  static final class Client implements WebSocket.Listener {
    final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();
    WebSocket socket;

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        try {
          messages.add(EthTestChain.MAPPER.readTree(partial.toString()));
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

    String subscribe(int id, String params) throws InterruptedException {
      socket.sendText("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"eth_subscribe\",\"params\":"
          + params + "}", true).join();
      JsonNode answer = next();
      assertEquals(id, answer.get("id").asInt(), answer.toString());
      return answer.get("result").asText();
    }
  }

  @Test
  @DisplayName("RPC-21 eth_subscribe newHeads, logs (filtered) and newPendingTransactions over WebSocket")
  void subscriptions() throws Exception {
    Address logger = deployLogger();
    Client client = new Client();
    client.socket = chain.client.newWebSocketBuilder().buildAsync(chain.webSocketUri(), client).join();
    String heads = client.subscribe(1, "[\"newHeads\"]");
    String logs = client.subscribe(2, "[\"logs\",{\"address\":" + quoted(logger) + ",\"topics\":["
        + quoted(EthereumRpcTest.TOPIC) + "]}]");
    String otherLogs = client.subscribe(3, "[\"logs\",{\"address\":" + quoted(chain.address(5)) + "}]");
    String pending = client.subscribe(4, "[\"newPendingTransactions\"]");
    client.socket.sendText("{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"eth_subscribe\",\"params\":"
        + "[\"logs\",{\"blockHash\":" + quoted(EthereumRpcTest.TOPIC) + "}]}", true).join();
    assertEquals(-32602, client.next().get("error").get("code").asInt());

    String sent = chain.call("eth_sendRawTransaction",
        "[" + quoted(transactions.logCall(1, 0, logger, 9)) + "]").asText();
    JsonNode pendingNote = client.next();
    assertEquals(pending, pendingNote.get("params").get("subscription").asText());
    assertEquals(sent, pendingNote.get("params").get("result").asText());

    chain.produceBlock();
    JsonNode head = client.next();
    assertEquals(heads, head.get("params").get("subscription").asText());
    assertEquals("0x2", head.get("params").get("result").get("number").asText());
    assertEquals(chain.call("eth_getBlockByNumber", "[\"0x2\", false]").get("hash"),
        head.get("params").get("result").get("hash"));
    JsonNode log = client.next();
    assertEquals(logs, log.get("params").get("subscription").asText());
    assertEquals(sent, log.get("params").get("result").get("transactionHash").asText());
    assertEquals("0x" + "00".repeat(31) + "09", log.get("params").get("result").get("data").asText());
    // Nothing else arrives: the logs subscription for another address got no notification.
    client.socket.sendText("{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"eth_unsubscribe\",\"params\":["
        + quoted(otherLogs) + "]}", true).join();
    JsonNode unsubscribed = client.next();
    assertEquals(6, unsubscribed.get("id").asInt(), unsubscribed.toString());
    assertTrue(unsubscribed.get("result").asBoolean());
    client.socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
  }
}

package org.xinlian.rpc.eth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xinlian.rpc.eth.LoadSupport.await;
import static org.xinlian.rpc.eth.LoadSupport.gauge;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.Socket;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xinlian.rpc.RpcLimits;

/**
 * Polled filters under hostile clients (RPC-26): ids nobody can guess or use but their owner, and
 * a table no single address can fill. Clients at other addresses connect from 127.0.0.2 (Linux
 * routes all of 127/8 to the loopback interface).
 */
class EthFilterLimitsTest {
  static final String NEW_BLOCK_FILTER = LoadSupport.request("eth_newBlockFilter", "[]");

  @TempDir Path directory;
  EthTestChain chain;

  void start(RpcLimits.Builder limits) throws Exception {
    chain = new EthTestChain(directory, "standard", false, limits.build(), EthTestChain.BLOCK_GAS_LIMIT);
  }

  @AfterEach
  void stop() {
    chain.close();
  }

  private EthereumSubscriptionsTest.Client webSocket() {
    EthereumSubscriptionsTest.Client client = new EthereumSubscriptionsTest.Client();
    client.socket = chain.client.newWebSocketBuilder().buildAsync(chain.webSocketUri(), client).join();
    return client;
  }

  private static JsonNode ask(EthereumSubscriptionsTest.Client client, String method, String params)
      throws InterruptedException {
    client.socket.sendText(LoadSupport.request(method, params), true).join();
    return client.next();
  }

  private static void assertNotFound(JsonNode response) {
    assertEquals(-32000, response.path("error").path("code").asInt(), response.toString());
    assertEquals("filter not found", response.path("error").path("message").asText());
  }

  @Test
  @DisplayName("RPC-26 filter ids are 128 random bits; another connection or address can neither poll nor uninstall them")
  void filtersBelongToTheirOwner() throws Exception {
    start(RpcLimits.builder());
    EthereumSubscriptionsTest.Client owner = webSocket();
    EthereumSubscriptionsTest.Client other = webSocket();
    String logs = ask(owner, "eth_newFilter", "[{\"address\":\"" + EthTestChain.LOGGER + "\"}]").get("result").asText();
    String blocks = ask(owner, "eth_newBlockFilter", "[]").get("result").asText();
    Set<String> ids = new HashSet<>(Set.of(logs, blocks));
    for (int i = 0; i < 20; i++) {
      ids.add(chain.call("eth_newPendingTransactionFilter", "[]").asText());
    }
    assertEquals(22, ids.size());
    for (String id : ids) {
      // A QUANTITY of 128 random bits: fewer than 25 hex digits happens once in 2^32 ids.
      assertTrue(id.matches("0x[1-9a-f][0-9a-f]{24,31}"), id);
    }

    String quotedLogs = "[\"" + logs + "\"]";
    assertNotFound(ask(other, "eth_getFilterChanges", quotedLogs));
    assertNotFound(ask(other, "eth_getFilterLogs", quotedLogs));
    assertFalse(ask(other, "eth_uninstallFilter", quotedLogs).get("result").asBoolean());
    // Not over HTTP from the same address either: the filter belongs to the connection.
    assertNotFound(wrap(chain.error("eth_getFilterChanges", quotedLogs)));
    assertEquals(0, ask(owner, "eth_getFilterChanges", quotedLogs).get("result").size());

    // Over HTTP a filter belongs to the address: another address does not find it.
    String mine = chain.call("eth_newBlockFilter", "[]").asText();
    try (Socket elsewhere = LoadSupport.socket(chain, "127.0.0.2")) {
      JsonNode stranger = LoadSupport.exchange(elsewhere,
          LoadSupport.request("eth_getFilterChanges", "[\"" + mine + "\"]"));
      assertNotFound(stranger);
      assertFalse(LoadSupport.exchange(elsewhere,
          LoadSupport.request("eth_uninstallFilter", "[\"" + mine + "\"]")).get("result").asBoolean());
    }
    assertNotFound(ask(other, "eth_getFilterChanges", "[\"" + mine + "\"]"));
    assertEquals(0, chain.call("eth_getFilterChanges", "[\"" + mine + "\"]").size());

    // A WebSocket's filters go with it.
    double before = gauge(chain, "xinlian.rpc.filters");
    owner.socket.abort();
    await(() -> gauge(chain, "xinlian.rpc.filters") == before - 2, "the closed connection's filters removed");
    assertTrue(chain.call("eth_uninstallFilter", "[\"" + mine + "\"]").asBoolean());
    other.socket.abort();
  }

  /** An error object in a response envelope, as the WebSocket answers carry it. */
  private static JsonNode wrap(JsonNode error) {
    return EthTestChain.MAPPER.createObjectNode().set("error", error);
  }

  @Test
  @DisplayName("RPC-26 one address installs at most filtersPerAddressMax filters, so it cannot fill the node's table")
  void oneAddressCannotFillTheTable() throws Exception {
    start(RpcLimits.builder().set("filtersPerAddressMax", 5).set("filtersMax", 8));
    for (int i = 0; i < 5; i++) {
      chain.call("eth_newBlockFilter", "[]");
    }
    JsonNode mineFull = chain.error("eth_newBlockFilter", "[]");
    assertEquals(-32005, mineFull.get("code").asInt());
    assertEquals("too many filters installed from your address (filtersPerAddressMax=5); "
        + "uninstall unused filters or let them expire", mineFull.get("message").asText());
    try (Socket elsewhere = LoadSupport.socket(chain, "127.0.0.2")) {
      String first = null;
      for (int i = 0; i < 3; i++) {
        JsonNode installed = LoadSupport.exchange(elsewhere, NEW_BLOCK_FILTER);
        assertTrue(installed.has("result"), "another address is still served: " + installed);
        first = first == null ? installed.get("result").asText() : first;
      }
      JsonNode nodeFull = LoadSupport.exchange(elsewhere, NEW_BLOCK_FILTER);
      assertEquals("too many filters installed on this node (filtersMax=8); uninstall unused filters "
          + "or let them expire", nodeFull.path("error").path("message").asText());
      assertTrue(LoadSupport.exchange(elsewhere,
          LoadSupport.request("eth_uninstallFilter", "[\"" + first + "\"]")).get("result").asBoolean());
      assertNotEquals(null, LoadSupport.exchange(elsewhere, NEW_BLOCK_FILTER).get("result"));
    }
    assertEquals(1, LoadSupport.counter(chain, "xinlian.rpc.filters.refused", "per-address"));
    assertEquals(1, LoadSupport.counter(chain, "xinlian.rpc.filters.refused", "filters-max"));
    // Unpolled filters expire and give their places back.
    chain.millis.addAndGet(RpcLimits.FILTER_IDLE_TIMEOUT_MS_DEFAULT);
    for (int i = 0; i < 5; i++) {
      chain.call("eth_newBlockFilter", "[]");
    }
  }
}

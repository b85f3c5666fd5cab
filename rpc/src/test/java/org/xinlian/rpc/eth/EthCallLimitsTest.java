package org.xinlian.rpc.eth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xinlian.rpc.eth.LoadSupport.EFFECT_BOUND_MS;
import static org.xinlian.rpc.eth.LoadSupport.await;
import static org.xinlian.rpc.eth.LoadSupport.counter;
import static org.xinlian.rpc.eth.LoadSupport.gauge;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xinlian.common.Address;
import org.xinlian.common.Hex;
import org.xinlian.rpc.RpcLimits;

/**
 * The call and log-query attacks of issue 11 on a real chain behind a real server (RPC-23 to
 * RPC-25): endless eth_calls, estimates, wide log queries. Liveness bounds as in
 * {@link LoadSupport}; an endless call is an infinite loop with a gas limit of 10^15, hours of
 * work if nothing stopped it.
 */
class EthCallLimitsTest {
  /** Gas enough for an infinite loop to run for hours. */
  static final long ENDLESS_GAS = 1_000_000_000_000_000L;
  static final String LOOP_CALL = "[{\"to\":\"" + EthTestChain.LOOP + "\"}]";
  /**
   * The loop asking for {@link #ENDLESS_GAS} itself: a block gas limit that large is outside the
   * governed range (GOV-15), but a call may ask for more than a block holds (EXECUTION-6).
   */
  static final String ENDLESS_CALL = "[{\"to\":\"" + EthTestChain.LOOP + "\",\"gas\":\"0x"
      + Long.toHexString(ENDLESS_GAS) + "\"}]";

  @TempDir Path directory;
  EthTestChain chain;
  final EthereumRpcTest transactions = new EthereumRpcTest();

  void start(RpcLimits.Builder limits, long blockGasLimit) throws Exception {
    if (chain != null) {
      chain.close();
    }
    chain = new EthTestChain(directory, "standard", false, limits.build(), blockGasLimit);
    transactions.chain = chain;
  }

  @AfterEach
  void stop() {
    chain.close();
  }

  @Test
  @DisplayName("RPC-23 RPC-24 two endless eth_calls run while eth_blockNumber is answered within 2 s; closing their connections stops the EVM")
  void endlessCallsDoNotBlockCheapReads() throws Exception {
    start(RpcLimits.builder().set("heavyWorkerThreads", 2).set("heavyCallsPerAddressMax", 2)
        .set("callTimeoutMs", 600_000).set("callGasCap", ENDLESS_GAS), EthTestChain.BLOCK_GAS_LIMIT);
    List<Socket> attackers = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      Socket socket = LoadSupport.socket(chain, "127.0.0.1");
      LoadSupport.send(socket, LoadSupport.request("eth_call", ENDLESS_CALL));
      attackers.add(socket);
    }
    await(() -> gauge(chain, "xinlian.rpc.heavy.running") == 2, "two endless calls running");
    for (int i = 0; i < 5; i++) {
      LoadSupport.assertBlockNumberAnsweredPromptly(chain);
    }
    assertEquals(2, gauge(chain, "xinlian.rpc.heavy.running"), "the calls still run");
    for (Socket socket : attackers) {
      socket.close();
    }
    await(() -> counter(chain, "xinlian.rpc.calls.stopped", "disconnected") == 2,
        "both calls stopped once their clients left");
    await(() -> gauge(chain, "xinlian.rpc.heavy.running") == 0, "the heavy workers free");
  }

  @Test
  @DisplayName("RPC-23 eth_call and eth_estimateGas of an endless loop stop at callTimeoutMs with -32005")
  void callsStopAtTheirTimeCap() throws Exception {
    start(RpcLimits.builder().set("callTimeoutMs", 500).set("callGasCap", ENDLESS_GAS),
        EthTestChain.BLOCK_GAS_LIMIT);
    for (String method : List.of("eth_call", "eth_estimateGas")) {
      long start = System.nanoTime();
      JsonNode error = chain.error(method, ENDLESS_CALL);
      long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertEquals(-32005, error.get("code").asInt(), error.toString());
      assertEquals("execution aborted (timeout = 500 ms, callTimeoutMs)", error.get("message").asText());
      assertTrue(elapsedMs >= 500 && elapsedMs < EFFECT_BOUND_MS, method + " answered after " + elapsedMs + " ms");
    }
    assertEquals(2, counter(chain, "xinlian.rpc.calls.stopped", "timeout"));
    assertEquals("0x5208", chain.call("eth_estimateGas",
        "[{\"from\":\"" + chain.address(0) + "\",\"to\":\"" + chain.address(1) + "\"}]").asText());
  }

  @Test
  @DisplayName("RPC-23 the gas of eth_call and eth_estimateGas is capped at callGasCap")
  void gasIsCapped() throws Exception {
    start(RpcLimits.builder().set("callGasCap", 1_000_000), EthTestChain.BLOCK_GAS_LIMIT);
    for (String method : List.of("eth_call", "eth_estimateGas")) {
      JsonNode capped = chain.error(method, LOOP_CALL);
      assertEquals(-32000, capped.get("code").asInt());
      assertEquals("gas required exceeds allowance (1000000, callGasCap)", capped.get("message").asText());
      JsonNode asked = chain.error(method, "[{\"to\":\"" + EthTestChain.LOOP + "\",\"gas\":\"0x1000000\"}]");
      assertEquals("gas required exceeds allowance (1000000, callGasCap)", asked.get("message").asText(),
          "a request above the cap is capped");
    }
    JsonNode below = chain.error("eth_call", "[{\"to\":\"" + EthTestChain.LOOP + "\",\"gas\":\"0x186a0\"}]");
    assertEquals("execution halted (out of gas or an invalid operation)", below.get("message").asText());
  }

  @Test
  @DisplayName("RPC-25 eth_getLogs is bounded in range, alternatives, work, results and bytes, each refusal naming its limit")
  void logQueriesAreBounded() throws Exception {
    start(RpcLimits.builder().set("logsResultMax", 2), EthTestChain.BLOCK_GAS_LIMIT);
    for (int i = 0; i < 3; i++) {
      chain.call("eth_sendRawTransaction", "[\"" + transactions.logCall(1, i, EthTestChain.LOGGER, i) + "\"]");
      chain.produceBlock();
    }
    String logger = "\"address\":\"" + EthTestChain.LOGGER + "\"";
    assertEquals(2, chain.call("eth_getLogs", "[{\"fromBlock\":\"0x2\"," + logger + "}]").size());
    assertRefused("[{\"fromBlock\":\"0x0\"," + logger + "}]",
        "query returned more than 2 results (logsResultMax); narrow the block range or the filter");
    assertRefused("[{\"fromBlock\":\"0x0\",\"toBlock\":\"0x2710\"}]",
        "query covers 10001 blocks, more than 10000 (logsBlockRangeMax); narrow fromBlock..toBlock");
    assertRefused("[{\"fromBlock\":\"0x0\",\"toBlock\":\"0x7d0\",\"address\":" + addresses(1000) + "}]",
        "query tests 2001 blocks against 1000 addresses and topics, more than 2000000 tests "
            + "(logsQueryWorkMax); narrow fromBlock..toBlock to at most 2000 blocks or use fewer addresses and topics");
    assertEquals(0, chain.call("eth_getLogs",
        "[{\"fromBlock\":\"0x0\",\"toBlock\":\"0x7cf\",\"address\":" + addresses(1000) + "}]").size());
    assertRefused("[{\"address\":" + addresses(1001) + "}]",
        "filter.address: 1001 alternatives exceed the limit of 1000 (logsAlternativesMax)");

    start(RpcLimits.builder().set("logsResultBytesMax", 1024), EthTestChain.BLOCK_GAS_LIMIT);
    for (int i = 0; i < 2; i++) {
      chain.call("eth_sendRawTransaction", "[\"" + transactions.logCall(1, i, EthTestChain.LOGGER, i) + "\"]");
      chain.produceBlock();
    }
    assertRefused("[{\"fromBlock\":\"0x0\"," + logger + "}]",
        "query returned more than 1024 bytes of logs (logsResultBytesMax); narrow the block range or the filter");
  }

  private void assertRefused(String params, String message) throws Exception {
    JsonNode error = chain.error("eth_getLogs", params);
    assertEquals(-32005, error.get("code").asInt(), error.toString());
    assertEquals(message, error.get("message").asText());
  }

  /** A JSON list of {@code count} random addresses (seeded by {@code seed}). */
  private static String addresses(int count) {
    return addresses(count, count, null);
  }

  /** As {@link #addresses(int)}, with {@code first} (when given) as the first of them. */
  private static String addresses(int count, long seed, Address first) {
    Random random = new Random(seed);
    StringBuilder list = new StringBuilder("[");
    for (int i = 0; i < count; i++) {
      byte[] address = new byte[20];
      random.nextBytes(address);
      String text = i == 0 && first != null ? first.toString() : Hex.encode(address);
      list.append(i == 0 ? "" : ",").append('"').append(text).append('"');
    }
    return list.append(']').toString();
  }

  @Test
  @DisplayName("RPC-24 RPC-25 two batches of 100 eth_getLogs with 1,000 addresses each: eth_blockNumber stays answered within 2 s")
  void batchesOfWideLogQueriesDoNotStallTheServer() throws Exception {
    start(RpcLimits.builder(), EthTestChain.BLOCK_GAS_LIMIT);
    for (int i = 0; i < 20; i++) {
      chain.call("eth_sendRawTransaction", "[\"" + transactions.logCall(1, i, EthTestChain.LOGGER, i) + "\"]");
      chain.produceBlock();
    }
    List<CompletableFuture<HttpResponse<String>>> batches = new ArrayList<>();
    for (int b = 0; b < 2; b++) {
      StringBuilder batch = new StringBuilder("[");
      for (int i = 0; i < 100; i++) {
        batch.append(i == 0 ? "" : ",").append("{\"jsonrpc\":\"2.0\",\"id\":").append(i)
            .append(",\"method\":\"eth_getLogs\",\"params\":[{\"fromBlock\":\"0x0\",\"toBlock\":\"latest\",\"address\":")
            .append(addresses(1000, b * 100 + i, EthTestChain.LOGGER))
            .append("}]}");
      }
      batches.add(chain.client.sendAsync(HttpRequest.newBuilder(
              URI.create("http://127.0.0.1:" + chain.server.port() + "/"))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(batch.append(']').toString())).build(),
          HttpResponse.BodyHandlers.ofString()));
    }
    for (int i = 0; i < 5; i++) {
      LoadSupport.assertBlockNumberAnsweredPromptly(chain);
    }
    for (CompletableFuture<HttpResponse<String>> batch : batches) {
      JsonNode answers = EthTestChain.MAPPER.readTree(batch.get(EFFECT_BOUND_MS, TimeUnit.MILLISECONDS).body());
      assertEquals(100, answers.size(), answers.toString().substring(0, Math.min(300, answers.toString().length())));
      for (JsonNode answer : answers) {
        // Each query names the logger among its 1,000 addresses: 20 logs, or refused at the time cap.
        assertTrue(answer.path("result").size() == 20
            || answer.path("error").path("message").asText().startsWith("execution aborted (timeout"),
            answer.toString());
      }
    }
  }
}

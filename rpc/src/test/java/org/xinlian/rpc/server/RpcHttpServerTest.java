package org.xinlian.rpc.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xinlian.rpc.RpcLimits;
import org.xinlian.rpc.RpcPermission;
import org.xinlian.rpc.RpcServerConfig;

class RpcHttpServerTest {
  private TestServer server;

  @BeforeEach
  void start() {
    server = new TestServer();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static void assertError(JsonNode response, Object id, int code, String message) {
    assertEquals("2.0", response.path("jsonrpc").asText(), response.toString());
    assertEquals(id == null ? "null" : TestServer.MAPPER.valueToTree(id).toString(),
        response.get("id").toString(), response.toString());
    assertEquals(code, response.path("error").path("code").asInt(), response.toString());
    assertEquals(message, response.path("error").path("message").asText(), response.toString());
    assertFalse(response.has("result"), response.toString());
  }

  @Test
  @DisplayName("RPC-12 eth_chainId, net_version, web3_sha3 and web3_clientVersion")
  void chainIndependentMethods() throws Exception {
    assertEquals("0x539", server.call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\"}").get("result").asText());
    assertEquals("1337", server.call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"net_version\",\"params\":[]}").get("result").asText());
    // Expected hash from the Ethereum JSON-RPC documentation's web3_sha3 example ("hello world").
    assertEquals("0x47173285a8d7341e5e972fc677286384f802f8ef42a5ec5f03bbfa254cb01fad",
        server.call("{\"jsonrpc\":\"2.0\",\"id\":64,\"method\":\"web3_sha3\",\"params\":[\"0x68656c6c6f20776f726c64\"]}")
            .get("result").asText());
    String version = server.call("{\"jsonrpc\":\"2.0\",\"id\":\"a\",\"method\":\"web3_clientVersion\"}").get("result").asText();
    // TestServer's chain has no governance section: an open development chain says so (GOV-1).
    assertTrue(version.startsWith("Xinlian/v0.1.0/") && version.endsWith("/java" + Runtime.version().feature() + "/dev"),
        version);
  }

  @Test
  @DisplayName("RPC-2 a single request echoes its id (string, number, null) and the result")
  void singleRequestEchoesId() throws Exception {
    JsonNode response = server.call("{\"jsonrpc\":\"2.0\",\"id\":\"abc\",\"method\":\"test_echo\",\"params\":[{\"x\":[1,2]}]}");
    assertEquals("{\"jsonrpc\":\"2.0\",\"id\":\"abc\",\"result\":{\"x\":[1,2]}}", response.toString());
    assertEquals("12345678901234567890", server.call("{\"jsonrpc\":\"2.0\",\"id\":12345678901234567890,\"method\":\"eth_chainId\"}").get("id").toString());
    JsonNode nullId = server.call("{\"jsonrpc\":\"2.0\",\"id\":null,\"method\":\"test_echo\",\"params\":[null]}");
    assertTrue(nullId.get("id").isNull() && nullId.has("result") && nullId.get("result").isNull(), nullId.toString());
  }

  @Test
  @DisplayName("RPC-2 batches answer each request in order, leave out notifications, and an all-notification batch gets no body")
  void batches() throws Exception {
    JsonNode response = server.call("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\"},"
        + "{\"jsonrpc\":\"2.0\",\"method\":\"eth_chainId\"},"
        + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"nope\"},"
        + "5]");
    assertEquals(3, response.size(), response.toString());
    assertEquals("0x539", response.get(0).get("result").asText());
    assertError(response.get(1), 2, -32601, "the method nope does not exist/is not available");
    assertError(response.get(2), null, -32600, "invalid request: request must be a JSON object");

    HttpResponse<String> notifications = server.post("[{\"jsonrpc\":\"2.0\",\"method\":\"eth_chainId\"},{\"jsonrpc\":\"2.0\",\"method\":\"x\"}]");
    assertEquals(204, notifications.statusCode());
    assertEquals("", notifications.body());
    HttpResponse<String> single = server.post("{\"jsonrpc\":\"2.0\",\"method\":\"test_crash\"}");
    assertEquals(204, single.statusCode());
  }

  @Test
  @DisplayName("RPC-3 each error code with its exact message")
  void errorCodes() throws Exception {
    // The detail after "parse error: " is Jackson's; what matters is the code and that it says where it broke.
    JsonNode truncated = server.call("{\"jsonrpc\":\"2.0\",\"id\":1,");
    assertEquals(-32700, truncated.path("error").path("code").asInt(), truncated.toString());
    assertTrue(truncated.path("error").path("message").asText().startsWith("parse error: Unexpected end-of-input"), truncated.toString());
    assertTrue(truncated.get("id").isNull());
    assertError(server.call("[]"), null, -32600, "invalid request: empty batch");
    assertError(server.call("{\"jsonrpc\":\"1.0\",\"id\":7,\"method\":\"eth_chainId\"}"), 7, -32600, "invalid request: jsonrpc must be \"2.0\"");
    assertError(server.call("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":5}"), 7, -32600, "invalid request: method must be a string");
    assertError(server.call("{\"jsonrpc\":\"2.0\",\"id\":[1],\"method\":\"eth_chainId\"}"), null, -32600, "invalid request: id must be a string, a number or null");
    assertError(server.call("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"eth_chainId\",\"params\":\"x\"}"), 7, -32600, "invalid request: params must be an array or an object");
    assertError(server.call("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"eth_foo\"}"), 7, -32601, "the method eth_foo does not exist/is not available");
    assertError(server.call("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"web3_sha3\",\"params\":[\"0x123\"]}"), 7, -32602,
        "invalid argument 0 (data): DATA has an odd number of hex digits (3)");
    assertError(server.call("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"web3_sha3\",\"params\":{\"data\":\"0x\"}}"), 7, -32602,
        "params must be an array of positional arguments");
    assertError(server.call("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"eth_chainId\",\"params\":[1]}"), 7, -32602, "expected 0 argument(s), got 1");
    assertError(server.call("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"test_crash\"}"), 7, -32603, "internal error");
    assertError(server.call("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"test_reject\"}"), 7, -32000, "nonce too low: next nonce 5, tx nonce 4");
    assertError(server.call("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"eth_subscribe\",\"params\":[\"newHeads\"]}"), 7, -32601,
        "eth_subscribe is only available over WebSocket (notifications not supported over HTTP)");
    assertError(server.call("{\"jsonrpc\":\"2.0\",\"id\":1,\"id\":2,\"method\":\"eth_chainId\"}"), null, -32700,
        "parse error: Duplicate field 'id'");
  }

  @Test
  @DisplayName("RPC-11 a revert is code 3 with the revert bytes as data and the decoded reason in the message")
  void revert() throws Exception {
    // Error(string) encoding of "Not enough Ether provided." from the Solidity documentation
    // (Control Structures, "Error handling: Assert, Require, Revert and Exceptions").
    String data = "0x08c379a0"
        + "0000000000000000000000000000000000000000000000000000000000000020"
        + "000000000000000000000000000000000000000000000000000000000000001a"
        + "4e6f7420656e6f7567682045746865722070726f76696465642e000000000000";
    JsonNode response = server.call("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"test_revert\",\"params\":[\"" + data + "\"]}");
    assertError(response, 3, 3, "execution reverted: Not enough Ether provided.");
    assertEquals(data, response.get("error").get("data").asText());
    JsonNode bare = server.call("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"test_revert\",\"params\":[\"0x\"]}");
    assertError(bare, 3, 3, "execution reverted");
    assertEquals("0x", bare.get("error").get("data").asText());
  }

  @Test
  @DisplayName("RPC-5 a body over the limit gets HTTP 413; a batch over the limit gets -32005")
  void sizeLimits() throws Exception {
    server.close();
    server = new TestServer(RpcServerConfig.defaults().withLimits(
        RpcLimits.defaults().withRequestBodyBytesMax(1024).withBatchSizeMax(3)));
    String big = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_echo\",\"params\":[\"" + "a".repeat(2000) + "\"]}";
    assertEquals(413, server.post(big).statusCode());
    String batch = "[" + String.join(",", java.util.Collections.nCopies(4, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\"}")) + "]";
    assertError(server.call(batch), null, -32005, "batch of 4 requests exceeds the limit of 3 (batchSizeMax)");
    assertEquals("0x539", server.call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\"}").get("result").asText());
  }

  @Test
  @DisplayName("RPC-5 a full worker queue answers -32005 at once instead of hanging")
  void fullQueueAnswersLimitExceeded() throws Exception {
    server.close();
    server = new TestServer(RpcServerConfig.defaults().withLimits(RpcLimits.defaults().withWorkers(1, 1)));
    String blocking = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_block\"}";
    CompletableFuture<HttpResponse<String>> first = server.client.sendAsync(
        HttpRequest.newBuilder(server.uri("/")).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(blocking)).build(), HttpResponse.BodyHandlers.ofString());
    assertTrue(server.blockedStarted.await(30, TimeUnit.SECONDS), "the blocking call never started");
    // One of the next two requests takes the single queue slot and waits; the other is refused at
    // once, so the first of them to complete must be the refusal.
    CompletableFuture<HttpResponse<String>> second = chainIdAsync(2);
    CompletableFuture<HttpResponse<String>> third = chainIdAsync(3);
    Object firstDone = CompletableFuture.anyOf(second, third).get(30, TimeUnit.SECONDS);
    @SuppressWarnings("unchecked")
    JsonNode refused = TestServer.MAPPER.readTree(((HttpResponse<String>) firstDone).body());
    assertError(refused, null, -32005, "server busy: the request queue is full (workerQueueMax=1)");
    server.release.countDown();
    assertEquals("released", TestServer.MAPPER.readTree(first.get(30, TimeUnit.SECONDS).body()).get("result").asText());
    JsonNode other = TestServer.MAPPER.readTree((second.isDone() && firstDone == second.get() ? third : second).get(30, TimeUnit.SECONDS).body());
    assertEquals("0x539", other.get("result").asText(), other.toString());
  }

  private CompletableFuture<HttpResponse<String>> chainIdAsync(int id) {
    return server.client.sendAsync(
        HttpRequest.newBuilder(server.uri("/")).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"eth_chainId\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  @DisplayName("RPC-6 CORS headers for an allowed origin, none for others (refused with 403), and only application/json is accepted")
  void corsAndContentType() throws Exception {
    server.close();
    server = new TestServer(RpcServerConfig.defaults().withCorsAllowedOrigins(List.of("https://dapp.example")));
    String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\"}";
    HttpResponse<String> allowed = server.send(HttpRequest.newBuilder(server.uri("/")).header("Content-Type", "application/json")
        .header("Origin", "https://dapp.example").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    assertEquals(200, allowed.statusCode());
    assertEquals("https://dapp.example", allowed.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
    HttpResponse<String> preflight = server.send(HttpRequest.newBuilder(server.uri("/")).header("Origin", "https://dapp.example")
        .header("Access-Control-Request-Method", "POST").method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
    assertEquals(204, preflight.statusCode());
    assertEquals("https://dapp.example", preflight.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
    assertTrue(preflight.headers().firstValue("Access-Control-Allow-Headers").orElse("").contains("Content-Type"));
    HttpResponse<String> other = server.send(HttpRequest.newBuilder(server.uri("/")).header("Content-Type", "application/json")
        .header("Origin", "https://evil.example").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    assertEquals(403, other.statusCode());
    assertTrue(other.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
    HttpResponse<String> noOrigin = server.post(body);
    assertTrue(noOrigin.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
    assertEquals(415, server.post(body, "text/plain").statusCode());
    assertEquals(200, server.post(body, "application/json; charset=utf-8").statusCode());
  }

  @Test
  @DisplayName("RPC-7 ADMIN and DEBUG methods are hidden unless their permission is enabled")
  void permissions() throws Exception {
    assertError(server.call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"admin_secret\"}"), 1, -32601,
        "the method admin_secret does not exist/is not available");
    assertError(server.call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"debug_secret\"}"), 1, -32601,
        "the method debug_secret does not exist/is not available");
    server.close();
    server = new TestServer(RpcServerConfig.defaults().withEnabledPermissions(Set.of(RpcPermission.ADMIN)));
    assertEquals("admin", server.call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"admin_secret\"}").get("result").asText());
    assertError(server.call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"debug_secret\"}"), 1, -32601,
        "the method debug_secret does not exist/is not available");
  }

  @Test
  @DisplayName("RPC-9, RPC-29 /metrics exposes RPC counts per method and outcome; /health and /ready answer; other paths 404")
  void metricsAndHealth() throws Exception {
    server.call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\"}");
    server.call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\"}");
    server.call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"no_such_method\"}");
    server.server.meterRegistry().gauge("xinlian.chain.height", 42);
    HttpResponse<String> metrics = server.send(HttpRequest.newBuilder(server.uri("/metrics")).GET().build());
    assertEquals(200, metrics.statusCode());
    assertTrue(metrics.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
    String text = metrics.body();
    assertTrue(text.contains("xinlian_rpc_requests_seconds_count{code=\"0\",method=\"eth_chainId\",outcome=\"success\"} 2"), text);
    assertTrue(text.contains("xinlian_rpc_requests_seconds_count{code=\"-32601\",method=\"unknown\",outcome=\"error\"} 1"), text);
    assertTrue(text.contains("xinlian_rpc_connections_active "), text);
    assertTrue(text.contains("xinlian_chain_height 42"), text);
    assertFalse(text.contains("no_such_method"), text);
    HttpResponse<String> health = server.send(HttpRequest.newBuilder(server.uri("/health")).GET().build());
    assertEquals(200, health.statusCode());
    assertEquals("{\"status\":\"ok\",\"height\":0,\"peers\":0,\"problems\":[]}", health.body());
    HttpResponse<String> ready = server.send(HttpRequest.newBuilder(server.uri("/ready")).GET().build());
    assertEquals(200, ready.statusCode());
    assertEquals("{\"status\":\"ready\",\"height\":0,\"peers\":0,\"problems\":[]}", ready.body());
    assertEquals(404, server.send(HttpRequest.newBuilder(server.uri("/nope")).GET().build()).statusCode());
    assertEquals(405, server.send(HttpRequest.newBuilder(server.uri("/")).GET().build()).statusCode());
  }

  @Test
  @DisplayName("RPC-1 the default configuration binds 127.0.0.1:8545 and serves PUBLIC only")
  void defaults() {
    RpcServerConfig config = RpcServerConfig.defaults();
    assertEquals("127.0.0.1", config.host());
    assertEquals(8545, config.port());
    assertTrue(config.enabledPermissions().isEmpty());
    assertTrue(config.corsAllowedOrigins().isEmpty());
    assertEquals("127.0.0.1", server.server.address().getAddress().getHostAddress());
  }
}

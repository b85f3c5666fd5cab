package org.xinlian.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A scripted JSON-RPC endpoint on 127.0.0.1: each method answers with what the test says, and
 * every request is recorded so tests can check what the client sent.
 */
final class FakeNode implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();

  /** What to answer a request with: a raw HTTP status and body. */
  record Answer(int status, String body) {}

  private final HttpServer server;
  private final Map<String, Function<JsonNode, Answer>> methods = new HashMap<>();
  final List<JsonNode> requests = new ArrayList<>();

  FakeNode() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      JsonNode request = JSON.readTree(exchange.getRequestBody());
      Answer answer;
      synchronized (this) {
        requests.add(request);
        Function<JsonNode, Answer> method = methods.get(request.get("method").asText());
        answer = method == null
            ? error(request, -32601, "method not found", null)
            : method.apply(request);
      }
      byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(answer.status(), body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  synchronized FakeNode on(String method, Function<JsonNode, Answer> answer) {
    methods.put(method, answer);
    return this;
  }

  /** Answers {@code method} with {@code resultJson} (JSON text) as the result. */
  FakeNode result(String method, String resultJson) {
    return on(method, request -> result(request, resultJson));
  }

  static Answer result(JsonNode request, String resultJson) {
    return new Answer(200, "{\"jsonrpc\":\"2.0\",\"id\":" + request.get("id") + ",\"result\":" + resultJson + "}");
  }

  static Answer error(JsonNode request, int code, String message, String dataJson) {
    return new Answer(200, "{\"jsonrpc\":\"2.0\",\"id\":" + request.get("id") + ",\"error\":{\"code\":" + code
        + ",\"message\":\"" + message + "\"" + (dataJson == null ? "" : ",\"data\":" + dataJson) + "}}");
  }

  synchronized List<JsonNode> requests(String method) {
    return requests.stream().filter(r -> r.get("method").asText().equals(method)).toList();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}

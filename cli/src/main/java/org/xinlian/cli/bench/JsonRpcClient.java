package org.xinlian.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A minimal Ethereum JSON-RPC client over HTTP: single calls and batches. One {@link HttpClient}
 * with a bounded executor, so the number of connections it opens follows the number of threads
 * calling it concurrently, which the load generator fixes.
 */
public final class JsonRpcClient implements AutoCloseable {
  /** Longest wait for one response; a node slower than this is reported as failing. */
  static final long REQUEST_TIMEOUT_SECONDS = 60;

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final URI endpoint;
  private final HttpClient http;
  private final ExecutorService executor;

  /** A JSON-RPC request: method and positional parameters. */
  public record Request(String method, List<Object> params) {}

  /** One response: the result, or the error message (never both). */
  public record Response(JsonNode result, String error) {
    boolean failed() {
      return error != null;
    }
  }

  public JsonRpcClient(URI endpoint, int threads) {
    this.endpoint = endpoint;
    this.executor = Executors.newFixedThreadPool(Math.max(1, threads), runnable -> {
      Thread thread = new Thread(runnable, "xinlian-bench-http");
      thread.setDaemon(true);
      return thread;
    });
    this.http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10))
        .executor(executor)
        .build();
  }

  /** Calls one method and returns its result; a JSON-RPC error becomes a {@link BenchException}. */
  public JsonNode call(String method, Object... params) {
    Response response = batch(List.of(new Request(method, List.of(params)))).get(0);
    if (response.failed()) {
      throw new BenchException(method + ": " + response.error());
    }
    return response.result();
  }

  /**
   * Sends the requests as one JSON-RPC batch (a single request when there is one) and returns the
   * responses in request order, matched by id since servers may answer a batch in any order.
   */
  public List<Response> batch(List<Request> requests) {
    ArrayNode body = MAPPER.createArrayNode();
    for (int i = 0; i < requests.size(); i++) {
      ObjectNode request = body.addObject();
      request.put("jsonrpc", "2.0");
      request.put("id", i);
      request.put("method", requests.get(i).method());
      request.set("params", MAPPER.valueToTree(requests.get(i).params()));
    }
    JsonNode payload = body.size() == 1 ? body.get(0) : body;
    JsonNode answer = post(payload);
    List<Response> responses = new ArrayList<>(requests.size());
    for (int i = 0; i < requests.size(); i++) {
      responses.add(null);
    }
    List<JsonNode> items = new ArrayList<>();
    if (answer.isArray()) {
      answer.forEach(items::add);
    } else {
      items.add(answer);
    }
    for (JsonNode item : items) {
      JsonNode id = item.get("id");
      Response response = item.hasNonNull("error")
          ? new Response(null, item.get("error").path("message").asText(item.get("error").toString()))
          : new Response(item.get("result"), null);
      if (id == null || !id.canConvertToInt() || id.asInt() < 0 || id.asInt() >= requests.size()) {
        // A batch-level error (no usable id) applies to every request in it.
        for (int i = 0; i < requests.size(); i++) {
          responses.set(i, response.failed() ? response : new Response(null, "response without id"));
        }
        return responses;
      }
      responses.set(id.asInt(), response);
    }
    for (int i = 0; i < requests.size(); i++) {
      if (responses.get(i) == null) {
        responses.set(i, new Response(null, "no response in batch"));
      }
    }
    return responses;
  }

  private JsonNode post(JsonNode payload) {
    try {
      HttpRequest request = HttpRequest.newBuilder(endpoint)
          .timeout(Duration.ofSeconds(REQUEST_TIMEOUT_SECONDS))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofByteArray(MAPPER.writeValueAsBytes(payload)))
          .build();
      HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200) {
        throw new BenchException("HTTP " + response.statusCode() + " from " + endpoint + ": "
            + new String(response.body(), java.nio.charset.StandardCharsets.UTF_8).strip());
      }
      return MAPPER.readTree(response.body());
    } catch (IOException e) {
      throw new BenchException("cannot reach " + endpoint + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BenchException("interrupted while calling " + endpoint, e);
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}

package org.xinlian.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.xinlian.sdk.ClientOptions;
import org.xinlian.sdk.JsonRpcConnection;
import org.xinlian.sdk.XinlianClientException;

/**
 * The CLI's JSON-RPC calls and batches, over the SDK's {@link JsonRpcConnection} (OPS-93) with the
 * token and CA bundle of {@link RpcClientOptions}. One connection with a bounded executor, so the
 * number of connections it opens follows the number of threads calling it concurrently, which the
 * load generator fixes. Failures are {@link BenchException}s with the node's message.
 */
public final class JsonRpcClient implements AutoCloseable {
  /** Longest wait for one response; a node slower than this is reported as failing. */
  static final long REQUEST_TIMEOUT_SECONDS = 60;
  /** A batch of 4,096 blocks with their hashes stays far below this. */
  static final int RESPONSE_BYTES_MAX = 64 * 1024 * 1024;

  private final URI endpoint;
  private final ExecutorService executor;
  private final JsonRpcConnection connection;

  /** A JSON-RPC request: method and positional parameters. */
  public record Request(String method, List<Object> params) {}

  /** One response: the result, or the error message (never both). */
  public record Response(JsonNode result, String error) {
    boolean failed() {
      return error != null;
    }
  }

  public JsonRpcClient(URI endpoint, int threads) {
    this(endpoint, threads, RpcClientOptions.fromProcess(Duration.ofSeconds(REQUEST_TIMEOUT_SECONDS),
        RESPONSE_BYTES_MAX));
  }

  public JsonRpcClient(URI endpoint, int threads, ClientOptions options) {
    this.endpoint = endpoint;
    this.executor = Executors.newFixedThreadPool(Math.max(1, threads), runnable -> {
      Thread thread = new Thread(runnable, "xinlian-cli-http");
      thread.setDaemon(true);
      return thread;
    });
    try {
      this.connection = JsonRpcConnection.open(endpoint, options, executor);
    } catch (IllegalArgumentException e) {
      executor.shutdownNow();
      throw new BenchException(e.getMessage());
    }
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
   * responses in request order.
   */
  public List<Response> batch(List<Request> requests) {
    List<JsonRpcConnection.Call> calls = new ArrayList<>(requests.size());
    for (Request request : requests) {
      calls.add(new JsonRpcConnection.Call(request.method(), request.params()));
    }
    List<JsonRpcConnection.Answer> answers;
    try {
      answers = connection.batch(calls);
    } catch (XinlianClientException | IllegalArgumentException e) {
      // IllegalArgumentException: an answer that does not decode (DecodingException).
      throw new BenchException(e.getMessage(), e);
    }
    List<Response> responses = new ArrayList<>(answers.size());
    for (JsonRpcConnection.Answer answer : answers) {
      responses.add(answer.failed() ? new Response(null, answer.error().rpcMessage())
          : new Response(answer.result(), null));
    }
    return responses;
  }

  public URI endpoint() {
    return endpoint;
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}

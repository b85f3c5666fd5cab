package org.xinlian.sdk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import org.xinlian.common.DecodingException;

/**
 * The JSON-RPC transport every Xinlian client shares (docs/spec/operations.md OPS-93): the SDK's
 * {@link XinlianClient} and every command of the {@code xinlian} CLI talk to nodes through it, so
 * TLS, bearer tokens, timeouts and response bounds ({@link ClientOptions}) are handled once.
 * Single calls check the answer's id; batches match answers to calls by id, since servers may
 * answer a batch in any order. Instances are thread-safe.
 */
public final class JsonRpcConnection {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One call of a batch: method and positional parameters (converted to JSON by Jackson). */
  public record Call(String method, List<Object> params) {
    public Call {
      Objects.requireNonNull(method, "method");
      params = List.copyOf(params);
    }
  }

  /** One answer of a batch: the result, or the error object as an {@link RpcError} (never both). */
  public record Answer(JsonNode result, RpcError error) {
    public boolean failed() {
      return error != null;
    }
  }

  private final URI endpoint;
  private final ClientOptions options;
  private final HttpClient http;
  private final AtomicLong nextId = new AtomicLong(1);

  private JsonRpcConnection(URI endpoint, ClientOptions options, Optional<Executor> executor) {
    this.endpoint = Objects.requireNonNull(endpoint, "rpcUrl");
    this.options = Objects.requireNonNull(options, "options");
    if (!"http".equals(endpoint.getScheme()) && !"https".equals(endpoint.getScheme())) {
      throw new IllegalArgumentException("rpcUrl: must be http or https, not " + endpoint);
    }
    HttpClient.Builder builder = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(options.requestTimeout());
    options.tls().ifPresent(builder::sslContext);
    executor.ifPresent(builder::executor);
    this.http = builder.build();
  }

  /** A connection to the node at {@code rpcUrl} ({@code http} or {@code https}). */
  public static JsonRpcConnection open(URI rpcUrl, ClientOptions options) {
    return new JsonRpcConnection(rpcUrl, options, Optional.empty());
  }

  /**
   * As {@link #open(URI, ClientOptions)}, its HTTP work on {@code executor}: a bounded executor
   * bounds the connections it opens, which a load generator fixes.
   */
  public static JsonRpcConnection open(URI rpcUrl, ClientOptions options, Executor executor) {
    return new JsonRpcConnection(rpcUrl, options, Optional.of(executor));
  }

  public URI endpoint() {
    return endpoint;
  }

  public ClientOptions options() {
    return options;
  }

  /**
   * One call: its {@code result}, or the error object as an {@link RpcError} ({@link
   * ContractRevertedException} for a revert).
   */
  public JsonNode request(String method, Object... params) {
    long id = nextId.getAndIncrement();
    JsonNode answer = post(method, body(id, method, List.of(params)));
    if (!answer.isObject()) {
      throw new DecodingException(method, "answer is not a JSON-RPC object");
    }
    JsonNode error = answer.get("error");
    if (error != null && !error.isNull()) {
      throw error(method, error);
    }
    JsonNode result = answer.get("result");
    if (result == null) {
      throw new DecodingException(method, "answer has neither result nor error");
    }
    JsonNode answerId = answer.get("id");
    if (answerId == null || !answerId.canConvertToLong() || answerId.asLong() != id) {
      throw new DecodingException(method + ".id", "answer does not carry the request's id " + id);
    }
    return result;
  }

  /**
   * The calls as one JSON-RPC batch (a single request when there is one), the answers in call
   * order. An answer that names no call of the batch (a batch-level error) applies to every call;
   * a call the node did not answer fails with code -32603.
   */
  public List<Answer> batch(List<Call> calls) {
    if (calls.isEmpty()) {
      return List.of();
    }
    long first = nextId.getAndAdd(calls.size());
    ArrayNode body = JSON.createArrayNode();
    for (int i = 0; i < calls.size(); i++) {
      body.add(body(first + i, calls.get(i).method(), calls.get(i).params()));
    }
    String what = calls.size() == 1 ? calls.get(0).method() : "batch of " + calls.size();
    JsonNode answer = post(what, calls.size() == 1 ? body.get(0) : body);
    List<JsonNode> items = new ArrayList<>();
    if (answer.isArray()) {
      answer.forEach(items::add);
    } else {
      items.add(answer);
    }
    Answer[] answers = new Answer[calls.size()];
    for (JsonNode item : items) {
      JsonNode id = item.get("id");
      long index = id != null && id.canConvertToLong() ? id.asLong() - first : -1;
      String method = index >= 0 && index < calls.size() ? calls.get((int) index).method() : what;
      Answer one = item.hasNonNull("error")
          ? new Answer(null, error(method, item.get("error")))
          : new Answer(item.get("result"), null);
      if (index < 0 || index >= calls.size()) {
        Answer all = one.failed() ? one : new Answer(null, new RpcError(what, -32603, "answer without a usable id", null));
        java.util.Arrays.fill(answers, all);
        return List.of(answers);
      }
      answers[(int) index] = one;
    }
    for (int i = 0; i < answers.length; i++) {
      if (answers[i] == null) {
        answers[i] = new Answer(null, new RpcError(calls.get(i).method(), -32603, "no answer in the batch", null));
      }
    }
    return List.of(answers);
  }

  /**
   * A GET of {@code path} beside the JSON-RPC endpoint ({@code metrics}, {@code health}), with the
   * same token and TLS: its body, at most {@code bytesMax} bytes, or empty when the status is not 200.
   */
  public Optional<String> get(String path, int bytesMax) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint.resolve(path))
        .timeout(options.requestTimeout()).GET();
    options.bearerToken().ifPresent(token -> builder.header("Authorization", "Bearer " + token));
    try {
      HttpResponse<InputStream> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream in = response.body()) {
        if (response.statusCode() != 200) {
          return Optional.empty();
        }
        return Optional.of(new String(in.readNBytes(bytesMax), StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new XinlianClientException(path + ": cannot reach " + endpoint + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new XinlianClientException(path + ": interrupted", e);
    }
  }

  private static ObjectNode body(long id, String method, List<Object> params) {
    ObjectNode body = JSON.createObjectNode();
    body.put("jsonrpc", "2.0");
    body.put("id", id);
    body.put("method", method);
    ArrayNode array = body.putArray("params");
    for (Object param : params) {
      array.add(JSON.valueToTree(param));
    }
    return body;
  }

  static RpcError error(String method, JsonNode error) {
    JsonNode code = error.get("code");
    if (code == null || !code.canConvertToInt()) {
      throw new DecodingException(method + ".error.code", "not an integer");
    }
    JsonNode messageNode = error.get("message");
    String message = messageNode != null && messageNode.isTextual() ? messageNode.textValue() : "";
    JsonNode data = error.get("data");
    if (code.asInt() == ContractRevertedException.CODE) {
      byte[] revertData = data != null && data.isTextual()
          ? ResponseFields.data(data, method + ".error.data")
          : new byte[0];
      return new ContractRevertedException(method, message, revertData);
    }
    String dataText = data == null || data.isNull() ? null : data.isTextual() ? data.textValue() : data.toString();
    return new RpcError(method, code.asInt(), message, dataText);
  }

  private JsonNode post(String what, JsonNode payload) {
    byte[] bytes;
    try {
      bytes = JSON.writeValueAsBytes(payload);
    } catch (JsonProcessingException e) {
      throw new XinlianClientException(what + ": cannot encode the request", e);
    }
    HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint)
        .timeout(options.requestTimeout())
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
    options.bearerToken().ifPresent(token -> builder.header("Authorization", "Bearer " + token));
    try {
      HttpResponse<InputStream> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
      byte[] answer;
      try (InputStream in = response.body()) {
        answer = in.readNBytes(options.responseBytesMax());
        if (in.read() >= 0) {
          throw new XinlianClientException(what + ": the answer exceeds " + options.responseBytesMax()
              + " bytes (ClientOptions.responseBytesMax)");
        }
      }
      if (response.statusCode() != 200) {
        throw new XinlianClientException(what + ": HTTP " + response.statusCode() + " from " + endpoint
            + ": " + ResponseFields.abbreviate(new String(answer, StandardCharsets.UTF_8)));
      }
      try {
        JsonNode json = JSON.readTree(answer);
        if (json == null) {
          throw new DecodingException(what, "answer is empty");
        }
        return json;
      } catch (IOException e) {
        throw new DecodingException(what, "answer is not JSON", e);
      }
    } catch (IOException e) {
      throw new XinlianClientException(what + ": cannot reach " + endpoint + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new XinlianClientException(what + ": interrupted", e);
    }
  }
}

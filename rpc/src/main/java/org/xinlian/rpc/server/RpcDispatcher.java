package org.xinlian.rpc.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.xinlian.common.DecodingException;
import org.xinlian.rpc.RpcCall;
import org.xinlian.rpc.RpcErrorCodes;
import org.xinlian.rpc.RpcException;
import org.xinlian.rpc.RpcLimits;
import org.xinlian.rpc.RpcMethod;
import org.xinlian.rpc.RpcMethodRegistry;
import org.xinlian.rpc.RpcParams;
import org.xinlian.rpc.SubscriptionSource;
import org.xinlian.rpc.auth.RpcAuthException;
import org.xinlian.rpc.auth.RpcPrincipal;

/**
 * Turns request bytes into response bytes per JSON-RPC 2.0: parsing, validation, batches,
 * notifications, method execution and error mapping. Transport-independent, so HTTP and WebSocket
 * answer identically; the {@link RequestScheduler} decides on which worker and when.
 */
final class RpcDispatcher {
  private static final System.Logger LOG = System.getLogger(RpcDispatcher.class.getName());
  /** A JSON number longer than this is refused while parsing (ids and quantities are short). */
  static final int JSON_NUMBER_CHARS_MAX = 100;
  private static final int PARSE_MESSAGE_CHARS_MAX = 200;
  static final String SUBSCRIBE = "eth_subscribe";
  static final String UNSUBSCRIBE = "eth_unsubscribe";

  /** What to send back, and what to run once it is queued (activating new subscriptions). */
  record Outcome(String json, List<Runnable> afterSend, boolean unauthorized) {
    Outcome(String json, List<Runnable> afterSend) {
      this(json, afterSend, false);
    }

    static Outcome none() {
      return new Outcome(null, List.of());
    }
  }

  /** A parsed message, or the error that answers bytes that are not one. */
  record Parsed(JsonNode root, Outcome error) {}

  private final RpcMethodRegistry registry;
  private final Map<String, SubscriptionSource> sources;
  private final RpcLimits limits;
  private final RpcMetrics metrics;
  private final ObjectMapper mapper;

  RpcDispatcher(
      RpcMethodRegistry registry,
      Map<String, SubscriptionSource> sources,
      RpcLimits limits,
      RpcMetrics metrics) {
    this.registry = registry;
    this.sources = Map.copyOf(sources);
    this.limits = limits;
    this.metrics = metrics;
    this.mapper = newMapper(limits);
  }

  static ObjectMapper newMapper(RpcLimits limits) {
    JsonFactory factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxNestingDepth(limits.jsonNestingDepthMax())
                    .maxNumberLength(JSON_NUMBER_CHARS_MAX)
                    .maxStringLength(Math.max(limits.requestBodyBytesMax(), limits.webSocketFrameBytesMax()))
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    return new ObjectMapper(factory)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  }

  ObjectMapper mapper() {
    return mapper;
  }

  Parsed parse(byte[] body) {
    JsonNode root;
    try {
      root = mapper.readTree(body);
    } catch (JsonProcessingException e) {
      return new Parsed(null, single(parseError(e.getOriginalMessage())));
    } catch (IOException | RuntimeException e) {
      return new Parsed(null, single(parseError(e.getMessage())));
    }
    if (root == null || root.isMissingNode()) {
      return new Parsed(null, single(parseError("empty body")));
    }
    return new Parsed(root, null);
  }

  /** Whether the message holds a heavy method (RpcMethod#heavy): a batch with one is heavy whole. */
  boolean isHeavy(JsonNode root) {
    if (root.isArray()) {
      if (root.size() > limits.batchSizeMax()) {
        return false;
      }
      for (JsonNode request : root) {
        if (isHeavyRequest(request)) {
          return true;
        }
      }
      return false;
    }
    return isHeavyRequest(root);
  }

  private boolean isHeavyRequest(JsonNode request) {
    JsonNode method = request.get("method");
    return method != null && method.isTextual()
        && registry.find(method.textValue()).map(RpcMethod::heavy).orElse(false);
  }

  /** Answers every request of the message with one error, for a message that will not run. */
  Outcome refuse(JsonNode root, int code, String message) {
    if (!root.isArray()) {
      return single(error(idOf(root), code, message, null));
    }
    ArrayNode responses = mapper.createArrayNode();
    for (JsonNode request : root) {
      if (!request.isObject() || request.has("id")) {
        responses.add(error(idOf(request), code, message, null));
      }
    }
    return responses.isEmpty() ? Outcome.none() : new Outcome(write(responses), List.of());
  }

  /** An error for a message not even parsed (its id unknown): a full queue, an internal failure. */
  Outcome unparsedError(int code, String message) {
    return single(error(NullNode.getInstance(), code, message, null));
  }

  private static JsonNode idOf(JsonNode request) {
    JsonNode id = request.isObject() ? request.get("id") : null;
    return id != null && (id.isTextual() || id.isNumber()) ? id : NullNode.getInstance();
  }

  /** Runs a parsed message on behalf of {@code call}; the caller is a worker thread. */
  Outcome handle(JsonNode root, ClientConnection connection, RpcCall call) {
    List<Runnable> afterSend = new ArrayList<>();
    if (root.isArray()) {
      if (root.isEmpty()) {
        return single(invalidRequest(NullNode.getInstance(), "empty batch"));
      }
      if (root.size() > limits.batchSizeMax()) {
        metrics.record(RpcMetrics.METHOD_INVALID, RpcErrorCodes.LIMIT_EXCEEDED, metrics.startNanos());
        return single(error(NullNode.getInstance(), RpcErrorCodes.LIMIT_EXCEEDED,
            "batch of " + root.size() + " requests exceeds the limit of " + limits.batchSizeMax()
                + " (batchSizeMax)", null));
      }
      ArrayNode responses = mapper.createArrayNode();
      for (JsonNode request : root) {
        ObjectNode response = handleOne(request, connection, call, afterSend);
        if (response != null) {
          responses.add(response);
        }
      }
      return responses.isEmpty() ? Outcome.none() : new Outcome(write(responses), afterSend);
    }
    ObjectNode response = handleOne(root, connection, call, afterSend);
    if (response == null) {
      return Outcome.none();
    }
    // A single call refused for its credential's permissions is HTTP 401, as a missing credential is.
    JsonNode error = response.get("error");
    boolean unauthorized = error != null && error.path("code").asInt() == RpcAuthException.CODE;
    return new Outcome(write(response), afterSend, unauthorized);
  }

  private ObjectNode handleOne(JsonNode request, ClientConnection connection, RpcCall call,
      List<Runnable> afterSend) {
    long start = metrics.startNanos();
    if (!request.isObject()) {
      metrics.record(RpcMetrics.METHOD_INVALID, RpcErrorCodes.INVALID_REQUEST, start);
      return invalidRequest(NullNode.getInstance(), "request must be a JSON object");
    }
    JsonNode id = request.get("id");
    boolean notification = id == null;
    if (id != null && !(id.isTextual() || id.isNumber() || id.isNull())) {
      metrics.record(RpcMetrics.METHOD_INVALID, RpcErrorCodes.INVALID_REQUEST, start);
      return invalidRequest(NullNode.getInstance(), "id must be a string, a number or null");
    }
    JsonNode responseId = id == null ? NullNode.getInstance() : id;
    JsonNode version = request.get("jsonrpc");
    if (version == null || !version.isTextual() || !"2.0".equals(version.textValue())) {
      metrics.record(RpcMetrics.METHOD_INVALID, RpcErrorCodes.INVALID_REQUEST, start);
      return invalidRequest(responseId, "jsonrpc must be \"2.0\"");
    }
    JsonNode methodNode = request.get("method");
    if (methodNode == null || !methodNode.isTextual()) {
      metrics.record(RpcMetrics.METHOD_INVALID, RpcErrorCodes.INVALID_REQUEST, start);
      return invalidRequest(responseId, "method must be a string");
    }
    JsonNode params = request.get("params");
    if (params != null && !(params.isArray() || params.isObject() || params.isNull())) {
      metrics.record(RpcMetrics.METHOD_INVALID, RpcErrorCodes.INVALID_REQUEST, start);
      return invalidRequest(responseId, "params must be an array or an object");
    }
    String name = methodNode.textValue();
    String metricName = RpcMetrics.METHOD_UNKNOWN;
    try {
      Object result;
      if (SUBSCRIBE.equals(name) || UNSUBSCRIBE.equals(name)) {
        metricName = name;
        permit(connection.principal(), name);
        result = subscription(name, params, connection.session(), afterSend);
      } else {
        RpcMethod method =
            registry.find(name).orElseThrow(() -> new RpcException(RpcErrorCodes.METHOD_NOT_FOUND,
                "the method " + abbreviate(name) + " does not exist/is not available"));
        metricName = method.name();
        permit(connection.principal(), name);
        if (method.heavy() && call.stopRequested()) {
          // Its time ran out while it waited (or its client left): answered without running.
          throw call.stopped();
        }
        result = method.execute(RpcParams.of(params), call);
      }
      JsonNode resultNode = mapper.valueToTree(result);
      metrics.record(metricName, 0, start);
      if (notification) {
        return null;
      }
      ObjectNode response = envelope(responseId);
      response.set("result", resultNode == null ? NullNode.getInstance() : resultNode);
      return response;
    } catch (RpcException e) {
      metrics.record(metricName, e.code(), start);
      return notification ? null : error(responseId, e.code(), e.getMessage(), e.data());
    } catch (DecodingException e) {
      metrics.record(metricName, RpcErrorCodes.INVALID_PARAMS, start);
      return notification ? null : error(responseId, RpcErrorCodes.INVALID_PARAMS, e.getMessage(), null);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, "JSON-RPC method " + metricName + " failed", e);
      metrics.record(metricName, RpcErrorCodes.INTERNAL_ERROR, start);
      return notification ? null : error(responseId, RpcErrorCodes.INTERNAL_ERROR, "internal error", null);
    }
  }

  /** Refuses a method the caller's credential (or its subject's role) does not permit (OPS-5, OPS-9). */
  private void permit(RpcPrincipal principal, String method) {
    if (!principal.allows(method)) {
      metrics.authRefused(RpcMetrics.AUTH_PERMISSION);
      throw new RpcException(RpcAuthException.CODE, principal.refusal(method));
    }
  }

  private Object subscription(String name, JsonNode params, WebSocketSession session, List<Runnable> afterSend) {
    if (session == null) {
      throw new RpcException(RpcErrorCodes.METHOD_NOT_FOUND,
          name + " is only available over WebSocket (notifications not supported over HTTP)");
    }
    RpcParams arguments = RpcParams.of(params);
    if (UNSUBSCRIBE.equals(name)) {
      arguments.requireCount(1, 1);
      return session.unsubscribe(arguments.string(0, "subscriptionId"));
    }
    if (arguments.size() < 1) {
      throw RpcException.invalidParams("invalid argument 0 (kind): missing value");
    }
    String kind = arguments.string(0, "kind");
    SubscriptionSource source = sources.get(kind);
    if (source == null) {
      throw RpcException.invalidParams("invalid argument 0 (kind): unknown subscription kind "
          + abbreviate(kind) + ", known: " + String.join(", ", new java.util.TreeSet<>(sources.keySet())));
    }
    WebSocketSession.ActiveSubscription active = session.subscribe(source, arguments.from(1));
    afterSend.add(active::activate);
    return active.id();
  }

  private ObjectNode parseError(String detail) {
    metrics.record(RpcMetrics.METHOD_INVALID, RpcErrorCodes.PARSE_ERROR, metrics.startNanos());
    String message = detail == null ? "parse error" : "parse error: " + detail;
    if (message.length() > PARSE_MESSAGE_CHARS_MAX) {
      message = message.substring(0, PARSE_MESSAGE_CHARS_MAX) + "...";
    }
    return error(NullNode.getInstance(), RpcErrorCodes.PARSE_ERROR, message, null);
  }

  private ObjectNode invalidRequest(JsonNode id, String message) {
    return error(id, RpcErrorCodes.INVALID_REQUEST, "invalid request: " + message, null);
  }

  private ObjectNode envelope(JsonNode id) {
    ObjectNode response = mapper.createObjectNode();
    response.put("jsonrpc", "2.0");
    response.set("id", id);
    return response;
  }

  ObjectNode error(JsonNode id, int code, String message, Object data) {
    ObjectNode error = mapper.createObjectNode();
    error.put("code", code);
    error.put("message", message);
    if (data != null) {
      error.set("data", mapper.valueToTree(data));
    }
    ObjectNode response = envelope(id);
    response.set("error", error);
    return response;
  }

  private Outcome single(ObjectNode response) {
    return new Outcome(write(response), List.of());
  }

  String write(JsonNode node) {
    try {
      return mapper.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree failed to serialise", e);
    }
  }

  private static String abbreviate(String text) {
    return text.length() <= 80 ? text : text.substring(0, 80) + "...";
  }
}

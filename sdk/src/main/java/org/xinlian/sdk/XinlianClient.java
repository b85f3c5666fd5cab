package org.xinlian.sdk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.xinlian.common.Address;
import org.xinlian.common.DecodingException;
import org.xinlian.common.Hash;
import org.xinlian.common.Hex;
import org.xinlian.crypto.CryptoSuite;

/**
 * A connection to one node's JSON-RPC endpoint (SDK-1). Each method is one JSON-RPC call over
 * HTTP; answers are read strictly and bounded in size (SDK-2), error objects become {@link
 * RpcError} and reverts {@link ContractRevertedException} (SDK-3). The client knows the chain's
 * suite so that a {@link Signer} for the wrong suite is refused before anything is sent.
 * Instances are thread-safe.
 */
public final class XinlianClient {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI endpoint;
  private final CryptoSuite suite;
  private final ClientOptions options;
  private final HttpClient http;
  private final AtomicLong nextId = new AtomicLong(1);

  private XinlianClient(URI endpoint, CryptoSuite suite, ClientOptions options) {
    this.endpoint = Objects.requireNonNull(endpoint, "rpcUrl");
    this.suite = Objects.requireNonNull(suite, "suite");
    this.options = Objects.requireNonNull(options, "options");
    if (!"http".equals(endpoint.getScheme()) && !"https".equals(endpoint.getScheme())) {
      throw new IllegalArgumentException("rpcUrl: must be http or https, not " + endpoint);
    }
    HttpClient.Builder http = HttpClient.newBuilder().connectTimeout(options.requestTimeout());
    options.tls().ifPresent(http::sslContext);
    this.http = http.build();
  }

  /** A client of the node at {@code rpcUrl} (e.g. http://127.0.0.1:8545) whose chain uses {@code suite}. */
  public static XinlianClient connect(URI rpcUrl, CryptoSuite suite) {
    return new XinlianClient(rpcUrl, suite, ClientOptions.defaults());
  }

  /** As {@link #connect(URI, CryptoSuite)} with explicit timeouts, bounds and waiter. */
  public static XinlianClient connect(URI rpcUrl, CryptoSuite suite, ClientOptions options) {
    return new XinlianClient(rpcUrl, suite, options);
  }

  public CryptoSuite suite() {
    return suite;
  }

  public URI endpoint() {
    return endpoint;
  }

  public long chainId() {
    return ResponseFields.longQuantity(request("eth_chainId"), "eth_chainId");
  }

  public long blockNumber() {
    return ResponseFields.longQuantity(request("eth_blockNumber"), "eth_blockNumber");
  }

  /** The balance in wei at the latest block. */
  public BigInteger balance(Address address) {
    return ResponseFields.quantity(request("eth_getBalance", address.toString(), "latest"), "eth_getBalance");
  }

  /**
   * The account's next nonce: with {@code pending}, counting its transactions waiting in the pool,
   * which is what a sender needs to send several transactions without waiting for each.
   */
  public long nonce(Address address, boolean pending) {
    return ResponseFields.longQuantity(
        request("eth_getTransactionCount", address.toString(), pending ? "pending" : "latest"),
        "eth_getTransactionCount");
  }

  /** The runtime code at the latest block; empty for accounts without code. */
  public byte[] code(Address address) {
    return ResponseFields.data(request("eth_getCode", address.toString(), "latest"), "eth_getCode");
  }

  /**
   * Executes {@code call} at the latest block without a transaction.
   *
   * @throws ContractRevertedException if the contract reverted, with its data and reason
   */
  public byte[] call(CallRequest call) {
    return ResponseFields.data(request("eth_call", callObject(call), "latest"), "eth_call");
  }

  /**
   * The gas {@code call} needs as a transaction; sending with exactly this limit succeeds when
   * the state does not change in between.
   *
   * @throws ContractRevertedException if it reverts at any gas
   */
  public long estimateGas(CallRequest call) {
    return ResponseFields.longQuantity(request("eth_estimateGas", callObject(call)), "eth_estimateGas");
  }

  /** The node's suggested legacy gas price in wei (base fee plus the least tip it admits). */
  public BigInteger gasPrice() {
    return ResponseFields.quantity(request("eth_gasPrice"), "eth_gasPrice");
  }

  /** The node's suggested EIP-1559 priority fee in wei. */
  public BigInteger maxPriorityFeePerGas() {
    return ResponseFields.quantity(request("eth_maxPriorityFeePerGas"), "eth_maxPriorityFeePerGas");
  }

  /** The latest block's base fee, or empty when the chain reports none (pre-London semantics). */
  public Optional<BigInteger> baseFeePerGas() {
    JsonNode block = request("eth_getBlockByNumber", "latest", false);
    if (!block.isObject()) {
      throw new DecodingException("eth_getBlockByNumber", "no latest block");
    }
    JsonNode baseFee = block.get("baseFeePerGas");
    return baseFee == null || baseFee.isNull()
        ? Optional.empty()
        : Optional.of(ResponseFields.quantity(baseFee, "eth_getBlockByNumber.baseFeePerGas"));
  }

  /** Submits a signed envelope; the hash identifies it for {@link #receipt} and {@link #waitForReceipt}. */
  public Hash sendRawTransaction(byte[] signedTransaction) {
    return ResponseFields.hash(request("eth_sendRawTransaction", Hex.encode(signedTransaction)),
        "eth_sendRawTransaction");
  }

  /** The receipt, or empty while the transaction is not mined (or unknown). */
  public Optional<TransactionReceipt> receipt(Hash transactionHash) {
    JsonNode result = request("eth_getTransactionReceipt", transactionHash.toString());
    return result.isNull() ? Optional.empty() : Optional.of(ResponseFields.receipt(result));
  }

  /** The sender the node recorded for a transaction, or empty when it does not know the hash. */
  public Optional<Address> transactionSender(Hash transactionHash) {
    JsonNode result = request("eth_getTransactionByHash", transactionHash.toString());
    return result.isNull()
        ? Optional.empty()
        : Optional.of(ResponseFields.address(ResponseFields.member(result, "transaction", "from"), "transaction.from"));
  }

  /**
   * Polls for the receipt every {@link ClientOptions#pollInterval()} until it appears or {@code
   * timeout} has passed on the {@link Waiter}'s clock (SDK-4).
   *
   * @throws ReceiptTimeoutException if none appeared in time
   */
  public TransactionReceipt waitForReceipt(Hash transactionHash, Duration timeout) {
    Waiter waiter = options.waiter();
    long deadline = waiter.nanoTime() + timeout.toNanos();
    while (true) {
      Optional<TransactionReceipt> receipt = receipt(transactionHash);
      if (receipt.isPresent()) {
        return receipt.get();
      }
      long left = deadline - waiter.nanoTime();
      if (left <= 0) {
        throw new ReceiptTimeoutException(transactionHash, timeout);
      }
      try {
        waiter.pause(Duration.ofNanos(Math.min(left, options.pollInterval().toNanos())));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new XinlianClientException("interrupted while waiting for " + transactionHash, e);
      }
    }
  }

  /** The logs matching {@code query}, in chain order. */
  public List<LogEntry> logs(LogQuery query) {
    ObjectNode filter = JSON.createObjectNode();
    filter.put("fromBlock", blockTag(query.fromBlock()));
    filter.put("toBlock", blockTag(query.toBlock()));
    if (!query.addresses().isEmpty()) {
      ArrayNode addresses = filter.putArray("address");
      query.addresses().forEach(address -> addresses.add(address.toString()));
    }
    if (!query.topics().isEmpty()) {
      ArrayNode topics = filter.putArray("topics");
      for (List<Hash> position : query.topics()) {
        if (position.isEmpty()) {
          topics.addNull();
        } else {
          ArrayNode alternatives = topics.addArray();
          position.forEach(topic -> alternatives.add(topic.toString()));
        }
      }
    }
    return ResponseFields.logs(request("eth_getLogs", filter), "eth_getLogs");
  }

  private static String blockTag(OptionalLong block) {
    return block.isPresent() ? "0x" + Long.toHexString(block.getAsLong()) : "latest";
  }

  static ObjectNode callObject(CallRequest call) {
    ObjectNode json = JSON.createObjectNode();
    call.from().ifPresent(from -> json.put("from", from.toString()));
    call.to().ifPresent(to -> json.put("to", to.toString()));
    if (call.value().signum() > 0) {
      json.put("value", "0x" + call.value().toString(16));
    }
    json.put("data", Hex.encode(call.data()));
    call.gas().ifPresent(gas -> json.put("gas", "0x" + Long.toHexString(gas)));
    return json;
  }

  /**
   * One JSON-RPC call of any method, for those without a typed method here (the {@code xinlian_}
   * reads of {@link org.xinlian.sdk.governance.GovernanceClient}): its {@code result}, or the error
   * object as an {@link RpcError}. Each parameter is converted to JSON by Jackson.
   */
  public JsonNode request(String method, Object... params) {
    ObjectNode body = JSON.createObjectNode();
    body.put("jsonrpc", "2.0");
    long id = nextId.getAndIncrement();
    body.put("id", id);
    body.put("method", method);
    ArrayNode array = body.putArray("params");
    for (Object param : params) {
      array.add(JSON.valueToTree(param));
    }
    JsonNode answer = exchange(method, body);
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

  private static RpcError error(String method, JsonNode error) {
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

  private JsonNode exchange(String method, ObjectNode body) {
    byte[] bytes;
    try {
      bytes = JSON.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new XinlianClientException(method + ": cannot encode the request", e);
    }
    HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint)
        .timeout(options.requestTimeout())
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
    options.bearerToken().ifPresent(token -> builder.header("Authorization", "Bearer " + token));
    HttpRequest request = builder.build();
    try {
      HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
      byte[] answer;
      try (InputStream in = response.body()) {
        answer = in.readNBytes(options.responseBytesMax());
        if (in.read() >= 0) {
          throw new XinlianClientException(method + ": the answer exceeds " + options.responseBytesMax()
              + " bytes (ClientOptions.responseBytesMax)");
        }
      }
      if (response.statusCode() != 200) {
        throw new XinlianClientException(method + ": HTTP " + response.statusCode() + " from " + endpoint
            + ": " + ResponseFields.abbreviate(new String(answer, StandardCharsets.UTF_8)));
      }
      JsonNode json;
      try {
        json = JSON.readTree(answer);
      } catch (IOException e) {
        throw new DecodingException(method, "answer is not JSON", e);
      }
      if (json == null || !json.isObject()) {
        throw new DecodingException(method, "answer is not a JSON-RPC object");
      }
      return json;
    } catch (IOException e) {
      throw new XinlianClientException(method + ": cannot reach " + endpoint + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new XinlianClientException(method + ": interrupted", e);
    }
  }
}

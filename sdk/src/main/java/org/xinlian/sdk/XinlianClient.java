package org.xinlian.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
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
  private final JsonRpcConnection connection;

  private XinlianClient(URI endpoint, CryptoSuite suite, ClientOptions options) {
    this.endpoint = Objects.requireNonNull(endpoint, "rpcUrl");
    this.suite = Objects.requireNonNull(suite, "suite");
    this.options = Objects.requireNonNull(options, "options");
    this.connection = JsonRpcConnection.open(endpoint, options);
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
    return connection.request(method, params);
  }
}

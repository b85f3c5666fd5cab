package org.xinlian.interop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reactivex.disposables.Disposable;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeEncoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.Utils;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Event;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;
import org.web3j.protocol.websocket.WebSocketService;
import org.web3j.protocol.websocket.events.Log;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;
import org.web3j.utils.Numeric;

/**
 * The web3j (Java) ERC-20 scenario: the same steps as interop-erc20/scenario.mjs, through
 * web3j's own encoders, signer and JSON-RPC client, with legacy EIP-155 transactions (ethers sends
 * EIP-1559 ones, so the two clients cover both types). Endpoint-agnostic: any JSON-RPC endpoint.
 */
final class Web3jScenario {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final BigInteger TOKEN_UNIT = BigInteger.TEN.pow(18);
  private static final BigInteger INITIAL_SUPPLY = BigInteger.valueOf(1_000_000).multiply(TOKEN_UNIT);
  private static final BigInteger AMOUNT = BigInteger.valueOf(100).multiply(TOKEN_UNIT);
  private static final String REVERT_REASON = "xinlian: failing on purpose";
  // keccak256("Error(string)")[0..4], Solidity ABI specification
  private static final String ERROR_STRING_SELECTOR = "0x08c379a0";
  private static final String INSUFFICIENT_BALANCE = "ERC20InsufficientBalance(address,uint256,uint256)";
  private static final long RECEIPT_POLL_MILLISECONDS = 200;
  private static final int RECEIPT_POLLS_MAX = 150;
  private static final long EVENT_SECONDS_MAX = 20;
  private static final Event TRANSFER =
      new Event(
          "Transfer",
          List.of(new TypeReference<Address>(true) {}, new TypeReference<Address>(true) {}, new TypeReference<Uint256>() {}));

  private final EthereumEndpoint endpoint;
  private final Credentials credentials;
  private final String recipient;
  private final String bytecode;
  private final Web3j web3j;
  private final List<ScenarioReport.Check> checks = new ArrayList<>();
  private RawTransactionManager transactions;
  private PollingTransactionReceiptProcessor receipts;
  private BigInteger gasPrice;
  private String token;
  private TransactionReceipt firstTransfer;

  private Web3jScenario(EthereumEndpoint endpoint, Credentials credentials, String recipient, String bytecode) {
    this.endpoint = endpoint;
    this.credentials = credentials;
    this.recipient = recipient;
    this.bytecode = bytecode;
    this.web3j = Web3j.build(new HttpService(endpoint.rpcUrl()));
  }

  /** Runs every step in order; the first failing one stops the run and is named in the report. */
  static ScenarioReport run(EthereumEndpoint endpoint, Credentials credentials, String recipient, Path artifact)
      throws IOException {
    JsonNode compiled = MAPPER.readTree(Files.readString(artifact));
    Web3jScenario scenario =
        new Web3jScenario(endpoint, credentials, recipient, compiled.get("bytecode").asText());
    Optional<String> failure = Optional.empty();
    try {
      scenario.steps();
    } catch (StepFailed e) {
      failure = Optional.of("check failed: " + e.getMessage());
    } finally {
      scenario.web3j.shutdown();
    }
    return new ScenarioReport("web3j", endpoint.name(), scenario.checks, failure);
  }

  private void steps() throws StepFailed {
    check("connect", this::connect);
    check("deploy", this::deploy);
    check("transfer", this::transfer);
    check("balances", this::balances);
    check("getLogs Transfer", this::getLogs);
    check("WebSocket Transfer subscription", this::subscription);
    check("revert reason Error(string)", this::revertReason);
    check("revert custom error", this::customError);
    check("estimateGas then send with exactly that limit", this::estimateThenSend);
  }

  private interface Step {
    String run() throws Exception;
  }

  private static final class StepFailed extends Exception {
    StepFailed(String name) {
      super(name);
    }
  }

  private void check(String name, Step step) throws StepFailed {
    try {
      checks.add(new ScenarioReport.Check(name, true, step.run()));
    } catch (Exception e) {
      checks.add(new ScenarioReport.Check(name, false, e.toString()));
      throw new StepFailed(name);
    }
  }

  private static void expect(boolean condition, String message) {
    if (!condition) {
      throw new IllegalStateException(message);
    }
  }

  private static <T extends Response<?>> T answered(T response, String method) {
    if (response.hasError()) {
      throw new IllegalStateException(
          method + " error " + response.getError().getCode() + ": " + response.getError().getMessage());
    }
    return response;
  }

  private String connect() throws IOException {
    long chainId = answered(web3j.ethChainId().send(), "eth_chainId").getChainId().longValueExact();
    String clientVersion = answered(web3j.web3ClientVersion().send(), "web3_clientVersion").getWeb3ClientVersion();
    gasPrice = answered(web3j.ethGasPrice().send(), "eth_gasPrice").getGasPrice();
    receipts = new PollingTransactionReceiptProcessor(web3j, RECEIPT_POLL_MILLISECONDS, RECEIPT_POLLS_MAX);
    transactions = new RawTransactionManager(web3j, credentials, chainId, receipts);
    return "chainId " + chainId + ", " + clientVersion + ", gasPrice " + gasPrice;
  }

  private String deploy() throws Exception {
    String data = bytecode + FunctionEncoder.encodeConstructor(List.of(new Uint256(INITIAL_SUPPLY)));
    BigInteger nonce =
        answered(web3j.ethGetTransactionCount(credentials.getAddress(), DefaultBlockParameterName.PENDING).send(),
                "eth_getTransactionCount")
            .getTransactionCount();
    TransactionReceipt receipt = send(null, data, estimate(null, data));
    expect(receipt.isStatusOK(), "deployment status " + receipt.getStatus());
    token = receipt.getContractAddress();
    // CREATE address = keccak256(rlp([sender, nonce]))[12..], computed here by web3j, not the node
    String expected = org.web3j.crypto.ContractUtils.generateContractAddress(credentials.getAddress(), nonce);
    expect(expected.equalsIgnoreCase(token), "contract address " + token + ", expected " + expected);
    String code = answered(web3j.ethGetCode(token, DefaultBlockParameterName.LATEST).send(), "eth_getCode").getCode();
    expect(code.length() > 2, "no code at " + token);
    return token + " in block " + receipt.getBlockNumber() + ", gas used " + receipt.getGasUsed();
  }

  private String transfer() throws Exception {
    String data = transferData(recipient, AMOUNT);
    firstTransfer = send(token, data, estimate(token, data));
    expect(firstTransfer.isStatusOK(), "transfer status " + firstTransfer.getStatus());
    return firstTransfer.getTransactionHash() + " in block " + firstTransfer.getBlockNumber();
  }

  private String balances() throws IOException {
    BigInteger ours = balanceOf(credentials.getAddress());
    BigInteger theirs = balanceOf(recipient);
    expect(ours.equals(INITIAL_SUPPLY.subtract(AMOUNT)), "sender balance " + ours);
    expect(theirs.equals(AMOUNT), "recipient balance " + theirs);
    return "sender " + ours + ", recipient " + theirs;
  }

  private String getLogs() throws IOException {
    DefaultBlockParameter block = DefaultBlockParameter.valueOf(firstTransfer.getBlockNumber());
    EthFilter filter = new EthFilter(block, block, token);
    transferTopics(recipient).forEach(filter::addSingleTopic);
    List<EthLog.LogResult> logs = answered(web3j.ethGetLogs(filter).send(), "eth_getLogs").getLogs();
    expect(logs.size() == 1, "expected 1 Transfer log, got " + logs.size());
    org.web3j.protocol.core.methods.response.Log log = (org.web3j.protocol.core.methods.response.Log) logs.get(0).get();
    expect(log.getTransactionHash().equals(firstTransfer.getTransactionHash()), "log of " + log.getTransactionHash());
    expect(Numeric.toBigInt(log.getData()).equals(AMOUNT), "logged value " + log.getData());
    return "block " + log.getBlockNumber() + ", log index " + log.getLogIndex();
  }

  private String subscription() throws Exception {
    CountDownLatch subscribed = new CountDownLatch(1);
    WebSocketService service = new WebSocketService(endpoint.wsUrl(), false);
    // web3j registers a subscription when eth_subscribe is answered, before calling this listener:
    // waiting for it means the second transfer cannot happen before the subscription exists.
    service.connect(
        message -> {
          if (!service.getSubscriptionIdsMap().isEmpty()) {
            subscribed.countDown();
          }
        },
        error -> {},
        () -> {});
    Web3j socket = Web3j.build(service);
    try {
      CompletableFuture<Log> received = new CompletableFuture<>();
      Disposable listening =
          socket
              .logsNotifications(List.of(token), transferTopics(recipient))
              .subscribe(notification -> received.complete(notification.getParams().getResult()),
                  received::completeExceptionally);
      try {
        expect(subscribed.await(EVENT_SECONDS_MAX, TimeUnit.SECONDS),
            "no eth_subscribe answer within " + EVENT_SECONDS_MAX + " s");
        String subscriptionId = service.getSubscriptionIdsMap().keySet().iterator().next();
        String data = transferData(recipient, AMOUNT);
        TransactionReceipt receipt = send(token, data, estimate(token, data));
        expect(receipt.isStatusOK(), "second transfer status " + receipt.getStatus());
        Log log = received.get(EVENT_SECONDS_MAX, TimeUnit.SECONDS);
        expect(log.getTransactionHash().equals(receipt.getTransactionHash()), "event of " + log.getTransactionHash());
        expect(Numeric.toBigInt(log.getData()).equals(AMOUNT), "event value " + log.getData());
        return "subscription " + subscriptionId + ", event of " + log.getTransactionHash();
      } finally {
        listening.dispose();
      }
    } finally {
      socket.shutdown();
    }
  }

  private String revertReason() throws IOException {
    Response.Error error = revertOf(credentials.getAddress(), encode(new Function("failWith", List.of(), List.of())));
    String data = revertData(error);
    expect(data.startsWith(ERROR_STRING_SELECTOR), "revert data " + data);
    List<Type> decoded =
        FunctionReturnDecoder.decode(data.substring(ERROR_STRING_SELECTOR.length()),
            Utils.convert(List.<TypeReference<?>>of(new TypeReference<Utf8String>() {})));
    expect(REVERT_REASON.equals(decoded.get(0).getValue()), "decoded reason " + decoded);
    expect(error.getMessage().contains(REVERT_REASON), "message " + error.getMessage());
    return "code " + error.getCode() + ", message \"" + error.getMessage() + "\"";
  }

  private String customError() throws IOException {
    // The recipient holds 200 tokens, so asking it to send 201 trips ERC20InsufficientBalance.
    BigInteger needed = AMOUNT.shiftLeft(1).add(BigInteger.ONE);
    Response.Error error = revertOf(recipient, transferData(credentials.getAddress(), needed));
    String selector = Hash.sha3String(INSUFFICIENT_BALANCE).substring(0, 10);
    String data = revertData(error);
    expect(data.startsWith(selector), "revert data " + data + ", expected selector " + selector);
    List<Type> arguments =
        FunctionReturnDecoder.decode(data.substring(selector.length()),
            Utils.convert(
                List.<TypeReference<?>>of(
                    new TypeReference<Address>() {}, new TypeReference<Uint256>() {}, new TypeReference<Uint256>() {})));
    expect(arguments.get(1).getValue().equals(AMOUNT.shiftLeft(1)), "reported balance " + arguments.get(1).getValue());
    expect(arguments.get(2).getValue().equals(needed), "reported need " + arguments.get(2).getValue());
    return INSUFFICIENT_BALANCE + " " + arguments.stream().map(Type::getValue).toList();
  }

  private String estimateThenSend() throws Exception {
    String data = transferData(recipient, AMOUNT);
    BigInteger estimate = estimate(token, data);
    TransactionReceipt receipt = send(token, data, estimate);
    expect(receipt.isStatusOK(), "status " + receipt.getStatus() + " with gas limit " + estimate);
    BigInteger sentLimit =
        answered(web3j.ethGetTransactionByHash(receipt.getTransactionHash()).send(), "eth_getTransactionByHash")
            .getTransaction().orElseThrow().getGas();
    expect(sentLimit.equals(estimate), "sent gas limit " + sentLimit + " != estimate " + estimate);
    expect(receipt.getGasUsed().compareTo(estimate) <= 0, "gas used " + receipt.getGasUsed() + " > " + estimate);
    expect(balanceOf(recipient).equals(AMOUNT.multiply(BigInteger.valueOf(3))), "recipient balance after third transfer");
    return "estimate " + estimate + ", gas used " + receipt.getGasUsed();
  }

  private BigInteger estimate(String to, String data) throws IOException {
    Transaction call = new Transaction(credentials.getAddress(), null, null, null, to, null, data);
    return answered(web3j.ethEstimateGas(call).send(), "eth_estimateGas").getAmountUsed();
  }

  private TransactionReceipt send(String to, String data, BigInteger gasLimit) throws Exception {
    EthSendTransaction sent = transactions.sendTransaction(gasPrice, gasLimit, to, data, BigInteger.ZERO, to == null);
    answered(sent, "eth_sendRawTransaction");
    return receipts.waitForTransactionReceipt(sent.getTransactionHash());
  }

  private BigInteger balanceOf(String owner) throws IOException {
    String data = encode(new Function("balanceOf", List.of(new Address(owner)), List.of(new TypeReference<Uint256>() {})));
    EthCall call =
        answered(web3j.ethCall(Transaction.createEthCallTransaction(credentials.getAddress(), token, data),
            DefaultBlockParameterName.LATEST).send(), "eth_call");
    return Numeric.toBigInt(call.getValue());
  }

  private Response.Error revertOf(String from, String data) throws IOException {
    EthCall call =
        web3j.ethCall(Transaction.createEthCallTransaction(from, token, data), DefaultBlockParameterName.LATEST).send();
    expect(call.hasError(), "call did not revert: " + call.getValue());
    return call.getError();
  }

  // web3j keeps the error's "data" member as raw JSON text, so a hex string arrives quoted.
  private static String revertData(Response.Error error) throws IOException {
    expect(error.getData() != null, "no revert data in error " + error.getCode() + ": " + error.getMessage());
    JsonNode data = MAPPER.readTree(error.getData());
    expect(data.isTextual(), "revert data is not a hex string: " + error.getData());
    return data.asText();
  }

  private static String transferData(String to, BigInteger amount) {
    return encode(new Function("transfer", List.of(new Address(to), new Uint256(amount)), List.of()));
  }

  private static String encode(Function function) {
    return FunctionEncoder.encode(function);
  }

  private List<String> transferTopics(String to) {
    return List.of(EventEncoder.encode(TRANSFER), topic(credentials.getAddress()), topic(to));
  }

  private static String topic(String address) {
    return "0x" + TypeEncoder.encode(new Address(address));
  }
}

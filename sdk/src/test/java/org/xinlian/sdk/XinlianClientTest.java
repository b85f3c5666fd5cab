package org.xinlian.sdk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xinlian.common.Address;
import org.xinlian.common.DecodingException;
import org.xinlian.common.Hash;
import org.xinlian.common.Hex;
import org.xinlian.crypto.CryptoSuites;

class XinlianClientTest {
  private static final Address TOKEN = Address.fromHex("0x5fbdb2315678afecb367f032d93f642f64180aa3");
  private static final Address ALICE = Address.fromHex("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266");
  private static final Hash TX = Hash.fromHex("0x" + "ab".repeat(32));
  private static final String TOPIC = "0x" + "cd".repeat(32);
  private static final String RECEIPT = "{\"transactionHash\":\"" + TX + "\",\"blockNumber\":\"0x7\","
      + "\"blockHash\":\"0x" + "11".repeat(32) + "\",\"from\":\"" + ALICE + "\",\"to\":null,"
      + "\"contractAddress\":\"" + TOKEN + "\",\"gasUsed\":\"0x5208\",\"status\":\"0x1\","
      + "\"logs\":[{\"address\":\"" + TOKEN + "\",\"topics\":[\"" + TOPIC + "\"],\"data\":\"0x01\","
      + "\"blockNumber\":\"0x7\",\"transactionHash\":\"" + TX + "\",\"logIndex\":\"0x0\"}]}";

  private FakeNode node;

  /** A virtual clock: pauses advance it and are counted, nothing sleeps. */
  static final class VirtualWaiter implements Waiter {
    long now;
    final List<Duration> pauses = new ArrayList<>();

    @Override
    public long nanoTime() {
      return now;
    }

    @Override
    public void pause(Duration duration) {
      pauses.add(duration);
      now += duration.toNanos();
    }
  }

  @BeforeEach
  void start() throws Exception {
    node = new FakeNode();
  }

  @AfterEach
  void stop() {
    node.close();
  }

  private XinlianClient client() {
    return XinlianClient.connect(node.uri(), CryptoSuites.standard());
  }

  /** SDK-1: each method sends the Ethereum method with Ethereum's parameter encoding and reads the result. */
  @Test
  void methodsSendEthereumRequestsAndReadResults() {
    node.result("eth_chainId", "\"0x2329\"")
        .result("eth_blockNumber", "\"0x10\"")
        .result("eth_getBalance", "\"0xde0b6b3a7640000\"")
        .result("eth_getTransactionCount", "\"0x3\"")
        .result("eth_getCode", "\"0x6001\"")
        .result("eth_call", "\"0x" + "00".repeat(31) + "2a\"")
        .result("eth_estimateGas", "\"0xb411\"");
    XinlianClient client = client();
    assertEquals(9001, client.chainId());
    assertEquals(16, client.blockNumber());
    assertEquals(BigInteger.TEN.pow(18), client.balance(ALICE));
    assertEquals(3, client.nonce(ALICE, true));
    assertArrayEquals(new byte[] {0x60, 0x01}, client.code(TOKEN));
    byte[] data = Hex.decode("0x70a08231");
    assertEquals(BigInteger.valueOf(42), new BigInteger(1, client.call(CallRequest.to(TOKEN, data).from(ALICE))));
    assertEquals(0xb411, client.estimateGas(CallRequest.to(TOKEN, data)));

    assertEquals("pending", node.requests("eth_getTransactionCount").get(0).get("params").get(1).asText());
    JsonNode call = node.requests("eth_call").get(0).get("params");
    assertEquals(TOKEN.toString(), call.get(0).get("to").asText());
    assertEquals(ALICE.toString(), call.get(0).get("from").asText());
    assertEquals("0x70a08231", call.get(0).get("data").asText());
    assertEquals("latest", call.get(1).asText());
    assertEquals("2.0", node.requests.get(0).get("jsonrpc").asText());
  }

  /** SDK-3: an error object becomes RpcError with its code, message and data. */
  @Test
  void errorObjectsBecomeRpcErrors() {
    node.on("eth_sendRawTransaction", r -> FakeNode.error(r, -32000, "nonce too low", "{\"expected\":5}"));
    RpcError error = assertThrows(RpcError.class, () -> client().sendRawTransaction(new byte[] {1}));
    assertEquals(-32000, error.code());
    assertEquals("nonce too low", error.rpcMessage());
    assertEquals(Optional.of("{\"expected\":5}"), error.data());
    assertFalse(error instanceof ContractRevertedException);
    assertEquals(-32601, assertThrows(RpcError.class, () -> client().gasPrice()).code());
  }

  /** SDK-3: code 3 carries the revert data; the reason is decoded from it, not from the message. */
  @Test
  void revertsCarryDataAndReason() {
    String revert = "0x08c379a0" + "00".repeat(31) + "20" + "00".repeat(31) + "04" + "6e6f706500000000"
        + "00".repeat(24);
    node.on("eth_call", r -> FakeNode.error(r, 3, "execution reverted: nope", "\"" + revert + "\""));
    ContractRevertedException reverted = assertThrows(ContractRevertedException.class,
        () -> client().call(CallRequest.to(TOKEN, new byte[0])));
    assertEquals(3, reverted.code());
    assertEquals(Optional.of("nope"), reverted.reason());
    assertArrayEquals(Hex.decode(revert), reverted.revertData());
  }

  /** SDK-2: bad answers fail with a clear exception naming what was wrong. */
  @Test
  void badAnswersAreRefused() {
    node.result("eth_chainId", "\"0xzz\"")
        .result("eth_blockNumber", "\"0x" + "f".repeat(65) + "\"")
        .on("eth_gasPrice", r -> new FakeNode.Answer(200, "not json"))
        .on("eth_getBalance", r -> new FakeNode.Answer(500, "boom"))
        .on("eth_getCode", r -> new FakeNode.Answer(200, "{\"jsonrpc\":\"2.0\",\"id\":999999,\"result\":\"0x\"}"))
        .result("eth_getTransactionReceipt", "{\"status\":\"0x1\"}");
    XinlianClient client = client();
    assertEquals("eth_chainId", assertThrows(DecodingException.class, client::chainId).field());
    assertEquals("eth_blockNumber", assertThrows(DecodingException.class, client::blockNumber).field());
    assertEquals("eth_gasPrice", assertThrows(DecodingException.class, client::gasPrice).field());
    assertTrue(assertThrows(XinlianClientException.class, () -> client.balance(ALICE)).getMessage().contains("HTTP 500"));
    assertEquals("eth_getCode.id", assertThrows(DecodingException.class, () -> client.code(ALICE)).field());
    assertEquals("receipt.transactionHash",
        assertThrows(DecodingException.class, () -> client.receipt(TX)).field());
  }

  /** SDK-2: an answer above the bound is refused instead of being buffered. */
  @Test
  void oversizedAnswersAreRefused() {
    node.result("eth_getCode", "\"0x" + "00".repeat(4096) + "\"");
    XinlianClient small = XinlianClient.connect(node.uri(), CryptoSuites.standard(),
        ClientOptions.defaults().withResponseBytesMax(1024));
    XinlianClientException refused = assertThrows(XinlianClientException.class, () -> small.code(TOKEN));
    assertTrue(refused.getMessage().contains("exceeds 1024 bytes"), refused.getMessage());
    assertEquals(4096, client().code(TOKEN).length);
  }

  /** SDK-1, SDK-4: receipts and logs are read with every field. */
  @Test
  void receiptsAndLogsAreRead() {
    node.result("eth_getTransactionReceipt", RECEIPT)
        .result("eth_getLogs", "[" + RECEIPT.substring(RECEIPT.indexOf("[{") + 1, RECEIPT.lastIndexOf(']')) + "]");
    XinlianClient client = client();
    TransactionReceipt receipt = client.receipt(TX).orElseThrow();
    assertEquals(7, receipt.blockNumber());
    assertEquals(ALICE, receipt.from());
    assertEquals(Optional.of(TOKEN), receipt.contractAddress());
    assertEquals(Optional.empty(), receipt.to());
    assertTrue(receipt.success());
    assertEquals(21_000, receipt.gasUsed());
    assertEquals(List.of(Hash.fromHex(TOPIC)), receipt.logs().get(0).topics());
    List<LogEntry> logs = client.logs(LogQuery.of(TOKEN, 1, 7).withEvent(Hash.fromHex(TOPIC)));
    assertEquals(receipt.logs().get(0).address(), logs.get(0).address());
    assertArrayEquals(new byte[] {1}, logs.get(0).data());
    JsonNode filter = node.requests("eth_getLogs").get(0).get("params").get(0);
    assertEquals("0x1", filter.get("fromBlock").asText());
    assertEquals("0x7", filter.get("toBlock").asText());
    assertEquals(TOKEN.toString(), filter.get("address").get(0).asText());
    assertEquals(TOPIC, filter.get("topics").get(0).get(0).asText());
  }

  /** SDK-4: the wait polls until the receipt appears, pausing on the injected waiter between polls. */
  @Test
  void waitForReceiptPollsUntilMined() {
    AtomicInteger polls = new AtomicInteger();
    node.on("eth_getTransactionReceipt",
        r -> FakeNode.result(r, polls.incrementAndGet() < 3 ? "null" : RECEIPT));
    VirtualWaiter waiter = new VirtualWaiter();
    XinlianClient client = XinlianClient.connect(node.uri(), CryptoSuites.standard(),
        ClientOptions.defaults().withWaiter(waiter));
    assertEquals(TX, client.waitForReceipt(TX, Duration.ofSeconds(5)).transactionHash());
    assertEquals(3, polls.get());
    assertEquals(List.of(ClientOptions.POLL_INTERVAL, ClientOptions.POLL_INTERVAL), waiter.pauses);
  }

  /** SDK-4: without a receipt the wait ends at the deadline of the waiter's clock, naming the hash. */
  @Test
  void waitForReceiptEndsAtTheDeadline() {
    node.result("eth_getTransactionReceipt", "null");
    VirtualWaiter waiter = new VirtualWaiter();
    XinlianClient client = XinlianClient.connect(node.uri(), CryptoSuites.standard(),
        ClientOptions.defaults().withWaiter(waiter));
    ReceiptTimeoutException timeout = assertThrows(ReceiptTimeoutException.class,
        () -> client.waitForReceipt(TX, Duration.ofMillis(250)));
    assertEquals(TX, timeout.transactionHash());
    // 100 + 100 + the remaining 50 ms: never past the deadline.
    assertEquals(List.of(Duration.ofMillis(100), Duration.ofMillis(100), Duration.ofMillis(50)), waiter.pauses);
    assertEquals(4, node.requests("eth_getTransactionReceipt").size());
  }

  @Test
  void onlyHttpEndpointsAreAccepted() {
    assertThrows(IllegalArgumentException.class,
        () -> XinlianClient.connect(java.net.URI.create("ws://127.0.0.1:8545"), CryptoSuites.standard()));
  }
}

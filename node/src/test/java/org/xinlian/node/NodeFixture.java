package org.xinlian.node;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Predicate;
import org.xinlian.common.Address;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.types.transaction.TransactionCodec;
import org.xinlian.types.transaction.UnsignedTransaction;

/** HTTP and signing helpers for node tests. */
final class NodeFixture {
  /** Generous: a loaded CI machine may take seconds to mine; the wait ends as soon as it is done. */
  static final Duration DEADLINE = Duration.ofSeconds(60);
  static final BigInteger ONE_ETHER = BigInteger.TEN.pow(18);
  static final BigInteger ONE_GWEI = BigInteger.TEN.pow(9);
  static final HttpClient HTTP = HttpClient.newHttpClient();

  private NodeFixture() {}

  /** A signed EIP-155 legacy transfer of {@code value} from dev account {@code from}. */
  static byte[] transfer(int from, long nonce, Address to, BigInteger value) {
    TransactionCodec codec = TransactionCodec.of(CryptoSuites.standard());
    UnsignedTransaction unsigned = new UnsignedTransaction.Legacy(nonce, ONE_GWEI, 21_000, Optional.of(to),
        value, new byte[0], OptionalLong.of(DevChain.CHAIN_ID));
    return codec.encode(codec.sign(unsigned,
        CryptoSuites.standard().keyPairFromPrivateKey(DevChain.privateKey(from)).privateKey()));
  }

  static String post(int port, String body) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
  }

  static String get(int port, String path) throws IOException, InterruptedException {
    return getResponse(port, path).body();
  }

  /** The status code and body of a GET. */
  static HttpResponse<String> getResponse(int port, String path) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /** eth_blockNumber over HTTP. */
  static long blockNumber(int port) throws IOException, InterruptedException {
    String response = post(port, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_blockNumber\",\"params\":[]}");
    int start = response.indexOf("\"result\":\"0x");
    if (start < 0) {
      throw new AssertionError("eth_blockNumber answered " + response);
    }
    int from = start + "\"result\":\"0x".length();
    return Long.parseLong(response.substring(from, response.indexOf('"', from)), 16);
  }

  /** Polls eth_blockNumber until {@code condition} holds, failing at the deadline. */
  static long awaitBlockNumber(int port, Predicate<Long> condition) throws Exception {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    while (true) {
      long number = blockNumber(port);
      if (condition.test(number)) {
        return number;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("block number still " + number + " after " + DEADLINE);
      }
      Thread.sleep(20);
    }
  }
}

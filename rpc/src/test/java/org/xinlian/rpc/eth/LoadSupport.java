package org.xinlian.rpc.eth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Real sockets, bounded waits and meter reads for the hostile-load tests of this package. */
final class LoadSupport {
  /** A cheap request must be answered this fast while an attack runs (a loaded 2-core machine). */
  static final long ANSWER_BOUND_MS = 2_000;
  /** How long to wait for a server-side effect (a stop, a close, a delivery) before failing. */
  static final long EFFECT_BOUND_MS = 20_000;

  private LoadSupport() {}

  static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(EFFECT_BOUND_MS);
    while (!condition.getAsBoolean()) {
      assertTrue(System.nanoTime() < deadline, "not within " + EFFECT_BOUND_MS + " ms: " + what);
      Thread.sleep(10);
    }
  }

  static double counter(EthTestChain chain, String name, String reason) {
    var counter = chain.meters.find(name).tag("reason", reason).counter();
    return counter == null ? 0 : counter.count();
  }

  static double gauge(EthTestChain chain, String name) {
    var gauge = chain.meters.find(name).gauge();
    return gauge == null ? 0 : gauge.value();
  }

  /** eth_blockNumber answered within ANSWER_BOUND_MS. */
  static void assertBlockNumberAnsweredPromptly(EthTestChain chain) throws Exception {
    long start = System.nanoTime();
    JsonNode number = chain.call("eth_blockNumber", "[]");
    long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertEquals("0x" + Long.toHexString(chain.blocks.head().orElseThrow().number()), number.asText());
    assertTrue(elapsedMs < ANSWER_BOUND_MS, "eth_blockNumber took " + elapsedMs + " ms during the attack");
  }

  /** A connection from {@code localAddress} (another 127/8 address is another client). */
  static Socket socket(EthTestChain chain, String localAddress) throws IOException {
    Socket socket = new Socket();
    socket.bind(new InetSocketAddress(localAddress, 0));
    socket.connect(new InetSocketAddress("127.0.0.1", chain.server.port()));
    socket.setSoTimeout((int) EFFECT_BOUND_MS);
    return socket;
  }

  static String request(String method, String params) {
    return "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":" + params + "}";
  }

  static void send(Socket socket, String body) throws IOException {
    socket.getOutputStream().write(("POST / HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
        + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body)
        .getBytes(StandardCharsets.UTF_8));
  }

  /** One request on a kept-alive connection; the whole JSON-RPC response. */
  static JsonNode exchange(Socket socket, String body) throws IOException {
    send(socket, body);
    InputStream in = socket.getInputStream();
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("closed after " + head);
      }
      head.append((char) b);
    }
    int length = 0;
    for (String line : head.toString().split("\r\n")) {
      if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
        length = Integer.parseInt(line.substring("content-length:".length()).trim());
      }
    }
    return EthTestChain.MAPPER.readTree(in.readNBytes(length));
  }
}

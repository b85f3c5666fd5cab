package org.xinlian.cli;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A JSON-RPC WebSocket client for the adversarial suite: it sends as fast as the socket takes
 * messages (one send outstanding, as the JDK requires), and counts what comes back without
 * keeping it, or stops reading altogether.
 */
final class RpcWebSocket implements AutoCloseable {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private final WebSocket socket;
  private final AtomicLong received = new AtomicLong();
  private final AtomicReference<Integer> closeCode = new AtomicReference<>();
  private final StringBuilder partial = new StringBuilder();

  private RpcWebSocket(int port, boolean reading) throws Exception {
    this.socket = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
        .buildAsync(URI.create("ws://127.0.0.1:" + port + "/"), new WebSocket.Listener() {
          @Override
          public void onOpen(WebSocket webSocket) {
            if (reading) {
              webSocket.request(Long.MAX_VALUE);
            }
          }

          @Override
          public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            synchronized (partial) {
              partial.append(data);
              if (last) {
                received.incrementAndGet();
                partial.setLength(0);
              }
            }
            return null;
          }

          @Override
          public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closeCode.set(statusCode);
            return null;
          }
        }).get(30, TimeUnit.SECONDS);
  }

  /** A client that reads every answer and notification. */
  static RpcWebSocket open(int port) throws Exception {
    return new RpcWebSocket(port, true);
  }

  /** A client that never reads: what the node sends it piles up. */
  static RpcWebSocket openWithoutReading(int port) throws Exception {
    return new RpcWebSocket(port, false);
  }

  /** Sends one message and waits until the socket took it. */
  void send(String json) throws Exception {
    socket.sendText(json, true).get(30, TimeUnit.SECONDS);
  }

  /** Sends without waiting for the node to answer; fails only if the socket refuses it. */
  CompletableFuture<WebSocket> sendAsync(String json) {
    return socket.sendText(json, true);
  }

  long received() {
    return received.get();
  }

  /** The close code the node sent, if it closed the connection. */
  Integer closeCode() {
    return closeCode.get();
  }

  @Override
  public void close() {
    socket.abort();
  }
}

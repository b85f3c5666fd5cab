package org.xinlian.cli;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A connection flood from one source address: threads that open TCP connections to the targets
 * as fast as they are accepted, never say a word (no TLS, no handshake), and keep up to
 * {@code heldMax} of them open, replacing those the node resets. What a scanner or an attacker
 * does to a node's public P2P port.
 */
final class ConnectionFlood implements AutoCloseable {
  private static final int CONNECT_TIMEOUT_MS = 1_000;

  private final String sourceHost;
  private final List<InetSocketAddress> targets;
  private final int heldMax;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final AtomicLong opened = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final Thread thread;

  ConnectionFlood(String sourceHost, List<InetSocketAddress> targets, int heldMax) {
    this.sourceHost = sourceHost;
    this.targets = List.copyOf(targets);
    this.heldMax = heldMax;
    this.thread = new Thread(this::run, "connection-flood-" + sourceHost);
    this.thread.setDaemon(true);
    this.thread.start();
  }

  private void run() {
    Deque<Socket> held = new ArrayDeque<>();
    int next = 0;
    while (running.get()) {
      InetSocketAddress target = targets.get(next++ % targets.size());
      Socket socket = new Socket();
      try {
        socket.bind(new InetSocketAddress(sourceHost, 0));
        socket.connect(target, CONNECT_TIMEOUT_MS);
        opened.incrementAndGet();
        held.addLast(socket);
      } catch (IOException e) {
        failed.incrementAndGet();
        closeQuietly(socket);
      }
      while (held.size() > heldMax) {
        closeQuietly(held.removeFirst());
      }
    }
    held.forEach(ConnectionFlood::closeQuietly);
  }

  /** Connections the targets accepted at the TCP level (and may then have reset). */
  long opened() {
    return opened.get();
  }

  long failed() {
    return failed.get();
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // Closing a socket the node already reset.
    }
  }

  @Override
  public void close() {
    running.set(false);
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

package org.xinlian.network;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * An attacker's connections to a transport from a chosen loopback address (Linux routes all of
 * 127/8 to the loopback interface, so a socket can bind 127.0.0.2 as its source): raw TCP that
 * never starts TLS, and TLS that completes with a valid transport certificate and then never
 * answers the node handshake. Every socket stays open until {@link #close()}.
 */
final class FloodClient implements AutoCloseable {
  private final String source;
  private final InetSocketAddress target;
  private final List<Socket> sockets = new ArrayList<>();

  FloodClient(String source, SocketTransport target) {
    this.source = source;
    this.target = new InetSocketAddress("127.0.0.1", target.listenAddress().getPort());
  }

  /** A TCP connection that sends nothing: it stalls before TLS. */
  Socket raw() {
    try {
      Socket socket = new Socket();
      sockets.add(socket);
      socket.bind(new InetSocketAddress(source, 0));
      socket.connect(target);
      return socket;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A connection that completes TLS 1.3 with {@code credentials}' transport certificate, so the
   * node handshake starts, and then sends nothing: it stalls in the node handshake.
   */
  SSLSocket tlsThenSilent(NodeCredentials credentials) {
    try {
      String suite = credentials.suite().name();
      SSLContext context = SuiteTlsSockets.context(suite, credentials);
      Socket plain = raw();
      SSLSocket socket = SuiteTlsSockets.restrict(suite, (SSLSocket) context.getSocketFactory()
          .createSocket(plain, target.getHostString(), target.getPort(), true));
      sockets.add(socket);
      socket.startHandshake();
      // The listener's HELLO arrives once it has checked the certificate: the node handshake runs.
      if (socket.getInputStream().read() < 0) {
        throw new IllegalStateException("the listener closed a TLS connection it should hold");
      }
      return socket;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    for (Socket socket : sockets) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // Already reset by the listener.
      }
    }
  }
}

package org.xinlian.network;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.xinlian.common.Clock;
import org.xinlian.common.RandomSource;

/** Starts Netty transports on 127.0.0.1 with free ports and closes them after a test. */
final class NettyNodes implements AutoCloseable {
  /**
   * Small frames and queues, quick reconnects, one I/O thread; the inbound budgets are the
   * production defaults, which a local cluster on 127.0.0.1 must work with.
   */
  static final TransportLimits LIMITS = TransportLimits.defaults()
      .withFrameBytesMax(1024 * 1024)
      .withQueues(1024, 8L * 1024 * 1024)
      .withInvalidFramesMax(4)
      .withReconnect(50, 500)
      .withIoThreads(1)
      .withPeersMax(64);

  private final List<Transport> started = new ArrayList<>();

  NettyTransport start(NodeCredentials credentials, MessageHandler handler) {
    return start(credentials, handler, Set.of(), LIMITS, 0);
  }

  NettyTransport start(NodeCredentials credentials, MessageHandler handler, Set<NodeId> allowed,
      TransportLimits limits, int port) {
    NettyTransport transport = new NettyTransport(
        new NetworkConfig("127.0.0.1", port, List.of(), allowed, limits), credentials,
        Clock.system(), RandomSource.seeded(7), new SecureRandom(), handler);
    started.add(transport);
    transport.start();
    return transport;
  }

  static PeerAddress addressOf(SocketTransport transport) {
    return new PeerAddress("127.0.0.1", transport.listenAddress().getPort());
  }

  @Override
  public void close() {
    for (Transport transport : started) {
      transport.close();
    }
  }
}

package org.xinlian.network;

import java.net.InetSocketAddress;
import java.util.Set;

/** The TCP transport: a {@link Transport} that listens on a socket and dials peers. */
public interface SocketTransport extends Transport {
  /** The bound address, after {@link #start()} (the chosen port when the config said 0). */
  InetSocketAddress listenAddress();

  /**
   * Dials a peer and keeps redialing it with backoff whenever it is not connected, as for the
   * configured static peers; for peers learned after start (tests, membership changes).
   */
  void addPeer(PeerAddress address);

  /**
   * Admits {@code peers} at later handshakes, besides the configured allowed set: a membership
   * change such as a validator the chain just scheduled (docs/adr/0009). Admission only grows while
   * the transport runs; a transport configured to admit every certified node is unaffected.
   */
  void allowPeers(Set<NodeId> peers);
}

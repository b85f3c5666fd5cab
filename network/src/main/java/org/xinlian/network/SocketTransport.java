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
   * change such as a validator the chain just scheduled (docs/adr/0009) or a node governance
   * added. It lifts an earlier {@link #revokePeers} of them, and static peers suspended by it dial
   * again. A transport configured to admit every certified node keeps admitting every one.
   */
  void allowPeers(Set<NodeId> peers);

  /**
   * Refuses {@code peers} at later handshakes with {@link RefusalReason#REVOKED}, closes their
   * connections and stops redialing them, until {@link #allowPeers} admits them again: a node
   * governance removed (NETWORK-22). Revocation wins over the configured allowed set, including
   * one that admits every certified node. May be called before {@link #start()}.
   */
  void revokePeers(Set<NodeId> peers);
}

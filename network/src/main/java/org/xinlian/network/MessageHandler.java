package org.xinlian.network;

/**
 * Receives what peers send. Calls come from the transport's I/O threads, so implementations must
 * not block: hand the message to the application's own queue (the consensus event loop, the
 * gossip pool) and return. Calls for one peer are made in the order its messages arrived.
 */
@FunctionalInterface
public interface MessageHandler {
  /**
   * One message from an authenticated peer.
   *
   * @param peer the sender, proven by its node certificate
   * @param channel the application channel, in [{@link Transport#CHANNEL_MIN}, {@link
   *     Transport#CHANNEL_MAX}]
   * @param payload the message bytes; the handler owns the array
   */
  void onMessage(NodeId peer, int channel, byte[] payload);

  /** A peer became reachable (its handshake succeeded and it is the only connection to it). */
  default void onPeerConnected(NodeId peer) {}

  /** The last connection to a peer closed. */
  default void onPeerDisconnected(NodeId peer) {}
}

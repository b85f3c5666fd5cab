package org.xinlian.network;

import java.util.Set;

/**
 * Point-to-point messaging between authenticated consortium nodes: what consensus, transaction
 * gossip and block sync are built on. Two implementations pass one contract: TLS over TCP on
 * Netty ({@link NettyTransports}) and an in-memory network for tests ({@link SimulatedNetwork}).
 *
 * <p>Delivery is at most once and in order per connection: a message can be lost when a queue is
 * full or a connection drops, so protocols above retransmit what they need (consensus rounds time
 * out, block sync re-requests).
 */
public interface Transport extends AutoCloseable {
  /**
   * Largest frame (channel byte plus payload) any configuration may allow: 16 MiB, room for a
   * block of the largest gas limit a consortium is expected to configure.
   */
  int FRAME_BYTES_MAX = 16 * 1024 * 1024;

  /** Lowest application channel; channel 0 is the transport's own (handshake). */
  int CHANNEL_MIN = 1;

  /** Highest application channel: the channel is one byte on the wire. */
  int CHANNEL_MAX = 255;

  /** This node's id, from its node certificate. */
  NodeId localId();

  /** Starts listening and dialing the configured peers; returns once listening. */
  void start();

  /**
   * Queues a message to one connected peer.
   *
   * @return false when the peer is not connected or its outbound queue is full (the message is
   *     dropped and counted)
   * @throws IllegalArgumentException for a channel outside [{@link #CHANNEL_MIN}, {@link
   *     #CHANNEL_MAX}] or a payload over the configured frame limit
   */
  boolean send(NodeId peer, int channel, byte[] payload);

  /**
   * Queues a message to every connected peer.
   *
   * @return how many peers it was queued for
   */
  int broadcast(int channel, byte[] payload);

  /** Peers authenticated and connected now. */
  Set<NodeId> connectedPeers();

  /** Counters since start. */
  TransportMetrics metrics();

  /** Stops dialing, closes every connection after flushing what is queued, and frees threads. */
  @Override
  void close();
}

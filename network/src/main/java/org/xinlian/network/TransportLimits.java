package org.xinlian.network;

/**
 * The bounds that keep a misbehaving or slow peer from costing more than a fixed amount of memory
 * and time.
 *
 * @param frameBytesMax largest frame (channel byte plus payload) accepted or sent, at most {@link
 *     Transport#FRAME_BYTES_MAX}
 * @param outboundQueueMessagesMax messages queued per peer before new ones are dropped
 * @param outboundQueueBytesMax frame bytes queued per peer before new messages are dropped
 * @param invalidFramesMax bad frames a peer may send before it is disconnected
 * @param handshakeTimeoutMillis time for TLS plus the node handshake
 * @param reconnectInitialMillis first reconnect delay to a static peer
 * @param reconnectMaxMillis cap of the exponential reconnect delay
 * @param ioThreads event-loop threads of the Netty transport
 * @param connectionsMax open connections (authenticated or still in their handshake) beyond which
 *     new inbound connections are closed at once, so unauthenticated peers cannot exhaust memory
 */
public record TransportLimits(
    int frameBytesMax,
    int outboundQueueMessagesMax,
    long outboundQueueBytesMax,
    int invalidFramesMax,
    long handshakeTimeoutMillis,
    long reconnectInitialMillis,
    long reconnectMaxMillis,
    int ioThreads,
    int connectionsMax) {
  public TransportLimits {
    require(frameBytesMax >= 2 && frameBytesMax <= Transport.FRAME_BYTES_MAX,
        "frameBytesMax", "must be in [2, " + Transport.FRAME_BYTES_MAX + "]");
    require(outboundQueueMessagesMax >= 1, "outboundQueueMessagesMax", "must be positive");
    require(outboundQueueBytesMax >= frameBytesMax, "outboundQueueBytesMax",
        "must hold at least one frame of frameBytesMax");
    require(invalidFramesMax >= 1, "invalidFramesMax", "must be positive");
    require(handshakeTimeoutMillis >= 1, "handshakeTimeoutMillis", "must be positive");
    require(reconnectInitialMillis >= 1, "reconnectInitialMillis", "must be positive");
    require(reconnectMaxMillis >= reconnectInitialMillis, "reconnectMaxMillis",
        "must be at least reconnectInitialMillis");
    require(ioThreads >= 1, "ioThreads", "must be positive");
    require(connectionsMax >= 1, "connectionsMax", "must be positive");
  }

  /**
   * Production defaults: 10 MiB frames, 4096 messages or 64 MiB queued per peer, 16 bad frames,
   * 10 s handshakes, reconnect from 0.5 s up to 30 s, 2 I/O threads, 256 connections.
   */
  public static TransportLimits defaults() {
    return new TransportLimits(
        10 * 1024 * 1024, 4096, 64L * 1024 * 1024, 16, 10_000, 500, 30_000, 2, 256);
  }

  /** Largest payload of one message: the frame minus its channel byte. */
  public int payloadBytesMax() {
    return frameBytesMax - 1;
  }

  private static void require(boolean condition, String field, String problem) {
    if (!condition) {
      throw new IllegalArgumentException("transportLimits." + field + ": " + problem);
    }
  }
}

package org.xinlian.network;

/**
 * The bounds that keep a misbehaving or slow peer, or a flood of connections that never
 * authenticate, from costing more than a fixed amount of memory and time (NETWORK-17..20).
 *
 * <p>Two budgets are kept apart: authenticated peers ({@code peersMax}) and inbound connections
 * still in their TLS or node handshake ({@code handshakesMax}, and per remote address {@code
 * handshakesPerAddressMax}); so sockets that never authenticate cannot take the slots of peers,
 * and one address cannot take every handshake slot. Dials to configured peers are not limited by
 * either inbound budget.
 *
 * @param frameBytesMax largest frame (channel byte plus payload) accepted or sent, at most {@link
 *     Transport#FRAME_BYTES_MAX}
 * @param outboundQueueMessagesMax messages queued per peer before new ones are dropped
 * @param outboundQueueBytesMax frame bytes queued per peer before new messages are dropped
 * @param invalidFramesMax bad frames a peer may send before it is disconnected
 * @param handshakeTimeoutMillis time for TLS plus the node handshake; a connection that has not
 *     authenticated by then is closed
 * @param reconnectInitialMillis first reconnect delay to a static peer
 * @param reconnectMaxMillis cap of the exponential reconnect delay
 * @param ioThreads event-loop threads of the Netty transport
 * @param peersMax authenticated peers beyond which an inbound connection from a new peer is
 *     refused at the node handshake; connections still in their handshake do not count, and
 *     peers this node dialed are not refused
 * @param handshakesMax inbound connections in their handshake at once, all addresses together;
 *     a further one is closed at accept, before any TLS work
 * @param handshakesPerAddressMax inbound connections in their handshake at once from one remote
 *     address (an IPv4 address, or an IPv6 /64 prefix)
 * @param connectionsPerAddressMax inbound connections open at once from one remote address,
 *     authenticated or not; several nodes on one host or behind one NAT share an address
 * @param acceptsPerAddressBurstMax inbound connections one address may open in a burst (a token
 *     bucket of this size per address)
 * @param acceptsPerAddressRefillMillis time in which one more inbound connection per address
 *     is allowed after the burst (the bucket gains one token per this interval)
 * @param refusalLogIntervalMillis shortest interval between two log lines for refusals of one
 *     reason; refusals in between are counted and the next line says how many
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
    int peersMax,
    int handshakesMax,
    int handshakesPerAddressMax,
    int connectionsPerAddressMax,
    int acceptsPerAddressBurstMax,
    long acceptsPerAddressRefillMillis,
    long refusalLogIntervalMillis) {
  /** 10 MiB: a block of the default gas limit with room to spare. */
  public static final int FRAME_BYTES_DEFAULT = 10 * 1024 * 1024;
  public static final int OUTBOUND_QUEUE_MESSAGES_DEFAULT = 4096;
  public static final long OUTBOUND_QUEUE_BYTES_DEFAULT = 64L * 1024 * 1024;
  public static final int INVALID_FRAMES_DEFAULT = 16;
  /** A TLS 1.3 plus node handshake takes a few round trips: 10 s covers slow links. */
  public static final long HANDSHAKE_TIMEOUT_MILLIS_DEFAULT = 10_000;
  public static final long RECONNECT_INITIAL_MILLIS_DEFAULT = 500;
  public static final long RECONNECT_MAX_MILLIS_DEFAULT = 30_000;
  public static final int IO_THREADS_DEFAULT = 2;
  /** Far above a consortium's size; a node holds one connection per peer. */
  public static final int PEERS_DEFAULT = 256;
  /**
   * Handshakes take milliseconds on an honest link, so 16 at once serve a whole consortium
   * (re)connecting together while bounding what a flood costs (each costs TLS key exchange and
   * signature work).
   */
  public static final int HANDSHAKES_DEFAULT = 16;
  /** An honest node has one dial in flight per address it dials (NETWORK-10); 2 allows a redial. */
  public static final int HANDSHAKES_PER_ADDRESS_DEFAULT = 2;
  /**
   * Nodes of one organisation may share a host or a NAT address, and local networks put every
   * node on 127.0.0.1; 16 serves those and still bounds one host.
   */
  public static final int CONNECTIONS_PER_ADDRESS_DEFAULT = 16;
  /** Enough for every node of a shared address to connect at once after a restart. */
  public static final int ACCEPTS_PER_ADDRESS_BURST_DEFAULT = 16;
  /** 4 new connections per second per address after the burst. */
  public static final long ACCEPTS_PER_ADDRESS_REFILL_MILLIS_DEFAULT = 250;
  /** At most one line per reason every 10 s: a flood writes a few lines a minute, not megabytes. */
  public static final long REFUSAL_LOG_INTERVAL_MILLIS_DEFAULT = 10_000;

  private static final long MILLIS_PER_DAY = 86_400_000;

  public TransportLimits {
    require(frameBytesMax >= 2 && frameBytesMax <= Transport.FRAME_BYTES_MAX,
        "frameBytesMax", "must be in [2, " + Transport.FRAME_BYTES_MAX + "], got " + frameBytesMax);
    require(outboundQueueMessagesMax >= 1, "outboundQueueMessagesMax", "must be positive");
    require(outboundQueueBytesMax >= frameBytesMax, "outboundQueueBytesMax",
        "must hold at least one frame of frameBytesMax");
    require(invalidFramesMax >= 1, "invalidFramesMax", "must be positive");
    require(handshakeTimeoutMillis >= 1, "handshakeTimeoutMillis", "must be positive");
    require(reconnectInitialMillis >= 1, "reconnectInitialMillis", "must be positive");
    require(reconnectMaxMillis >= reconnectInitialMillis, "reconnectMaxMillis",
        "must be at least reconnectInitialMillis");
    require(ioThreads >= 1, "ioThreads", "must be positive");
    require(peersMax >= 1, "peersMax", "must be positive");
    require(handshakesMax >= 1, "handshakesMax", "must be positive");
    require(handshakesPerAddressMax >= 1 && handshakesPerAddressMax <= handshakesMax,
        "handshakesPerAddressMax", "must be in [1, handshakesMax = " + handshakesMax + "], got "
            + handshakesPerAddressMax);
    require(connectionsPerAddressMax >= handshakesPerAddressMax, "connectionsPerAddressMax",
        "must be at least handshakesPerAddressMax = " + handshakesPerAddressMax + ", got "
            + connectionsPerAddressMax);
    require(acceptsPerAddressBurstMax >= 1, "acceptsPerAddressBurstMax", "must be positive");
    // The bound keeps refill arithmetic in nanoseconds far from overflow.
    require(acceptsPerAddressRefillMillis >= 1 && acceptsPerAddressRefillMillis <= MILLIS_PER_DAY,
        "acceptsPerAddressRefillMillis", "must be in [1, " + MILLIS_PER_DAY + "]");
    require(refusalLogIntervalMillis >= 0 && refusalLogIntervalMillis <= MILLIS_PER_DAY,
        "refusalLogIntervalMillis", "must be in [0, " + MILLIS_PER_DAY + "] (0 logs every refusal)");
  }

  /** Production defaults: the {@code *_DEFAULT} constants. */
  public static TransportLimits defaults() {
    return new TransportLimits(
        FRAME_BYTES_DEFAULT, OUTBOUND_QUEUE_MESSAGES_DEFAULT, OUTBOUND_QUEUE_BYTES_DEFAULT,
        INVALID_FRAMES_DEFAULT, HANDSHAKE_TIMEOUT_MILLIS_DEFAULT, RECONNECT_INITIAL_MILLIS_DEFAULT,
        RECONNECT_MAX_MILLIS_DEFAULT, IO_THREADS_DEFAULT, PEERS_DEFAULT, HANDSHAKES_DEFAULT,
        HANDSHAKES_PER_ADDRESS_DEFAULT, CONNECTIONS_PER_ADDRESS_DEFAULT,
        ACCEPTS_PER_ADDRESS_BURST_DEFAULT, ACCEPTS_PER_ADDRESS_REFILL_MILLIS_DEFAULT,
        REFUSAL_LOG_INTERVAL_MILLIS_DEFAULT);
  }

  /** Largest payload of one message: the frame minus its channel byte. */
  public int payloadBytesMax() {
    return frameBytesMax - 1;
  }

  public TransportLimits withFrameBytesMax(int value) {
    return new TransportLimits(value, outboundQueueMessagesMax, outboundQueueBytesMax,
        invalidFramesMax, handshakeTimeoutMillis, reconnectInitialMillis, reconnectMaxMillis,
        ioThreads, peersMax, handshakesMax, handshakesPerAddressMax, connectionsPerAddressMax,
        acceptsPerAddressBurstMax, acceptsPerAddressRefillMillis, refusalLogIntervalMillis);
  }

  public TransportLimits withQueues(int messagesMax, long bytesMax) {
    return new TransportLimits(frameBytesMax, messagesMax, bytesMax,
        invalidFramesMax, handshakeTimeoutMillis, reconnectInitialMillis, reconnectMaxMillis,
        ioThreads, peersMax, handshakesMax, handshakesPerAddressMax, connectionsPerAddressMax,
        acceptsPerAddressBurstMax, acceptsPerAddressRefillMillis, refusalLogIntervalMillis);
  }

  public TransportLimits withInvalidFramesMax(int value) {
    return new TransportLimits(frameBytesMax, outboundQueueMessagesMax, outboundQueueBytesMax,
        value, handshakeTimeoutMillis, reconnectInitialMillis, reconnectMaxMillis,
        ioThreads, peersMax, handshakesMax, handshakesPerAddressMax, connectionsPerAddressMax,
        acceptsPerAddressBurstMax, acceptsPerAddressRefillMillis, refusalLogIntervalMillis);
  }

  public TransportLimits withHandshakeTimeoutMillis(long value) {
    return new TransportLimits(frameBytesMax, outboundQueueMessagesMax, outboundQueueBytesMax,
        invalidFramesMax, value, reconnectInitialMillis, reconnectMaxMillis,
        ioThreads, peersMax, handshakesMax, handshakesPerAddressMax, connectionsPerAddressMax,
        acceptsPerAddressBurstMax, acceptsPerAddressRefillMillis, refusalLogIntervalMillis);
  }

  public TransportLimits withReconnect(long initialMillis, long maxMillis) {
    return new TransportLimits(frameBytesMax, outboundQueueMessagesMax, outboundQueueBytesMax,
        invalidFramesMax, handshakeTimeoutMillis, initialMillis, maxMillis,
        ioThreads, peersMax, handshakesMax, handshakesPerAddressMax, connectionsPerAddressMax,
        acceptsPerAddressBurstMax, acceptsPerAddressRefillMillis, refusalLogIntervalMillis);
  }

  public TransportLimits withIoThreads(int value) {
    return new TransportLimits(frameBytesMax, outboundQueueMessagesMax, outboundQueueBytesMax,
        invalidFramesMax, handshakeTimeoutMillis, reconnectInitialMillis, reconnectMaxMillis,
        value, peersMax, handshakesMax, handshakesPerAddressMax, connectionsPerAddressMax,
        acceptsPerAddressBurstMax, acceptsPerAddressRefillMillis, refusalLogIntervalMillis);
  }

  public TransportLimits withPeersMax(int value) {
    return new TransportLimits(frameBytesMax, outboundQueueMessagesMax, outboundQueueBytesMax,
        invalidFramesMax, handshakeTimeoutMillis, reconnectInitialMillis, reconnectMaxMillis,
        ioThreads, value, handshakesMax, handshakesPerAddressMax, connectionsPerAddressMax,
        acceptsPerAddressBurstMax, acceptsPerAddressRefillMillis, refusalLogIntervalMillis);
  }

  /** The inbound handshake budgets: all addresses together and per address. */
  public TransportLimits withHandshakesMax(int total, int perAddress) {
    return new TransportLimits(frameBytesMax, outboundQueueMessagesMax, outboundQueueBytesMax,
        invalidFramesMax, handshakeTimeoutMillis, reconnectInitialMillis, reconnectMaxMillis,
        ioThreads, peersMax, total, perAddress, connectionsPerAddressMax,
        acceptsPerAddressBurstMax, acceptsPerAddressRefillMillis, refusalLogIntervalMillis);
  }

  public TransportLimits withConnectionsPerAddressMax(int value) {
    return new TransportLimits(frameBytesMax, outboundQueueMessagesMax, outboundQueueBytesMax,
        invalidFramesMax, handshakeTimeoutMillis, reconnectInitialMillis, reconnectMaxMillis,
        ioThreads, peersMax, handshakesMax, handshakesPerAddressMax, value,
        acceptsPerAddressBurstMax, acceptsPerAddressRefillMillis, refusalLogIntervalMillis);
  }

  /** The per-address token bucket of new inbound connections. */
  public TransportLimits withAcceptsPerAddress(int burstMax, long refillMillis) {
    return new TransportLimits(frameBytesMax, outboundQueueMessagesMax, outboundQueueBytesMax,
        invalidFramesMax, handshakeTimeoutMillis, reconnectInitialMillis, reconnectMaxMillis,
        ioThreads, peersMax, handshakesMax, handshakesPerAddressMax, connectionsPerAddressMax,
        burstMax, refillMillis, refusalLogIntervalMillis);
  }

  public TransportLimits withRefusalLogIntervalMillis(long value) {
    return new TransportLimits(frameBytesMax, outboundQueueMessagesMax, outboundQueueBytesMax,
        invalidFramesMax, handshakeTimeoutMillis, reconnectInitialMillis, reconnectMaxMillis,
        ioThreads, peersMax, handshakesMax, handshakesPerAddressMax, connectionsPerAddressMax,
        acceptsPerAddressBurstMax, acceptsPerAddressRefillMillis, value);
  }

  private static void require(boolean condition, String field, String problem) {
    if (!condition) {
      throw new IllegalArgumentException("transportLimits." + field + ": " + problem);
    }
  }
}

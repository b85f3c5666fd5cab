package org.xinlian.network;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.xinlian.common.Clock;
import org.xinlian.common.RandomSource;

/**
 * The TLS-over-TCP transport on Netty (NETWORK-1..). Connections are tracked per authenticated
 * peer; when two exist for one peer (both nodes dialed), both nodes keep the same one by a rule
 * each side evaluates alike (see {@link #keepNewConnection}). Inbound connections pass the
 * {@link InboundAdmission} budgets at accept and the peer cap at authentication (NETWORK-17..19);
 * dialed ones pass neither, so an inbound flood never stops this node reaching its static peers.
 */
final class NettyTransport implements SocketTransport {
  private static final System.Logger LOG = System.getLogger(NettyTransport.class.getName());

  /** Time {@link #close()} waits for queued frames to flush and threads to stop. */
  static final long SHUTDOWN_MILLIS_MAX = 5_000;

  private final NetworkConfig config;
  /** The allowed set grown by {@link #allowPeers} and the ids {@link #revokePeers} refuses. */
  private final PeerMembership membership;
  private final NodeCredentials credentials;
  private final NodeId localId;
  private final Clock clock;
  private final RandomSource jitter;
  private final SecureRandom nonces;
  private final MessageHandler handler;
  private final Counters counters = new Counters();
  private final Map<NodeId, PeerSession> sessions = new ConcurrentHashMap<>();
  /** Inbound sessions that authenticated a new peer and hold a peer slot until registered. */
  private final Set<PeerSession> admitting = new HashSet<>();
  private final InboundAdmission inbound;
  private final RefusalLog refusalLog;
  private final List<Dialer> dialers = new CopyOnWriteArrayList<>();
  private final Object table = new Object();
  private final EventLoopGroup group;
  private final ChannelGroup channels = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
  private final SslContext serverTls;
  private final SslContext clientTls;
  private volatile Channel serverChannel;
  /** Source address of dials; null lets the operating system choose. */
  private volatile InetSocketAddress dialSource;
  private volatile boolean closed;

  NettyTransport(
      NetworkConfig config,
      NodeCredentials credentials,
      Clock clock,
      RandomSource jitter,
      SecureRandom nonces,
      MessageHandler handler) {
    this.config = config;
    this.membership = new PeerMembership(config.allowedPeers());
    this.credentials = credentials;
    this.localId = credentials.nodeId();
    this.clock = clock;
    this.jitter = jitter;
    this.nonces = nonces;
    this.handler = handler;
    this.inbound = new InboundAdmission(config.limits(), clock);
    this.refusalLog = new RefusalLog(clock, config.limits().refusalLogIntervalMillis());
    try {
      this.serverTls = TlsContexts.server(credentials, clock);
      this.clientTls = TlsContexts.client(credentials, clock);
    } catch (SSLException e) {
      throw new IllegalArgumentException("nodeCredentials: TLS cannot use them: " + e.getMessage(), e);
    }
    this.group = new NioEventLoopGroup(
        config.limits().ioThreads(), new DefaultThreadFactory("p2p-" + localId, true));
  }

  @Override
  public NodeId localId() {
    return localId;
  }

  @Override
  public void start() {
    ServerBootstrap bootstrap = new ServerBootstrap()
        .group(group)
        .channel(NioServerSocketChannel.class)
        .option(ChannelOption.SO_REUSEADDR, true)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childOption(ChannelOption.SO_KEEPALIVE, true)
        .childHandler(initializer(serverTls, null));
    ChannelFuture bound =
        bootstrap.bind(config.listenHost(), config.listenPort()).syncUninterruptibly();
    serverChannel = bound.channel();
    LOG.log(System.Logger.Level.INFO, "P2P {0} listening on {1}", localId, listenAddress());
    for (PeerAddress address : config.staticPeers()) {
      addPeer(address);
    }
  }

  @Override
  public InetSocketAddress listenAddress() {
    Channel server = serverChannel;
    if (server == null) {
      throw new IllegalStateException("transport not started");
    }
    return (InetSocketAddress) server.localAddress();
  }

  @Override
  public void addPeer(PeerAddress address) {
    if (closed) {
      throw new IllegalStateException("transport closed");
    }
    Dialer dialer = new Dialer(this, address, new Backoff(
        config.limits().reconnectInitialMillis(), config.limits().reconnectMaxMillis(), jitter));
    dialers.add(dialer);
    dialer.schedule(0);
  }

  private ChannelInitializer<SocketChannel> initializer(SslContext tls, Dialer dialer) {
    return new ChannelInitializer<>() {
      @Override
      protected void initChannel(SocketChannel channel) {
        if (closed) {
          channel.close();
          return;
        }
        InboundAdmission.Slot slot = null;
        if (dialer == null) {
          slot = admit(channel);
          if (slot == null) {
            return;
          }
        }
        channels.add(channel);
        SslHandler ssl = tls.newHandler(channel.alloc());
        ssl.setHandshakeTimeoutMillis(config.limits().handshakeTimeoutMillis());
        FrameDecoder decoder = new FrameDecoder(Frames.HANDSHAKE_FRAME_BYTES_MAX);
        channel.pipeline().addLast("tls", ssl);
        channel.pipeline().addLast("frames", decoder);
        channel.pipeline().addLast(
            "session", new PeerSession(NettyTransport.this, dialer, decoder, slot));
      }
    };
  }

  /**
   * Takes an inbound handshake slot for a connection just accepted, or refuses it with a reset
   * before any TLS work: a refused socket costs the accept and the close only.
   */
  private InboundAdmission.Slot admit(SocketChannel channel) {
    InetSocketAddress remote = channel.remoteAddress();
    if (remote == null) {
      // Reset by the client before it was accepted: nothing to admit or count.
      channel.close();
      return null;
    }
    InboundAdmission.Decision decision = inbound.admit(remote.getAddress());
    if (!decision.admitted()) {
      counters.refused(decision.refusal());
      refusalLog.refused(localId, decision.refusal(), false, remote, decision.detail());
      // A reset rather than a FIN leaves no TIME_WAIT state behind for each refused socket.
      channel.config().setOption(ChannelOption.SO_LINGER, 0);
      channel.close();
      return null;
    }
    InboundAdmission.Slot slot = decision.slot();
    channel.closeFuture().addListener(closed -> slot.closed());
    return slot;
  }

  /** Called by a {@link Dialer}; completion is reported back through the session or here. */
  void dial(Dialer dialer) {
    if (closed) {
      dialer.ended();
      return;
    }
    Bootstrap bootstrap = new Bootstrap()
        .group(group)
        .channel(NioSocketChannel.class)
        .option(ChannelOption.TCP_NODELAY, true)
        .option(ChannelOption.SO_KEEPALIVE, true)
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS,
            (int) Math.min(Integer.MAX_VALUE, config.limits().handshakeTimeoutMillis()))
        .handler(initializer(clientTls, dialer));
    InetSocketAddress source = dialSource;
    if (source != null) {
      bootstrap.localAddress(source);
    }
    bootstrap.connect(dialer.address().host(), dialer.address().port())
        .addListener((ChannelFutureListener) future -> {
          if (!future.isSuccess()) {
            LOG.log(System.Logger.Level.DEBUG, "P2P {0} cannot reach {1}: {2}",
                localId, dialer.address(), String.valueOf(future.cause()));
            // The session reports the end of connections that were established; this one never was.
            dialer.ended();
          }
        });
  }

  /**
   * Whether a connection that just authenticated replaces the one already kept for its peer. The
   * same answer must come out on both nodes, so it depends only on who dialed each: when they
   * were dialed from opposite ends, the connection dialed by the smaller node id is kept; when
   * from the same end, the newer one is kept, because the older one is then the remains of a
   * connection its dialer already gave up (a restart).
   */
  static boolean keepNewConnection(
      NodeId local, NodeId peer, boolean existingDialedByLocal, boolean newDialedByLocal) {
    if (existingDialedByLocal == newDialedByLocal) {
      return true;
    }
    boolean localDialerPreferred = local.compareTo(peer) < 0;
    return newDialedByLocal == localDialerPreferred;
  }

  void register(PeerSession session) {
    NodeId peer = session.peer();
    synchronized (table) {
      if (closed) {
        session.closeDuplicate();
        return;
      }
      admitting.remove(session);
      if (membership.revoked().contains(peer)) {
        // Revoked while this session was between its check and here (NETWORK-22).
        session.closeRevoked();
        return;
      }
      PeerSession existing = sessions.get(peer);
      if (existing == null) {
        sessions.put(peer, session);
        session.markRegistered();
        LOG.log(System.Logger.Level.INFO, "P2P {0} connected to {1} at {2}",
            localId, peer, session.channel().remoteAddress());
        notifyConnected(peer);
        return;
      }
      if (keepNewConnection(localId, peer, existing.dialed(), session.dialed())) {
        sessions.put(peer, session);
        session.markRegistered();
        existing.closeDuplicate();
      } else {
        session.closeDuplicate();
      }
      LOG.log(System.Logger.Level.DEBUG, "P2P {0} resolved a duplicate connection to {1}",
          localId, peer);
    }
  }

  /**
   * Whether a session that just authenticated {@code peer} may go on (NETWORK-17): yes when this
   * node dialed it, when the peer already holds a slot (the session replaces or loses to another
   * connection of that peer), or when fewer than {@code peersMax} peers hold one; the slot is held
   * until the session registers or closes, so sessions authenticating at once cannot overshoot.
   */
  boolean reservePeer(PeerSession session, NodeId peer) {
    if (session.dialed()) {
      return true;
    }
    synchronized (table) {
      Set<NodeId> holding = new HashSet<>(sessions.keySet());
      for (PeerSession other : admitting) {
        holding.add(other.peer());
      }
      if (!holding.contains(peer) && holding.size() >= config.limits().peersMax()) {
        return false;
      }
      admitting.add(session);
      return true;
    }
  }

  /** A session's connection closed: frees its peer slot and reports the peer gone if it was kept. */
  void closed(PeerSession session) {
    synchronized (table) {
      admitting.remove(session);
    }
    if (session.registered()) {
      unregister(session);
    }
  }

  private void unregister(PeerSession session) {
    NodeId peer = session.peer();
    synchronized (table) {
      if (!sessions.remove(peer, session)) {
        return;
      }
      LOG.log(System.Logger.Level.INFO, "P2P {0} disconnected from {1}", localId, peer);
      try {
        handler.onPeerDisconnected(peer);
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.ERROR, "P2P handler failed on a disconnect", e);
      }
      for (Dialer dialer : dialers) {
        dialer.peerDisconnected(peer);
      }
    }
  }

  private void notifyConnected(NodeId peer) {
    try {
      handler.onPeerConnected(peer);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, "P2P handler failed on a connect", e);
    }
  }

  void delivered(PeerSession session, Frames.Inbound frame) {
    counters.messagesIn.increment();
    counters.bytesIn.add(Frames.wireBytes(frame.payload().length));
    try {
      handler.onMessage(session.peer(), frame.channel(), frame.payload());
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, "P2P handler failed on a message from " + session.peer(), e);
    }
  }

  @Override
  public boolean send(NodeId peer, int channel, byte[] payload) {
    Frames.checkMessage(channel, payload, config.limits());
    PeerSession session = sessions.get(peer);
    if (session == null) {
      return false;
    }
    return session.send(channel, payload);
  }

  @Override
  public int broadcast(int channel, byte[] payload) {
    Frames.checkMessage(channel, payload, config.limits());
    int queued = 0;
    for (PeerSession session : sessions.values()) {
      if (session.send(channel, payload)) {
        queued++;
      }
    }
    return queued;
  }

  @Override
  public Set<NodeId> connectedPeers() {
    return Set.copyOf(sessions.keySet());
  }

  boolean isConnected(NodeId peer) {
    return sessions.containsKey(peer);
  }

  @Override
  public TransportMetrics metrics() {
    return counters.snapshot(sessions.size(), inbound.handshakes());
  }

  /** Open peer connections, authenticated or not (tests check duplicate resolution with it). */
  int openConnections() {
    return (int) channels.stream().filter(Channel::isActive).count();
  }

  /** The channel kept for a peer (tests drive a slow or misbehaving peer through it). */
  Channel channelTo(NodeId peer) {
    PeerSession session = sessions.get(peer);
    return session == null ? null : session.channel();
  }

  @Override
  public void close() {
    synchronized (table) {
      if (closed) {
        return;
      }
      closed = true;
    }
    for (Dialer dialer : dialers) {
      dialer.stop();
    }
    Channel server = serverChannel;
    if (server != null) {
      server.close().awaitUninterruptibly(SHUTDOWN_MILLIS_MAX);
    }
    // Queued frames are written before the close, as each channel's writes are ordered.
    channels.writeAndFlush(io.netty.buffer.Unpooled.EMPTY_BUFFER)
        .awaitUninterruptibly(SHUTDOWN_MILLIS_MAX);
    channels.close().awaitUninterruptibly(SHUTDOWN_MILLIS_MAX);
    group.shutdownGracefully(0, SHUTDOWN_MILLIS_MAX, TimeUnit.MILLISECONDS)
        .awaitUninterruptibly(SHUTDOWN_MILLIS_MAX * 2);
    LOG.log(System.Logger.Level.INFO, "P2P {0} closed", localId);
  }

  ScheduledExecutorService scheduler() {
    return group;
  }

  NodeCredentials credentials() {
    return credentials;
  }

  Clock clock() {
    return clock;
  }

  TransportLimits limits() {
    return config.limits();
  }

  @Override
  public void allowPeers(Set<NodeId> peers) {
    if (membership.allow(peers)) {
      // Each suspended dialer dials again; one whose peer is still revoked is suspended again.
      for (Dialer dialer : dialers) {
        dialer.resume();
      }
    }
  }

  /** NETWORK-22. Published before the table scan; {@link #register} checks it under the lock. */
  @Override
  public void revokePeers(Set<NodeId> peers) {
    Set<NodeId> copy = Set.copyOf(peers);
    membership.revoke(copy);
    for (Dialer dialer : dialers) {
      dialer.suspendIfPeerIn(copy);
    }
    synchronized (table) {
      for (NodeId peer : copy) {
        PeerSession session = sessions.get(peer);
        if (session != null) {
          LOG.log(System.Logger.Level.INFO, "P2P {0} disconnecting {1}: revoked", localId, peer);
          session.closeRevoked();
        }
      }
      for (PeerSession session : admitting) {
        if (copy.contains(session.peer())) {
          session.closeRevoked();
        }
      }
    }
  }

  /** The ids admitted now: none listed means every certified node (NetworkConfig#allowedPeers). */
  Set<NodeId> allowedPeers() {
    return membership.admitted();
  }

  /** The ids refused whatever the allowed set says (NETWORK-22). */
  Set<NodeId> revokedPeers() {
    return membership.revoked();
  }

  Counters counters() {
    return counters;
  }

  RefusalLog refusalLog() {
    return refusalLog;
  }

  /** The inbound budgets (tests look at what they hold). */
  InboundAdmission inbound() {
    return inbound;
  }

  /**
   * Dials from {@code host} (port chosen by the system) instead of an address the operating
   * system picks; tests make a node dial from another loopback address than a flood's.
   */
  void dialFrom(String host) {
    dialSource = new InetSocketAddress(host, 0);
  }

  byte[] nonce() {
    byte[] nonce = new byte[NodeHandshake.NONCE_BYTES];
    synchronized (nonces) {
      nonces.nextBytes(nonce);
    }
    return nonce;
  }

}

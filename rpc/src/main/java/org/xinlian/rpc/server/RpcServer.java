package org.xinlian.rpc.server;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.xinlian.common.Clock;
import org.xinlian.common.Invariants;
import org.xinlian.rpc.ChainInfo;
import org.xinlian.rpc.HealthSource;
import org.xinlian.rpc.RpcMethod;
import org.xinlian.rpc.RpcMethodRegistry;
import org.xinlian.rpc.RpcServerConfig;
import org.xinlian.rpc.SubscriptionSource;
import org.xinlian.rpc.auth.RpcAuthenticator;
import org.xinlian.rpc.methods.ChainIndependentMethods;

/**
 * The JSON-RPC server: HTTP and WebSocket on one port, Prometheus metrics, bounded everything.
 * Network I/O runs on Netty event loops; methods run on the {@link RequestScheduler}'s workers, in
 * turns per client, heavy calls apart from cheap ones, so neither a slow ledger read nor a hostile
 * client stalls other connections (ADR 0006, ADR 0011).
 */
public final class RpcServer implements AutoCloseable {
  /** Threads that move bytes; methods never run on them, so two are plenty for a node. */
  public static final int IO_THREADS = 2;
  /** Longest HTTP request line or header block accepted, in bytes (Netty defaults). */
  static final int HTTP_INITIAL_LINE_BYTES_MAX = 4096;
  static final int HTTP_HEADER_BYTES_MAX = 8192;

  private final RpcServerConfig config;
  private final PrometheusMeterRegistry prometheus;
  private final RpcMetrics metrics;
  private final RpcDispatcher dispatcher;
  private final RequestScheduler scheduler;
  private final RpcMethodRegistry registry;
  private final Clock clock;
  private final HealthSource health;
  private final java.util.function.Supplier<SslContext> tls;
  private final RpcAuthenticator authenticator;
  private EventLoopGroup acceptors;
  private EventLoopGroup io;
  private Channel serverChannel;

  private RpcServer(Builder builder) {
    this.config = builder.config;
    this.health = builder.health;
    this.tls = builder.tls;
    this.authenticator = builder.authenticator;
    this.prometheus = builder.prometheus != null
        ? builder.prometheus : new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    this.metrics = new RpcMetrics(prometheus);
    List<RpcMethod> methods = new ArrayList<>(ChainIndependentMethods.of(builder.chain));
    methods.addAll(builder.methods);
    this.registry = new RpcMethodRegistry(methods, config.enabledPermissions());
    Map<String, SubscriptionSource> sources = new LinkedHashMap<>();
    for (SubscriptionSource source : builder.sources) {
      Invariants.check(sources.put(source.kind(), source) == null, "two subscription sources of kind %s", source.kind());
    }
    this.clock = builder.clock;
    this.dispatcher = new RpcDispatcher(registry, sources, config.limits(), metrics);
    this.scheduler = new RequestScheduler(dispatcher, config.limits(), metrics, clock);
  }

  /** Starts building a server for {@code chain}; the chain-independent methods are always included. */
  public static Builder builder(RpcServerConfig config, ChainInfo chain) {
    return new Builder(config, chain);
  }

  /** Binds and starts serving; returns once the port accepts connections. */
  public synchronized RpcServer start() {
    Invariants.check(serverChannel == null, "server already started");
    acceptors = new NioEventLoopGroup(1, new DefaultThreadFactory("xinlian-rpc-accept", true));
    io = new NioEventLoopGroup(IO_THREADS, new DefaultThreadFactory("xinlian-rpc-io", true));
    var limits = config.limits();
    ConnectionLimiter limiter = new ConnectionLimiter(metrics, limits.connectionsMax(),
        limits.connectionsPerAddressMax());
    ServerBootstrap bootstrap = new ServerBootstrap()
        .group(acceptors, io)
        .channel(NioServerSocketChannel.class)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel channel) {
            ClientConnection connection = ClientConnection.of(channel);
            channel.closeFuture().addListener(closed -> {
              connection.markClosed();
              scheduler.forget(connection);
            });
            ConnectionTimeouts timeouts = new ConnectionTimeouts(clock, limits.idleTimeoutMs(),
                limits.requestReadTimeoutMs(), metrics);
            channel.pipeline().addLast("limiter", limiter);
            if (tls != null) {
              // Asked per connection, so a context the node reloads (rotated certificate, CRL)
              // applies to the next connection without a restart.
              channel.pipeline().addLast("tls", tls.get().newHandler(channel.alloc()));
            }
            channel.pipeline()
                .addLast("timeouts", timeouts)
                .addLast("http", new HttpServerCodec(HTTP_INITIAL_LINE_BYTES_MAX, HTTP_HEADER_BYTES_MAX, 8192))
                .addLast("aggregator", new HttpObjectAggregator(limits.requestBodyBytesMax()))
                .addLast("rpc-http", new RpcHttpHandler(config, scheduler, dispatcher, prometheus,
                    metrics, connection, timeouts, health, authenticator, clock));
          }
        });
    try {
      serverChannel = bootstrap.bind(config.host(), config.port()).sync().channel();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close();
      throw new IllegalStateException("interrupted while binding " + config.host() + ":" + config.port(), e);
    } catch (RuntimeException e) {
      close();
      throw new IllegalStateException("cannot listen on " + config.host() + ":" + config.port() + ": " + e.getMessage(), e);
    }
    return this;
  }

  /** The bound address (the real port when the configuration asked for port 0). */
  public InetSocketAddress address() {
    Invariants.check(serverChannel != null, "server not started");
    return (InetSocketAddress) serverChannel.localAddress();
  }

  public int port() {
    return address().getPort();
  }

  /** The registry behind GET /metrics, so other layers add their gauges (height, pool size). */
  public MeterRegistry meterRegistry() {
    return prometheus;
  }

  /** The enabled method names, for a startup log line. */
  public java.util.Set<String> methodNames() {
    return registry.names();
  }

  @Override
  public synchronized void close() {
    if (serverChannel != null) {
      serverChannel.close().syncUninterruptibly();
    }
    if (acceptors != null) {
      acceptors.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
    if (io != null) {
      io.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
    scheduler.close();
  }

  /** Wiring of a server: the configuration, the chain, methods and subscription kinds. */
  public static final class Builder {
    private final RpcServerConfig config;
    private final ChainInfo chain;
    private final List<RpcMethod> methods = new ArrayList<>();
    private final List<SubscriptionSource> sources = new ArrayList<>();
    private PrometheusMeterRegistry prometheus;
    private Clock clock = Clock.system();
    private HealthSource health = HealthSource.ALWAYS;
    private java.util.function.Supplier<SslContext> tls;
    private RpcAuthenticator authenticator;

    private Builder(RpcServerConfig config, ChainInfo chain) {
      this.config = config;
      this.chain = chain;
    }

    public Builder methods(List<? extends RpcMethod> more) {
      methods.addAll(more);
      return this;
    }

    public Builder subscriptionSources(List<? extends SubscriptionSource> more) {
      sources.addAll(more);
      return this;
    }

    /** Shares a registry with the rest of the node; by default the server creates its own. */
    public Builder meterRegistry(PrometheusMeterRegistry registry) {
      this.prometheus = registry;
      return this;
    }

    /** The clock of call deadlines and connection timeouts; the system clock by default. */
    public Builder clock(Clock value) {
      this.clock = java.util.Objects.requireNonNull(value, "clock");
      return this;
    }

    /** What /health and /ready answer; always healthy and ready by default. */
    public Builder health(HealthSource value) {
      this.health = java.util.Objects.requireNonNull(value, "health");
      return this;
    }

    /**
     * Serves HTTPS and WSS with the context {@code value} gives for each new connection (OPS-1):
     * the node builds it from its organisation's certificate (P-256 on standard chains, an RFC 8998
     * SM2 context on gm chains), so this module needs no knowledge of keys or suites.
     */
    public Builder tls(java.util.function.Supplier<SslContext> value) {
      this.tls = java.util.Objects.requireNonNull(value, "tls");
      return this;
    }

    /** Authenticates each HTTP request and each WebSocket upgrade (OPS-4); none by default. */
    public Builder authenticator(RpcAuthenticator value) {
      this.authenticator = java.util.Objects.requireNonNull(value, "authenticator");
      return this;
    }

    public RpcServer build() {
      return new RpcServer(this);
    }
  }
}

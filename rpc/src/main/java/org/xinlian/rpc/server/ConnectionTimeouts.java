package org.xinlian.rpc.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.xinlian.common.Clock;

/**
 * Closes connections that hold a slot without using it (RPC-22). First in the pipeline, it sees
 * every byte: a request whose first bytes arrived must be complete within requestReadTimeoutMs,
 * however slowly it trickles in; a connection without a request in progress (HTTP keep-alive
 * between requests, or a WebSocket without any message, pongs included) is closed after
 * idleTimeoutMs. A WebSocket is pinged after half of it, so a live client's automatic pong keeps
 * it open while a vanished one (a half-open TCP connection) is closed.
 *
 * <p>The handlers behind it report complete messages and sent responses; all methods run on the
 * channel's event loop.
 */
final class ConnectionTimeouts extends ChannelDuplexHandler {
  /** Checks per timeout period: a connection is closed at most a quarter of its timeout late. */
  static final int CHECKS_PER_TIMEOUT = 4;

  private final Clock clock;
  private final long idleNanos;
  private final long readNanos;
  private final RpcMetrics metrics;
  private ScheduledFuture<?> ticker;
  /** When the last complete message arrived or the last response was sent. */
  private long lastActivityNanos;
  /** When the first bytes of an incomplete message arrived; -1 when none are pending. */
  private long partialSinceNanos = -1;
  /** An HTTP request is being answered: no timeout applies (the call has its own cap). */
  private boolean busy;
  private boolean webSocket;
  private boolean pinged;

  ConnectionTimeouts(Clock clock, long idleTimeoutMs, long readTimeoutMs, RpcMetrics metrics) {
    this.clock = clock;
    this.idleNanos = TimeUnit.MILLISECONDS.toNanos(idleTimeoutMs);
    this.readNanos = TimeUnit.MILLISECONDS.toNanos(readTimeoutMs);
    this.metrics = metrics;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) throws Exception {
    lastActivityNanos = clock.nanoTime();
    long periodNanos = Math.max(TimeUnit.MILLISECONDS.toNanos(1),
        Math.min(idleNanos, readNanos) / CHECKS_PER_TIMEOUT);
    ticker = ctx.executor().scheduleAtFixedRate(() -> check(ctx), periodNanos, periodNanos,
        TimeUnit.NANOSECONDS);
    super.channelActive(ctx);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    if (ticker != null) {
      ticker.cancel(false);
    }
    super.channelInactive(ctx);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object message) throws Exception {
    if (message instanceof ByteBuf bytes && bytes.isReadable() && partialSinceNanos < 0) {
      partialSinceNanos = clock.nanoTime();
    }
    super.channelRead(ctx, message);
  }

  /** A whole message arrived: an HTTP request (now in progress) or a WebSocket message. */
  void messageComplete() {
    partialSinceNanos = -1;
    lastActivityNanos = clock.nanoTime();
    busy = !webSocket;
    pinged = false;
  }

  /** The last HTTP request in progress was answered: the connection idles from now. */
  void responseSent() {
    busy = false;
    lastActivityNanos = clock.nanoTime();
  }

  /** The connection became a WebSocket: from now on only inbound messages count as activity. */
  void upgraded() {
    webSocket = true;
    busy = false;
    lastActivityNanos = clock.nanoTime();
  }

  private void check(ChannelHandlerContext ctx) {
    if (!ctx.channel().isActive()) {
      return;
    }
    long now = clock.nanoTime();
    if (partialSinceNanos >= 0 && now - partialSinceNanos > readNanos) {
      close(ctx, RpcMetrics.CLOSED_READ_TIMEOUT);
      return;
    }
    if (busy || partialSinceNanos >= 0) {
      return;
    }
    long idle = now - lastActivityNanos;
    if (idle > idleNanos) {
      close(ctx, RpcMetrics.CLOSED_IDLE);
    } else if (webSocket && !pinged && idle > idleNanos / 2) {
      pinged = true;
      // Through the whole pipeline, so the WebSocket encoder frames it.
      ctx.channel().writeAndFlush(new PingWebSocketFrame());
    }
  }

  private void close(ChannelHandlerContext ctx, String reason) {
    metrics.connectionClosed(reason);
    ticker.cancel(false);
    ctx.close();
  }
}

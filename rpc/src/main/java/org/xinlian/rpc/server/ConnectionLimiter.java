package org.xinlian.rpc.server;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.AttributeKey;
import java.util.concurrent.atomic.AtomicInteger;

/** Closes a new connection at once when the open count is at the bound (connectionsMax). */
@ChannelHandler.Sharable
final class ConnectionLimiter extends ChannelInboundHandlerAdapter {
  private static final System.Logger LOG = System.getLogger(ConnectionLimiter.class.getName());
  private static final AttributeKey<Boolean> COUNTED = AttributeKey.valueOf("xinlian.rpc.counted");

  private final AtomicInteger active;
  private final int connectionsMax;

  ConnectionLimiter(AtomicInteger active, int connectionsMax) {
    this.active = active;
    this.connectionsMax = connectionsMax;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) throws Exception {
    if (active.incrementAndGet() > connectionsMax) {
      active.decrementAndGet();
      LOG.log(System.Logger.Level.WARNING, "refusing connection from {0}: connectionsMax={1} reached",
          ctx.channel().remoteAddress(), connectionsMax);
      ctx.close();
      return;
    }
    ctx.channel().attr(COUNTED).set(Boolean.TRUE);
    super.channelActive(ctx);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    if (Boolean.TRUE.equals(ctx.channel().attr(COUNTED).getAndSet(null))) {
      active.decrementAndGet();
    }
    super.channelInactive(ctx);
  }
}

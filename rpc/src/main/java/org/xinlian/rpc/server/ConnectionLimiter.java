package org.xinlian.rpc.server;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.AttributeKey;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Closes a new connection at once when the open count is at connectionsMax, or its address's at
 * connectionsPerAddressMax (RPC-22), so one host cannot take every slot.
 */
@ChannelHandler.Sharable
final class ConnectionLimiter extends ChannelInboundHandlerAdapter {
  private static final System.Logger LOG = System.getLogger(ConnectionLimiter.class.getName());
  private static final AttributeKey<String> COUNTED = AttributeKey.valueOf("xinlian.rpc.counted");

  private final AtomicInteger active;
  private final int connectionsMax;
  private final int perAddressMax;
  private final RpcMetrics metrics;
  private final Map<String, Integer> perAddress = new ConcurrentHashMap<>();

  ConnectionLimiter(RpcMetrics metrics, int connectionsMax, int perAddressMax) {
    this.active = metrics.activeConnections();
    this.metrics = metrics;
    this.connectionsMax = connectionsMax;
    this.perAddressMax = perAddressMax;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) throws Exception {
    String address = ClientConnection.addressOf(ctx.channel().remoteAddress());
    if (active.incrementAndGet() > connectionsMax) {
      active.decrementAndGet();
      refuse(ctx, RpcMetrics.REFUSED_CONNECTIONS_MAX, "connectionsMax=" + connectionsMax);
      return;
    }
    boolean[] admitted = {false};
    perAddress.compute(address, (key, count) -> {
      int current = count == null ? 0 : count;
      admitted[0] = current < perAddressMax;
      return admitted[0] ? current + 1 : count;
    });
    if (!admitted[0]) {
      active.decrementAndGet();
      refuse(ctx, RpcMetrics.REFUSED_PER_ADDRESS, "connectionsPerAddressMax=" + perAddressMax);
      return;
    }
    ctx.channel().attr(COUNTED).set(address);
    super.channelActive(ctx);
  }

  private void refuse(ChannelHandlerContext ctx, String reason, String limit) {
    metrics.connectionRefused(reason);
    LOG.log(System.Logger.Level.DEBUG, "refusing connection from {0}: {1} reached",
        ctx.channel().remoteAddress(), limit);
    ctx.close();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    String address = ctx.channel().attr(COUNTED).getAndSet(null);
    if (address != null) {
      active.decrementAndGet();
      perAddress.computeIfPresent(address, (key, count) -> count <= 1 ? null : count - 1);
    }
    super.channelInactive(ctx);
  }
}

package org.xinlian.rpc.server;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import org.xinlian.common.Clock;
import org.xinlian.rpc.auth.RpcAuthException;

/**
 * JSON-RPC over one WebSocket: each text (or binary) message is a request or batch, queued on the
 * connection's own lane (RPC-24), answered in any order (ids match them).
 */
final class RpcWebSocketHandler extends SimpleChannelInboundHandler<WebSocketFrame> {
  private static final System.Logger LOG = System.getLogger(RpcWebSocketHandler.class.getName());

  private final WebSocketServerHandshaker handshaker;
  private final WebSocketSession session;
  private final RequestScheduler scheduler;
  private final ClientConnection connection;
  private final ConnectionTimeouts timeouts;
  private final RpcDispatcher dispatcher;
  private final Clock clock;

  RpcWebSocketHandler(WebSocketServerHandshaker handshaker, WebSocketSession session,
      RequestScheduler scheduler, ClientConnection connection, ConnectionTimeouts timeouts,
      RpcDispatcher dispatcher, Clock clock) {
    this.handshaker = handshaker;
    this.session = session;
    this.scheduler = scheduler;
    this.connection = connection;
    this.timeouts = timeouts;
    this.dispatcher = dispatcher;
    this.clock = clock;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
    // Any whole message, pongs included, shows the client is there.
    timeouts.messageComplete();
    if (frame instanceof TextWebSocketFrame || frame instanceof BinaryWebSocketFrame) {
      if (connection.principal().expired(clock.currentTimeMillis())) {
        // The session's token ran out (OPS-6): say why, then end the session; a client reconnects
        // with a fresh token.
        session.send(dispatcher.write(dispatcher.error(com.fasterxml.jackson.databind.node.NullNode.getInstance(),
            RpcAuthException.CODE, "unauthorized: the session's credential expired", null)));
        session.closed();
        handshaker.close(ctx.channel(), new CloseWebSocketFrame(1008, "credential expired"));
        return;
      }
      byte[] body = ByteBufUtil.getBytes(frame.content());
      scheduler.submit(connection, body).thenAccept(outcome -> {
        if (outcome.json() != null) {
          session.send(outcome.json());
        }
        outcome.afterSend().forEach(Runnable::run);
      });
    } else if (frame instanceof PingWebSocketFrame) {
      ctx.writeAndFlush(new PongWebSocketFrame(frame.content().retain()));
    } else if (frame instanceof CloseWebSocketFrame) {
      session.closed();
      handshaker.close(ctx.channel(), (CloseWebSocketFrame) frame.retain());
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    session.closed();
    super.channelInactive(ctx);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    LOG.log(System.Logger.Level.DEBUG, "closing WebSocket after error: {0}", cause.toString());
    session.closed();
    ctx.close();
  }
}

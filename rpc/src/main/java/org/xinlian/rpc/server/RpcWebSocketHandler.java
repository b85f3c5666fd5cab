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

/** JSON-RPC over one WebSocket: each text (or binary) message is a request or batch. */
final class RpcWebSocketHandler extends SimpleChannelInboundHandler<WebSocketFrame> {
  private static final System.Logger LOG = System.getLogger(RpcWebSocketHandler.class.getName());

  private final WebSocketServerHandshaker handshaker;
  private final WebSocketSession session;
  private final RpcDispatcher dispatcher;

  RpcWebSocketHandler(WebSocketServerHandshaker handshaker, WebSocketSession session, RpcDispatcher dispatcher) {
    this.handshaker = handshaker;
    this.session = session;
    this.dispatcher = dispatcher;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
    if (frame instanceof TextWebSocketFrame || frame instanceof BinaryWebSocketFrame) {
      byte[] body = ByteBufUtil.getBytes(frame.content());
      dispatcher.dispatch(body, session).thenAccept(outcome -> {
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

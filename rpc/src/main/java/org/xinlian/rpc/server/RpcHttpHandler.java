package org.xinlian.rpc.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import io.netty.handler.ssl.SslHandler;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLPeerUnverifiedException;
import java.util.ArrayDeque;
import java.util.Locale;
import org.xinlian.rpc.HealthReport;
import org.xinlian.rpc.HealthSource;
import org.xinlian.common.Clock;
import org.xinlian.rpc.RpcServerConfig;
import org.xinlian.rpc.auth.RpcAuthException;
import org.xinlian.rpc.auth.RpcAuthenticator;
import org.xinlian.rpc.auth.RpcPrincipal;

/**
 * HTTP/1.1 on the JSON-RPC port: POST / (JSON-RPC), WebSocket upgrade on /, GET /metrics, GET
 * /health, CORS. Requests of one connection are answered in order (pipelined requests wait), which
 * HTTP/1.1 requires and which also bounds the work one connection can queue.
 */
final class RpcHttpHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
  /** Pipelined requests waiting behind the one in progress; more closes the connection. */
  static final int PIPELINED_REQUESTS_MAX = 16;
  private static final String JSON = "application/json";

  private final RpcServerConfig config;
  private final RequestScheduler scheduler;
  private final RpcDispatcher dispatcher;
  private final PrometheusMeterRegistry prometheus;
  private final RpcMetrics metrics;
  private final ClientConnection connection;
  private final ConnectionTimeouts timeouts;
  private final HealthSource health;
  private final RpcAuthenticator authenticator;
  private final Clock clock;
  private static final ObjectMapper HEALTH_JSON = new ObjectMapper();
  private final ArrayDeque<FullHttpRequest> waiting = new ArrayDeque<>();
  private boolean busy;

  RpcHttpHandler(RpcServerConfig config, RequestScheduler scheduler, RpcDispatcher dispatcher,
      PrometheusMeterRegistry prometheus, RpcMetrics metrics, ClientConnection connection,
      ConnectionTimeouts timeouts, HealthSource health, RpcAuthenticator authenticator, Clock clock) {
    super(false);
    this.config = config;
    this.scheduler = scheduler;
    this.dispatcher = dispatcher;
    this.prometheus = prometheus;
    this.metrics = metrics;
    this.connection = connection;
    this.timeouts = timeouts;
    this.health = health;
    this.authenticator = authenticator;
    this.clock = clock;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
    timeouts.messageComplete();
    if (busy) {
      if (waiting.size() >= PIPELINED_REQUESTS_MAX) {
        request.release();
        ctx.close();
        return;
      }
      waiting.add(request);
      return;
    }
    process(ctx, request);
  }

  private void process(ChannelHandlerContext ctx, FullHttpRequest request) {
    busy = true;
    try {
      route(ctx, request);
    } finally {
      request.release();
    }
  }

  private void route(ChannelHandlerContext ctx, FullHttpRequest request) {
    if (!request.decoderResult().isSuccess()) {
      respond(ctx, request, text(HttpResponseStatus.BAD_REQUEST, "malformed HTTP request\n"), false);
      return;
    }
    String origin = request.headers().get(HttpHeaderNames.ORIGIN);
    if (origin != null && !config.allowsOrigin(origin)) {
      respond(ctx, request, text(HttpResponseStatus.FORBIDDEN, "origin not allowed\n"), true);
      return;
    }
    String path = new QueryStringDecoder(request.uri()).path();
    HttpMethod method = request.method();
    boolean guarded = ("/".equals(path) || "/metrics".equals(path)) && !HttpMethod.OPTIONS.equals(method);
    if (guarded && !authenticated(ctx, request)) {
      return;
    }
    if ("/".equals(path) && isWebSocketUpgrade(request)) {
      upgrade(ctx, request);
      return;
    }
    FullHttpResponse response;
    if (HttpMethod.OPTIONS.equals(method)) {
      response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.NO_CONTENT);
      response.headers().set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_METHODS, "POST, GET, OPTIONS");
      response.headers().set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_HEADERS, "Content-Type, Authorization");
      response.headers().set(HttpHeaderNames.ACCESS_CONTROL_MAX_AGE, "600");
    } else if ("/health".equals(path) && HttpMethod.GET.equals(method)) {
      response = health(health.health());
    } else if ("/ready".equals(path) && HttpMethod.GET.equals(method)) {
      response = health(health.readiness());
    } else if ("/metrics".equals(path) && HttpMethod.GET.equals(method)) {
      response = bytes(HttpResponseStatus.OK, "text/plain; version=0.0.4; charset=utf-8",
          prometheus.scrape().getBytes(StandardCharsets.UTF_8));
    } else if (!"/".equals(path)) {
      response = text(HttpResponseStatus.NOT_FOUND, "not found\n");
    } else if (!HttpMethod.POST.equals(method)) {
      response = text(HttpResponseStatus.METHOD_NOT_ALLOWED, "JSON-RPC needs POST\n");
      response.headers().set(HttpHeaderNames.ALLOW, "POST, OPTIONS");
    } else if (!isJson(request.headers().get(HttpHeaderNames.CONTENT_TYPE))) {
      response = text(HttpResponseStatus.UNSUPPORTED_MEDIA_TYPE,
          "invalid content type, only application/json is supported\n");
    } else {
      call(ctx, request);
      return;
    }
    respond(ctx, request, response, true);
  }

  /** 200 when ok, else 503 (RPC-29): load balancers and supervisors act on the status alone. */
  private FullHttpResponse health(HealthReport report) {
    ObjectNode json = HEALTH_JSON.createObjectNode()
        .put("status", report.status()).put("height", report.height()).put("peers", report.peers());
    ArrayNode problems = json.putArray("problems");
    report.problems().forEach(problems::add);
    return bytes(report.ok() ? HttpResponseStatus.OK : HttpResponseStatus.SERVICE_UNAVAILABLE, JSON,
        json.toString().getBytes(StandardCharsets.UTF_8));
  }

  private void call(ChannelHandlerContext ctx, FullHttpRequest request) {
    byte[] body = ByteBufUtil.getBytes(request.content());
    boolean keepAlive = HttpUtil.isKeepAlive(request);
    String origin = request.headers().get(HttpHeaderNames.ORIGIN);
    scheduler.submit(connection, body).thenAccept(outcome -> ctx.executor().execute(() -> {
      FullHttpResponse response = outcome.json() == null
          ? new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.NO_CONTENT)
          : bytes(outcome.unauthorized() ? HttpResponseStatus.UNAUTHORIZED : HttpResponseStatus.OK, JSON,
              outcome.json().getBytes(StandardCharsets.UTF_8));
      finish(ctx, origin, keepAlive, response);
    }));
  }

  private void respond(ChannelHandlerContext ctx, FullHttpRequest request, FullHttpResponse response, boolean keepAliveAllowed) {
    finish(ctx, request.headers().get(HttpHeaderNames.ORIGIN),
        keepAliveAllowed && HttpUtil.isKeepAlive(request), response);
  }

  private void finish(ChannelHandlerContext ctx, String origin, boolean keepAlive, FullHttpResponse response) {
    if (origin != null && config.allowsOrigin(origin)) {
      response.headers().set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
      response.headers().set(HttpHeaderNames.VARY, HttpHeaderNames.ORIGIN);
    }
    HttpUtil.setContentLength(response, response.content().readableBytes());
    if (keepAlive) {
      response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
      ctx.writeAndFlush(response);
      busy = false;
      FullHttpRequest next = waiting.poll();
      if (next != null) {
        process(ctx, next);
      } else {
        timeouts.responseSent();
      }
    } else {
      response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
      ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
  }

  private void upgrade(ChannelHandlerContext ctx, FullHttpRequest request) {
    var limits = config.limits();
    WebSocketServerHandshakerFactory factory = new WebSocketServerHandshakerFactory(
        (ctx.pipeline().get(SslHandler.class) != null ? "wss://" : "ws://") + request.headers().get(HttpHeaderNames.HOST, "localhost") + "/", null, false,
        limits.webSocketFrameBytesMax());
    WebSocketServerHandshaker handshaker = factory.newHandshaker(request);
    if (handshaker == null) {
      WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(ctx.channel());
      return;
    }
    WebSocketSession session = new WebSocketSession(ctx.channel(), dispatcher.mapper(), limits, metrics);
    connection.upgraded(session);
    timeouts.upgraded();
    ctx.pipeline().replace(this, "rpc-ws",
        new RpcWebSocketHandler(handshaker, session, scheduler, connection, timeouts, dispatcher, clock));
    ctx.pipeline().addBefore("rpc-ws", "rpc-ws-aggregator", new WebSocketFrameAggregator(limits.webSocketFrameBytesMax()));
    handshaker.handshake(ctx.channel(), request);
    for (FullHttpRequest pending : waiting) {
      pending.release();
    }
    waiting.clear();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    for (FullHttpRequest pending : waiting) {
      pending.release();
    }
    waiting.clear();
    super.channelInactive(ctx);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    ctx.close();
  }

  /**
   * Authenticates the request (OPS-4): on success the connection acts for the principal (for this
   * request over HTTP, for the whole session after a WebSocket upgrade); else answers 401 with a
   * JSON-RPC error naming why, and the request goes no further.
   */
  private boolean authenticated(ChannelHandlerContext ctx, FullHttpRequest request) {
    if (authenticator == null) {
      return true;
    }
    try {
      RpcPrincipal principal = authenticator.authenticate(
          request.headers().get(HttpHeaderNames.AUTHORIZATION), peerCertificates(ctx));
      connection.authenticated(principal);
      return true;
    } catch (RpcAuthException e) {
      metrics.authRefused(RpcMetrics.AUTH_CREDENTIAL);
      String body = dispatcher.write(dispatcher.error(com.fasterxml.jackson.databind.node.NullNode.getInstance(),
          RpcAuthException.CODE, e.getMessage(), null));
      FullHttpResponse response = bytes(HttpResponseStatus.UNAUTHORIZED, JSON, body.getBytes(StandardCharsets.UTF_8));
      response.headers().set(HttpHeaderNames.WWW_AUTHENTICATE, "Bearer realm=\"xinlian\"");
      respond(ctx, request, response, true);
      return false;
    }
  }

  private static List<X509Certificate> peerCertificates(ChannelHandlerContext ctx) {
    SslHandler tls = ctx.pipeline().get(SslHandler.class);
    if (tls == null) {
      return List.of();
    }
    try {
      List<X509Certificate> chain = new ArrayList<>();
      for (Certificate certificate : tls.engine().getSession().getPeerCertificates()) {
        if (certificate instanceof X509Certificate x509) {
          chain.add(x509);
        }
      }
      return chain;
    } catch (SSLPeerUnverifiedException e) {
      return List.of();
    }
  }

  private static boolean isWebSocketUpgrade(FullHttpRequest request) {
    return HttpMethod.GET.equals(request.method())
        && request.headers().containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true);
  }

  private static boolean isJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    return JSON.equals(mediaType);
  }

  private static FullHttpResponse text(HttpResponseStatus status, String body) {
    return bytes(status, "text/plain; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
  }

  private static FullHttpResponse bytes(HttpResponseStatus status, String contentType, byte[] body) {
    FullHttpResponse response =
        new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
    response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
    return response;
  }
}

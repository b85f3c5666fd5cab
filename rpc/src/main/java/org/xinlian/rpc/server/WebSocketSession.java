package org.xinlian.rpc.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.xinlian.rpc.JsonText;
import org.xinlian.rpc.RandomIds;
import org.xinlian.rpc.RpcException;
import org.xinlian.rpc.RpcLimits;
import org.xinlian.rpc.RpcParams;
import org.xinlian.rpc.Subscription;
import org.xinlian.rpc.SubscriptionSink;
import org.xinlian.rpc.SubscriptionSource;

/**
 * One WebSocket connection: its bounded outbound queue and its subscriptions. Everything here dies
 * with the connection, so a client that vanishes leaves nothing running. Nothing here waits for
 * the client: a client whose unwritten messages pass a bound is disconnected (RPC-27).
 */
final class WebSocketSession {
  private static final System.Logger LOG = System.getLogger(WebSocketSession.class.getName());
  /** How long a disconnected client has to take its close frame before the connection is cut. */
  static final long CLOSE_GRACE_MS = 1_000;

  private final Channel channel;
  private final ObjectMapper mapper;
  private final int outboundMessagesMax;
  private final long outboundBytesMax;
  private final int subscriptionsMax;
  private final RpcMetrics metrics;
  private final AtomicInteger outbound = new AtomicInteger();
  private final AtomicLong outboundBytes = new AtomicLong();
  private final AtomicBoolean disconnecting = new AtomicBoolean();
  private final Map<String, ActiveSubscription> subscriptions = new LinkedHashMap<>();
  private boolean closed;

  WebSocketSession(Channel channel, ObjectMapper mapper, RpcLimits limits, RpcMetrics metrics) {
    this.channel = channel;
    this.mapper = mapper;
    this.outboundMessagesMax = limits.webSocketOutboundMessagesMax();
    this.outboundBytesMax = limits.webSocketOutboundBytesMax();
    this.subscriptionsMax = limits.subscriptionsPerConnectionMax();
    this.metrics = metrics;
  }

  /**
   * Queues a text message. A client with more than webSocketOutboundMessagesMax messages or
   * webSocketOutboundBytesMax bytes unwritten is too slow to follow; it is disconnected (close
   * code 1013, try again later) instead of growing the node's memory or being waited for.
   */
  boolean send(String json) {
    synchronized (this) {
      if (closed) {
        return false;
      }
    }
    long bytes = json.length();
    if (outbound.incrementAndGet() > outboundMessagesMax
        || outboundBytes.addAndGet(bytes) > outboundBytesMax) {
      outbound.decrementAndGet();
      outboundBytes.addAndGet(-bytes);
      disconnect(RpcMetrics.DISCONNECTED_SLOW, "client too slow: more than " + outboundMessagesMax
          + " messages or " + outboundBytesMax + " bytes queued (webSocketOutboundMessagesMax, "
          + "webSocketOutboundBytesMax)");
      return false;
    }
    channel.writeAndFlush(new TextWebSocketFrame(json)).addListener(future -> {
      outbound.decrementAndGet();
      outboundBytes.addAndGet(-bytes);
    });
    return true;
  }

  /** Starts a subscription; it delivers only once {@link ActiveSubscription#activate()} runs. */
  ActiveSubscription subscribe(SubscriptionSource source, RpcParams params) {
    String id = RandomIds.next();
    ActiveSubscription active = new ActiveSubscription(id);
    synchronized (this) {
      if (closed) {
        throw new RpcException(org.xinlian.rpc.RpcErrorCodes.RESOURCE_UNAVAILABLE, "connection closed");
      }
      if (subscriptions.size() >= subscriptionsMax) {
        throw RpcException.limitExceeded(
            "too many subscriptions on this connection (subscriptionsPerConnectionMax="
                + subscriptionsMax + ")");
      }
      subscriptions.put(id, active);
    }
    Subscription handle;
    try {
      handle = source.start(params, active);
    } catch (RuntimeException e) {
      synchronized (this) {
        subscriptions.remove(id);
      }
      throw e;
    }
    boolean alreadyCancelled;
    synchronized (active) {
      active.handle = handle;
      alreadyCancelled = active.cancelled;
    }
    if (alreadyCancelled) {
      handle.cancel();
    }
    return active;
  }

  boolean unsubscribe(String id) {
    ActiveSubscription active;
    synchronized (this) {
      active = subscriptions.remove(id);
    }
    if (active == null) {
      return false;
    }
    active.cancel();
    return true;
  }

  synchronized int subscriptionCount() {
    return subscriptions.size();
  }

  /** Cancels every subscription; called when the channel closes, whatever the reason. */
  void closed() {
    List<ActiveSubscription> all;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      all = new ArrayList<>(subscriptions.values());
      subscriptions.clear();
    }
    for (ActiveSubscription active : all) {
      active.cancel();
    }
  }

  /**
   * Disconnects a client that fell behind (close code 1013). It runs on the channel's event loop,
   * not here: the caller may hold a subscription's lock, and closing cancels every subscription.
   * The close frame is waited for at most {@link #CLOSE_GRACE_MS}: a client that does not read
   * would never take it.
   */
  void disconnect(String metricReason, String reason) {
    if (!disconnecting.compareAndSet(false, true)) {
      return;
    }
    metrics.webSocketDisconnected(metricReason);
    LOG.log(System.Logger.Level.DEBUG, "disconnecting WebSocket client {0}: {1}", channel.remoteAddress(), reason);
    channel.eventLoop().execute(() -> {
      closed();
      // A close reason is at most 123 bytes (RFC 6455).
      String shortReason = reason.length() > 120 ? reason.substring(0, 120) : reason;
      channel.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.TRY_AGAIN_LATER, shortReason))
          .addListener(ChannelFutureListener.CLOSE);
      channel.eventLoop().schedule(() -> {
        channel.close();
      }, CLOSE_GRACE_MS, TimeUnit.MILLISECONDS);
    });
  }

  /** A subscription's sink: holds results back until the subscribe response is sent. */
  final class ActiveSubscription implements SubscriptionSink {
    private final String id;
    private final List<Object> heldBack = new ArrayList<>();
    private Subscription handle;
    private boolean active;
    private boolean cancelled;

    ActiveSubscription(String id) {
      this.id = id;
    }

    String id() {
      return id;
    }

    @Override
    public boolean emit(Object result) {
      synchronized (this) {
        if (cancelled) {
          return false;
        }
        if (!active) {
          if (heldBack.size() >= outboundMessagesMax) {
            // The same bound as the outbound queue, with the same consequence: a client that
            // cannot keep up is disconnected, not silently dropped from.
            disconnect(RpcMetrics.DISCONNECTED_SLOW, "client too slow: more than "
                + outboundMessagesMax + " notifications held back (webSocketOutboundMessagesMax)");
            return false;
          }
          heldBack.add(result);
          return true;
        }
        return send(notification(result));
      }
    }

    /** Called after the eth_subscribe response was queued, so notifications follow it. */
    void activate() {
      synchronized (this) {
        if (cancelled || active) {
          return;
        }
        active = true;
        for (Object result : heldBack) {
          send(notification(result));
        }
        heldBack.clear();
      }
    }

    void cancel() {
      Subscription toCancel;
      synchronized (this) {
        if (cancelled) {
          return;
        }
        cancelled = true;
        heldBack.clear();
        toCancel = handle;
      }
      if (toCancel != null) {
        try {
          toCancel.cancel();
        } catch (RuntimeException e) {
          LOG.log(System.Logger.Level.WARNING, "subscription " + id + " failed to cancel", e);
        }
      }
    }

    @Override
    public void disconnectLagging(String reason) {
      disconnect(RpcMetrics.DISCONNECTED_LAGGING, reason);
    }

    private String notification(Object result) {
      if (result instanceof JsonText text) {
        // Serialised once by the source for every subscriber; the id is a hex QUANTITY.
        return "{\"jsonrpc\":\"2.0\",\"method\":\"eth_subscription\",\"params\":{\"subscription\":\""
            + id + "\",\"result\":" + text.json() + "}}";
      }
      ObjectNode params = mapper.createObjectNode();
      params.put("subscription", id);
      params.set("result", mapper.valueToTree(result));
      ObjectNode message = mapper.createObjectNode();
      message.put("jsonrpc", "2.0");
      message.put("method", "eth_subscription");
      message.set("params", params);
      return message.toString();
    }
  }
}

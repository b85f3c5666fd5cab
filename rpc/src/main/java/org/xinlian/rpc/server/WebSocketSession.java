package org.xinlian.rpc.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.xinlian.rpc.RpcException;
import org.xinlian.rpc.RpcParams;
import org.xinlian.rpc.Subscription;
import org.xinlian.rpc.SubscriptionSink;
import org.xinlian.rpc.SubscriptionSource;

/**
 * One WebSocket connection: its bounded outbound queue and its subscriptions. Everything here dies
 * with the connection, so a client that vanishes leaves nothing running.
 */
final class WebSocketSession {
  private static final System.Logger LOG = System.getLogger(WebSocketSession.class.getName());
  /** Ids are unique per server; a counter is enough because ids are only valid on their connection. */
  private static final AtomicLong NEXT_SUBSCRIPTION = new AtomicLong(1);

  private final Channel channel;
  private final ObjectMapper mapper;
  private final int outboundMessagesMax;
  private final int subscriptionsMax;
  private final AtomicInteger outbound = new AtomicInteger();
  private final AtomicBoolean disconnecting = new AtomicBoolean();
  private final Map<String, ActiveSubscription> subscriptions = new LinkedHashMap<>();
  private boolean closed;

  WebSocketSession(Channel channel, ObjectMapper mapper, int outboundMessagesMax, int subscriptionsMax) {
    this.channel = channel;
    this.mapper = mapper;
    this.outboundMessagesMax = outboundMessagesMax;
    this.subscriptionsMax = subscriptionsMax;
  }

  /**
   * Queues a text message. A client that has more than the bound of messages unwritten is too
   * slow to follow; it is disconnected (close code 1008) instead of growing the node's memory.
   */
  boolean send(String json) {
    synchronized (this) {
      if (closed) {
        return false;
      }
    }
    if (outbound.incrementAndGet() > outboundMessagesMax) {
      outbound.decrementAndGet();
      disconnectSlowClient();
      return false;
    }
    channel.writeAndFlush(new TextWebSocketFrame(json)).addListener(future -> outbound.decrementAndGet());
    return true;
  }

  /** Starts a subscription; it delivers only once {@link ActiveSubscription#activate()} runs. */
  ActiveSubscription subscribe(SubscriptionSource source, RpcParams params) {
    String id = "0x" + Long.toHexString(NEXT_SUBSCRIPTION.getAndIncrement());
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
   * Disconnects a client whose queue passed the bound. It runs on the channel's event loop, not
   * here: the caller may hold a subscription's lock, and closing cancels every subscription.
   */
  private void disconnectSlowClient() {
    if (!disconnecting.compareAndSet(false, true)) {
      return;
    }
    LOG.log(System.Logger.Level.WARNING, "disconnecting slow WebSocket client {0}", channel.remoteAddress());
    channel.eventLoop().execute(() -> close(WebSocketCloseStatus.POLICY_VIOLATION,
        "client too slow: more than " + outboundMessagesMax + " messages queued (webSocketOutboundMessagesMax)"));
  }

  private void close(WebSocketCloseStatus status, String reason) {
    closed();
    channel.writeAndFlush(new CloseWebSocketFrame(status, reason)).addListener(f -> channel.close());
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
            disconnectSlowClient();
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

    private String notification(Object result) {
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

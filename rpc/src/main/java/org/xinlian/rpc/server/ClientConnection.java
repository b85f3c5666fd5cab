package org.xinlian.rpc.server;

import io.netty.channel.Channel;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.xinlian.rpc.RandomIds;
import org.xinlian.rpc.RpcClient;
import org.xinlian.rpc.auth.RpcPrincipal;

/**
 * One accepted connection as the request scheduler and the methods see it: its address (the unit
 * of per-address bounds and of fair queueing), whether it is still open (a closed one has its
 * queued requests dropped and its running calls stopped), and its WebSocket session once upgraded.
 */
final class ClientConnection implements RpcClient {
  private final String id = RandomIds.next();
  private final String address;
  private final Map<Object, Runnable> onWebSocketEnd = new IdentityHashMap<>();
  private volatile boolean closed;
  private volatile WebSocketSession session;
  /** Whom the current request (HTTP) or the whole connection (WebSocket) acts for (OPS-4). */
  private volatile RpcPrincipal principal = RpcPrincipal.anonymous();

  ClientConnection(String address) {
    this.address = address;
  }

  static ClientConnection of(Channel channel) {
    return new ClientConnection(addressOf(channel.remoteAddress()));
  }

  /** The IP address of a remote end; a non-IP address (tests' local channels) as its text. */
  static String addressOf(SocketAddress remote) {
    if (remote instanceof InetSocketAddress inet && inet.getAddress() != null) {
      return inet.getAddress().getHostAddress();
    }
    return String.valueOf(remote);
  }

  @Override
  public String address() {
    return address;
  }

  @Override
  public String scope() {
    return session != null ? "ws:" + id : "ip:" + address;
  }

  @Override
  public void onScopeEnd(Object owner, Runnable action) {
    if (session == null) {
      return;
    }
    boolean ended;
    synchronized (onWebSocketEnd) {
      ended = closed;
      if (!ended) {
        onWebSocketEnd.putIfAbsent(owner, action);
      }
    }
    if (ended) {
      action.run();
    }
  }

  boolean isClosed() {
    return closed;
  }

  /** Marks the connection gone: running calls see it at their next stop check. */
  void markClosed() {
    List<Runnable> actions;
    synchronized (onWebSocketEnd) {
      if (closed) {
        return;
      }
      closed = true;
      actions = new ArrayList<>(onWebSocketEnd.values());
      onWebSocketEnd.clear();
    }
    actions.forEach(Runnable::run);
  }

  RpcPrincipal principal() {
    return principal;
  }

  void authenticated(RpcPrincipal value) {
    this.principal = value;
  }

  WebSocketSession session() {
    return session;
  }

  void upgraded(WebSocketSession webSocket) {
    this.session = webSocket;
  }

  @Override
  public String toString() {
    return address + (session != null ? " (WebSocket)" : "");
  }
}

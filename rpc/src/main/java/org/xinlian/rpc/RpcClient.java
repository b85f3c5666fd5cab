package org.xinlian.rpc;

/**
 * Who makes a call, for what the client creates and for per-client bounds: polled filters are
 * owned by {@link #scope()} and counted against {@link #address()} (RPC-26).
 */
public interface RpcClient {
  /** The IP address the client connects from, the unit of per-address bounds. */
  String address();

  /**
   * What owns the state the client creates: its WebSocket connection, unguessable and gone when
   * the connection closes; over HTTP, where a client's requests may each come on a new
   * connection, its address.
   */
  String scope();

  /**
   * Runs {@code action} once when the scope ends (a WebSocket connection closes); at once when
   * it has already ended; never for an HTTP scope, whose state ends only by expiry. One action per
   * {@code owner}: registering again for the same owner keeps the first, so a client that creates
   * and removes state in a loop cannot grow the list.
   */
  void onScopeEnd(Object owner, Runnable action);

  /** An in-process caller (tests, tools): one scope, address "local", never ending. */
  RpcClient LOCAL = new RpcClient() {
    @Override
    public String address() {
      return "local";
    }

    @Override
    public String scope() {
      return "local";
    }

    @Override
    public void onScopeEnd(Object owner, Runnable action) {}
  };
}

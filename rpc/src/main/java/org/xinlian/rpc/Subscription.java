package org.xinlian.rpc;

/** A running subscription, stopped when the client unsubscribes or its connection closes. */
public interface Subscription {
  /** Stops delivering; called exactly once by the server. */
  void cancel();
}

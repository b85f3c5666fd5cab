package org.xinlian.rpc;

/**
 * The circumstances of one method call: who made it, and whether it should stop because its
 * wall-time cap passed or its client went away (RPC-23). Methods that run long ask
 * {@link #stopRequested()} (or pass it to the EVM as its stop signal) and, when told to stop,
 * throw {@link #stopped()}.
 */
public interface RpcCall {
  RpcClient client();

  /** True once the call's time cap has passed or its client disconnected; cheap to ask often. */
  boolean stopRequested();

  /**
   * The error to answer once {@link #stopRequested()} said stop: -32005 {@code execution aborted
   * (timeout = <n> ms, callTimeoutMs)}, or the same code saying the client disconnected. Counted
   * in the server's metrics, so call it once per stopped call.
   */
  RpcException stopped();

  /** Throws {@link #stopped()} if the call should stop; for loops between units of work. */
  default void checkStop() {
    if (stopRequested()) {
      throw stopped();
    }
  }

  /** A call of {@code client} that never stops, for in-process callers. */
  static RpcCall unbounded(RpcClient client) {
    return new RpcCall() {
      @Override
      public RpcClient client() {
        return client;
      }

      @Override
      public boolean stopRequested() {
        return false;
      }

      @Override
      public RpcException stopped() {
        throw new IllegalStateException("an unbounded call is never stopped");
      }
    };
  }
}

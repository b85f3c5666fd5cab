package org.xinlian.rpc.server;

import org.xinlian.common.Clock;
import org.xinlian.rpc.RpcCall;
import org.xinlian.rpc.RpcClient;
import org.xinlian.rpc.RpcErrorCodes;
import org.xinlian.rpc.RpcException;

/**
 * A call's deadline and its connection (RPC-23): the deadline is the request's arrival plus
 * callTimeoutMs, read on the node's {@link Clock}, so time spent waiting for a worker counts and
 * a request answered late is never started; a closed connection stops the call at once.
 */
final class CallContext implements RpcCall {
  private final ClientConnection connection;
  private final Clock clock;
  private final long deadlineNanos;
  private final long timeoutMs;
  private final RpcMetrics metrics;

  CallContext(ClientConnection connection, Clock clock, long arrivedNanos, long timeoutMs, RpcMetrics metrics) {
    this.connection = connection;
    this.clock = clock;
    this.deadlineNanos = arrivedNanos + timeoutMs * 1_000_000;
    this.timeoutMs = timeoutMs;
    this.metrics = metrics;
  }

  @Override
  public RpcClient client() {
    return connection;
  }

  @Override
  public boolean stopRequested() {
    return connection.isClosed() || clock.nanoTime() - deadlineNanos >= 0;
  }

  @Override
  public RpcException stopped() {
    if (connection.isClosed()) {
      metrics.callStopped(RpcMetrics.STOPPED_DISCONNECTED);
      return new RpcException(RpcErrorCodes.LIMIT_EXCEEDED, "execution aborted (client disconnected)");
    }
    metrics.callStopped(RpcMetrics.STOPPED_TIMEOUT);
    return new RpcException(RpcErrorCodes.LIMIT_EXCEEDED,
        "execution aborted (timeout = " + timeoutMs + " ms, callTimeoutMs)");
  }
}

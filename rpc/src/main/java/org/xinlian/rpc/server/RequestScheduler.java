package org.xinlian.rpc.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadFactory;
import java.util.function.Supplier;
import org.xinlian.common.Clock;
import org.xinlian.rpc.RpcErrorCodes;
import org.xinlian.rpc.RpcLimits;
import org.xinlian.rpc.server.RpcDispatcher.Outcome;

/**
 * Where requests wait and run (RPC-24, ADR 0011). Two lanes, each a {@link FairQueue} with its own
 * threads: every message is parsed on the cheap lane, which also runs cheap methods; a message
 * holding a heavy method (an EVM call, a log query) moves to the heavy lane, whose threads and
 * per-address share are bounded. Heavy calls therefore never hold the workers that answer
 * {@code eth_blockNumber}, and within each lane clients take turns.
 *
 * <p>A message's deadline starts at its arrival (RPC-23). A connection that closes has its
 * waiting messages dropped and its running calls stopped.
 */
final class RequestScheduler implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(RequestScheduler.class.getName());

  private final RpcDispatcher dispatcher;
  private final RpcLimits limits;
  private final RpcMetrics metrics;
  private final Clock clock;
  private final FairQueue cheap;
  private final FairQueue heavy;
  private final List<Thread> threads = new ArrayList<>();

  RequestScheduler(RpcDispatcher dispatcher, RpcLimits limits, RpcMetrics metrics, Clock clock) {
    this.dispatcher = dispatcher;
    this.limits = limits;
    this.metrics = metrics;
    this.clock = clock;
    // Cheap requests are short: any address may use every cheap worker while others have none waiting.
    this.cheap = new FairQueue(limits.workerQueueMax(), limits.connectionQueueMax(), Integer.MAX_VALUE);
    this.heavy = new FairQueue(limits.workerQueueMax(), limits.connectionQueueMax(),
        limits.heavyCallsPerAddressMax());
    start(cheap, limits.workerThreads(), new DefaultThreadFactory("xinlian-rpc-worker", true));
    start(heavy, limits.heavyWorkerThreads(), new DefaultThreadFactory("xinlian-rpc-heavy", true));
  }

  private void start(FairQueue queue, int count, ThreadFactory factory) {
    for (int i = 0; i < count; i++) {
      Thread thread = factory.newThread(() -> work(queue));
      threads.add(thread);
      thread.start();
    }
  }

  /**
   * Queues one message of {@code connection}; the future completes with its answer, at once when
   * a queue is full (-32005), or with nothing when the connection closes before it runs.
   */
  CompletableFuture<Outcome> submit(ClientConnection connection, byte[] body) {
    long arrivedNanos = clock.nanoTime();
    CompletableFuture<Outcome> result = new CompletableFuture<>();
    FairQueue.Job job = new FairQueue.Job(connection,
        () -> complete(result, () -> parseAndRun(connection, body, arrivedNanos, result)),
        () -> dropped(result));
    FairQueue.Admission admission = cheap.offer(job);
    if (admission != FairQueue.Admission.ACCEPTED) {
      result.complete(dispatcher.unparsedError(RpcErrorCodes.LIMIT_EXCEEDED, refusal(admission, cheap)));
    }
    return result;
  }

  /** Drops the waiting messages of a connection that closed. */
  void forget(ClientConnection connection) {
    cheap.forget(connection).forEach(job -> job.drop.run());
    heavy.forget(connection).forEach(job -> job.drop.run());
  }

  private Outcome parseAndRun(ClientConnection connection, byte[] body, long arrivedNanos,
      CompletableFuture<Outcome> result) {
    RpcDispatcher.Parsed parsed = dispatcher.parse(body);
    if (parsed.error() != null) {
      return parsed.error();
    }
    JsonNode root = parsed.root();
    CallContext call = new CallContext(connection, clock, arrivedNanos, limits.callTimeoutMs(), metrics);
    if (!dispatcher.isHeavy(root)) {
      return dispatcher.handle(root, connection, call);
    }
    FairQueue.Job job = new FairQueue.Job(connection, () -> complete(result, () -> {
      metrics.heavyRunning().incrementAndGet();
      try {
        return dispatcher.handle(root, connection, call);
      } finally {
        metrics.heavyRunning().decrementAndGet();
      }
    }), () -> dropped(result));
    FairQueue.Admission admission = heavy.offer(job);
    if (admission == FairQueue.Admission.ACCEPTED) {
      return null;
    }
    return dispatcher.refuse(root, RpcErrorCodes.LIMIT_EXCEEDED, refusal(admission, heavy));
  }

  private String refusal(FairQueue.Admission admission, FairQueue queue) {
    String lane = queue == heavy ? "heavy " : "";
    return switch (admission) {
      case CONNECTION_FULL -> {
        metrics.rejected(queue == heavy ? RpcMetrics.REJECTED_HEAVY_QUEUE : RpcMetrics.REJECTED_CONNECTION_QUEUE);
        yield "server busy: this connection has " + queue.perConnectionMax() + " " + lane
            + "requests waiting (connectionQueueMax=" + queue.perConnectionMax() + ")";
      }
      case QUEUE_FULL -> {
        metrics.rejected(queue == heavy ? RpcMetrics.REJECTED_HEAVY_QUEUE : RpcMetrics.REJECTED_SERVER_QUEUE);
        yield "server busy: the " + lane + "request queue is full (workerQueueMax=" + queue.queuedMax() + ")";
      }
      default -> "server busy: shutting down";
    };
  }

  /** Runs {@code work}; a null answer means the work handed the message on and will complete it. */
  private void complete(CompletableFuture<Outcome> result, Supplier<Outcome> work) {
    try {
      Outcome outcome = work.get();
      if (outcome != null) {
        result.complete(outcome);
      }
    } catch (RuntimeException | Error e) {
      LOG.log(System.Logger.Level.ERROR, "JSON-RPC dispatch failed", e);
      result.complete(dispatcher.unparsedError(RpcErrorCodes.INTERNAL_ERROR, "internal error"));
    }
  }

  private void dropped(CompletableFuture<Outcome> result) {
    metrics.droppedDisconnected();
    result.complete(Outcome.none());
  }

  private void work(FairQueue queue) {
    while (true) {
      FairQueue.Job job;
      try {
        job = queue.take();
      } catch (InterruptedException e) {
        return;
      }
      if (job == null) {
        return;
      }
      try {
        if (job.connection.isClosed()) {
          job.drop.run();
        } else {
          job.run.run();
        }
      } catch (RuntimeException | Error e) {
        LOG.log(System.Logger.Level.ERROR, "JSON-RPC worker failed", e);
      } finally {
        queue.done(job);
      }
    }
  }

  @Override
  public void close() {
    List<FairQueue.Job> waiting = new ArrayList<>(cheap.close());
    waiting.addAll(heavy.close());
    for (FairQueue.Job job : waiting) {
      job.drop.run();
    }
    threads.forEach(Thread::interrupt);
  }
}

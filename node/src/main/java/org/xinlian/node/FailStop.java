package org.xinlian.node;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.xinlian.execution.pool.TransactionPool;

/**
 * The node's fail-stop switch (docs/spec/node.md NODE-17). The first failure of block production
 * or consensus — a failed write above all — is final for this process: it is logged once at ERROR
 * with its cause, the pool refuses every transaction from then on, the health endpoints and the
 * {@code xinlian_node_failed} gauge report it, and the listeners (the runner, which exits for a
 * supervisor to restart the node) hear of it. The component that failed has already stopped
 * itself; a restart recovers as after a kill, every commit being one atomic batch.
 */
final class FailStop {
  private static final System.Logger LOG = System.getLogger(FailStop.class.getName());

  private final TransactionPool pool;
  private final AtomicReference<NodeFailure> failure = new AtomicReference<>();
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

  FailStop(TransactionPool pool) {
    this.pool = pool;
  }

  /** Records {@code cause} as the node's failure unless one is recorded already. */
  synchronized void fail(String component, Throwable cause) {
    NodeFailure first = new NodeFailure(component, cause);
    if (!failure.compareAndSet(null, first)) {
      return;
    }
    LOG.log(System.Logger.Level.ERROR, "node stopped: " + first.summary() + "; it no longer votes,"
        + " produces or admits transactions, and exits with status " + first.exitStatus()
        + " for its supervisor to restart it", cause);
    pool.stopAdmitting(first.summary());
    listeners.forEach(Runnable::run);
  }

  Optional<NodeFailure> failure() {
    return Optional.ofNullable(failure.get());
  }

  /** Runs {@code listener} on the failing thread when the node fails (at once if it has). */
  synchronized void onFailure(Runnable listener) {
    listeners.add(listener);
    if (failure.get() != null) {
      listener.run();
    }
  }
}

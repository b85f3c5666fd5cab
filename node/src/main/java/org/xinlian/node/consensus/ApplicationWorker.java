package org.xinlian.node.consensus;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.xinlian.consensus.Applications;
import org.xinlian.consensus.ConsensusAction;
import org.xinlian.consensus.ConsensusEvent;

/**
 * The execution thread (CONSENSUS-20): carries out the engine's application work — build,
 * execute, commit a block — one job at a time in the order asked, and hands each answer (or the
 * failure) back to the driver's queue. The driver's thread never waits for it, except before a
 * bulk sync, which commits on the driver's thread.
 */
final class ApplicationWorker implements AutoCloseable {
  /**
   * Jobs waiting: an engine asks for a few per height (at most {@code BLOCK_EXECUTIONS_MAX}), so
   * more means a bug, and the driver stops.
   */
  static final int JOBS_QUEUED_MAX = 1_024;
  /** How long closing waits for the job in progress, a commit perhaps, to finish. */
  static final long CLOSE_WAIT_MS = 60_000;

  private static final System.Logger LOG = System.getLogger(ApplicationWorker.class.getName());

  private final ExecutionApplication application;
  private final ThreadPoolExecutor thread;
  /** The consensus position of the last job asked for, for the lines logged on closing. */
  private volatile Map<String, String> lastPosition = Map.of();

  ApplicationWorker(ExecutionApplication application) {
    this.application = application;
    this.thread = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
        new LinkedBlockingQueue<>(JOBS_QUEUED_MAX), runnable -> {
          Thread executionThread = new Thread(runnable, "xinlian-execution");
          executionThread.setDaemon(true);
          return executionThread;
        });
  }

  static boolean isWork(ConsensusAction action) {
    return Applications.isWork(action);
  }

  /**
   * Queues {@code work}; its answer goes to {@code answers}, a failure to {@code failures}, on
   * the execution thread.
   *
   * @throws java.util.concurrent.RejectedExecutionException beyond {@link #JOBS_QUEUED_MAX} or
   *     after closing
   */
  void submit(ConsensusAction work, Map<String, String> position, Consumer<ConsensusEvent> answers,
      Consumer<Throwable> failures) {
    lastPosition = position;
    thread.execute(() -> ConsensusLogContext.runWith(position, () -> {
      ConsensusEvent answer;
      try {
        answer = Applications.answer(application, work);
      } catch (RuntimeException | Error e) {
        failures.accept(e);
        return;
      }
      answers.accept(answer);
    }));
  }

  /** Waits until the jobs queued so far are done. */
  void awaitIdle() {
    try {
      thread.submit(() -> { }).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the execution thread", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("the execution thread failed", e.getCause());
    }
  }

  /** Lets the job in progress finish and starts no other. */
  void stopTakingWork() {
    thread.shutdown();
  }

  @Override
  public void close() {
    thread.shutdown();
    try {
      if (!thread.awaitTermination(CLOSE_WAIT_MS, TimeUnit.MILLISECONDS)) {
        ConsensusLogContext.runWith(lastPosition, () -> LOG.log(System.Logger.Level.WARNING,
            "the execution thread did not finish within {0} ms", CLOSE_WAIT_MS));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

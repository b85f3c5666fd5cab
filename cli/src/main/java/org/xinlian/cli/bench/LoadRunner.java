package org.xinlian.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.xinlian.common.Clock;

/**
 * The measured phase. The calling thread paces the pre-signed transactions out (at the target
 * rate, or as fast as the senders' in-flight windows allow), {@code connections} worker threads
 * post them as {@code eth_sendRawTransaction} batches, and one poller walks every new block with
 * {@code eth_getBlockByNumber(n, false)}: a transaction counts as included when the poller first
 * sees a block holding its hash (block timestamps have only second resolution).
 */
public final class LoadRunner {
  /** How often the poller asks for a new head when it found none. */
  static final long POLL_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
  /** Blocks fetched in one batch request by the poller. */
  static final int BLOCKS_PER_POLL_MAX = 32;
  private static final long WAIT_SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
  /**
   * The phase ends early when the node includes none of the transactions in flight for this long:
   * a node that stopped making blocks (anvil's automine with a full backlog) is reported as
   * stalled at once instead of after the whole timeout.
   */
  static final long STALL_SECONDS = 30;

  /** Told of progress from the poller thread. */
  public interface ProgressListener {
    void onProgress(int sent, int included, int failed, int total);

    /** The measured phase is over: a display ends its line here. */
    default void finish() {}
  }

  private LoadRunner() {}

  /** Runs the measured phase over {@code rpc} (whose executor must allow {@code connections} threads). */
  public static RunResult run(BenchConfig config, List<BenchSetup.SignedTransaction> transactions,
      JsonRpcClient rpc, Clock clock, ProgressListener progress) {
    int total = transactions.size();
    long[] sentNanos = new long[total];
    long[] includedNanos = new long[total];
    long[] includedBlock = new long[total];
    Map<String, Integer> byHash = new HashMap<>(total * 2);
    for (BenchSetup.SignedTransaction transaction : transactions) {
      byHash.put(transaction.hash().toLowerCase(java.util.Locale.ROOT), transaction.index());
    }
    Semaphore[] windows = new Semaphore[config.senders()];
    for (int s = 0; s < windows.length; s++) {
      windows[s] = new Semaphore(config.inFlightPerSender() == 0 ? Integer.MAX_VALUE : config.inFlightPerSender());
    }
    Semaphore allSenders = new Semaphore(config.inFlight() == 0 ? Integer.MAX_VALUE : config.inFlight());
    Map<String, Integer> failures = new TreeMap<>();
    AtomicInteger sent = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    AtomicInteger included = new AtomicInteger();
    BlockingQueue<Integer> queue = new ArrayBlockingQueue<>(Math.max(16, config.connections() * config.batchSize() * 2));
    long startBlock = Quantities.parse(rpc.call("eth_blockNumber"), "eth_blockNumber").longValueExact();
    long start = clock.nanoTime();
    long deadline = start + TimeUnit.SECONDS.toNanos(config.timeoutSeconds());
    boolean[] dispatchDone = {false};
    AtomicBoolean stalled = new AtomicBoolean();
    Object doneLock = new Object();

    List<Thread> workers = new ArrayList<>();
    for (int c = 0; c < config.connections(); c++) {
      Thread worker = new Thread(() -> {
        List<Integer> batch = new ArrayList<>(config.batchSize());
        while (true) {
          batch.clear();
          Integer first;
          try {
            first = queue.poll(WAIT_SLICE_NANOS, TimeUnit.NANOSECONDS);
          } catch (InterruptedException e) {
            return;
          }
          if (first == null) {
            synchronized (doneLock) {
              if (dispatchDone[0] && queue.isEmpty()) {
                return;
              }
            }
            continue;
          }
          batch.add(first);
          queue.drainTo(batch, config.batchSize() - 1);
          List<JsonRpcClient.Request> requests = new ArrayList<>(batch.size());
          for (int index : batch) {
            requests.add(new JsonRpcClient.Request("eth_sendRawTransaction", List.of(transactions.get(index).rawHex())));
          }
          long now = clock.nanoTime();
          List<JsonRpcClient.Response> responses;
          try {
            responses = rpc.batch(requests);
          } catch (BenchException e) {
            responses = new ArrayList<>();
            for (int k = 0; k < batch.size(); k++) {
              responses.add(new JsonRpcClient.Response(null, e.getMessage()));
            }
          }
          for (int k = 0; k < batch.size(); k++) {
            int index = batch.get(k);
            sentNanos[index] = now;
            if (responses.get(k).failed()) {
              synchronized (failures) {
                failures.merge(responses.get(k).error(), 1, Integer::sum);
              }
              failed.incrementAndGet();
              windows[transactions.get(index).sender()].release();
              allSenders.release();
            } else {
              sent.incrementAndGet();
            }
          }
        }
      }, "xinlian-bench-sender-" + c);
      worker.setDaemon(true);
      workers.add(worker);
      worker.start();
    }

    int[] blocksWithOurs = {0};
    int[] largestBlock = {0};
    Thread poller = new Thread(() -> {
      long next = startBlock + 1;
      int includedBefore = 0;
      long lastInclusionNanos = clock.nanoTime();
      while (included.get() + failed.get() < total && clock.nanoTime() < deadline) {
        long now = clock.nanoTime();
        if (included.get() != includedBefore || sent.get() == included.get()) {
          includedBefore = included.get();
          lastInclusionNanos = now;
        } else if (now - lastInclusionNanos > TimeUnit.SECONDS.toNanos(STALL_SECONDS)) {
          stalled.set(true);
          break;
        }
        long head;
        try {
          head = Quantities.parse(rpc.call("eth_blockNumber"), "eth_blockNumber").longValueExact();
        } catch (BenchException e) {
          LockSupport.parkNanos(POLL_INTERVAL_NANOS);
          continue;
        }
        if (head < next) {
          progress.onProgress(sent.get(), included.get(), failed.get(), total);
          LockSupport.parkNanos(POLL_INTERVAL_NANOS);
          continue;
        }
        long last = Math.min(head, next + BLOCKS_PER_POLL_MAX - 1);
        List<JsonRpcClient.Request> requests = new ArrayList<>();
        for (long n = next; n <= last; n++) {
          requests.add(new JsonRpcClient.Request("eth_getBlockByNumber", List.of(Quantities.quantity(n), false)));
        }
        List<JsonRpcClient.Response> blocks;
        try {
          blocks = rpc.batch(requests);
        } catch (BenchException e) {
          continue;
        }
        long seen = clock.nanoTime();
        for (int k = 0; k < blocks.size(); k++) {
          JsonNode block = blocks.get(k).result();
          if (block == null || block.isNull()) {
            last = next + k - 1;
            break;
          }
          int ours = 0;
          for (JsonNode hash : block.path("transactions")) {
            Integer index = byHash.get(hash.asText().toLowerCase(java.util.Locale.ROOT));
            if (index != null && includedNanos[index] == 0) {
              includedNanos[index] = seen;
              includedBlock[index] = next + k;
              included.incrementAndGet();
              windows[transactions.get(index).sender()].release();
              allSenders.release();
              ours++;
            }
          }
          if (ours > 0) {
            blocksWithOurs[0]++;
            largestBlock[0] = Math.max(largestBlock[0], ours);
          }
        }
        next = last + 1;
        progress.onProgress(sent.get(), included.get(), failed.get(), total);
      }
    }, "xinlian-bench-poller");
    poller.setDaemon(true);
    poller.start();

    for (int i = 0; i < total; i++) {
      if (config.ratePerSecond() > 0) {
        long due = start + (long) (i * 1e9 / config.ratePerSecond());
        for (long wait = due - clock.nanoTime(); wait > 0; wait = due - clock.nanoTime()) {
          LockSupport.parkNanos(wait);
        }
      }
      Semaphore window = windows[transactions.get(i).sender()];
      if (!acquire(window, deadline, clock, stalled) || !acquire(allSenders, deadline, clock, stalled)
          || !offer(queue, i, deadline, clock, stalled)) {
        break;
      }
    }
    synchronized (doneLock) {
      dispatchDone[0] = true;
    }
    try {
      for (Thread worker : workers) {
        worker.join();
      }
      poller.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BenchException("interrupted");
    }
    progress.onProgress(sent.get(), included.get(), failed.get(), total);
    return new RunResult(sentNanos, includedNanos, includedBlock, Map.copyOf(failures), blocksWithOurs[0],
        largestBlock[0], stalled.get());
  }

  private static boolean acquire(Semaphore window, long deadline, Clock clock, AtomicBoolean stalled) {
    try {
      while (!window.tryAcquire(WAIT_SLICE_NANOS, TimeUnit.NANOSECONDS)) {
        if (clock.nanoTime() > deadline || stalled.get()) {
          return false;
        }
      }
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static boolean offer(BlockingQueue<Integer> queue, int index, long deadline, Clock clock,
      AtomicBoolean stalled) {
    try {
      while (!queue.offer(index, WAIT_SLICE_NANOS, TimeUnit.NANOSECONDS)) {
        if (clock.nanoTime() > deadline || stalled.get()) {
          return false;
        }
      }
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * Raw timings: {@code sentNanos[i]} when transaction i's request went out (0: never sent),
   * {@code includedNanos[i]} when the poller first saw it in a block (0: not seen); {@code stalled}
   * when the phase ended because nothing in flight was included for {@link #STALL_SECONDS}.
   */
  public record RunResult(long[] sentNanos, long[] includedNanos, long[] includedBlock,
      Map<String, Integer> failures, int blocks, int largestBlockTransactions, boolean stalled) {}
}

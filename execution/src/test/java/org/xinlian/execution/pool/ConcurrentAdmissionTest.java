package org.xinlian.execution.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xinlian.execution.pool.PoolFixtures.*;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.xinlian.common.Hash;
import org.xinlian.types.transaction.VerifiedTransaction;

/** POOL-10: concurrent and batch admission lose and duplicate nothing (no timing assertions). */
class ConcurrentAdmissionTest {
  private static final int THREADS = 4;
  private static final int SENDERS = 8;
  private static final int NONCES = 6;

  @Test
  void threadsAdmittingTheSameAndDifferentTransactionsLoseNone() throws Exception {
    TransactionPool pool = new TransactionPool(config(), new MapState(), new ManualClock());
    List<Hash> announced = Collections.synchronizedList(new ArrayList<>());
    pool.addListener(transaction -> announced.add(transaction.hash()));
    List<byte[]> all = new ArrayList<>();
    for (int sender = 0; sender < SENDERS; sender++) {
      for (int nonce = 0; nonce < NONCES; nonce++) {
        all.add(raw(sender, nonce, 2));
      }
    }
    ExecutorService threads = Executors.newFixedThreadPool(THREADS);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> accepted = new ArrayList<>();
    try {
      for (int t = 0; t < THREADS; t++) {
        // Every thread submits everything, each in a different order (nonces out of order too).
        List<byte[]> mine = new ArrayList<>(all);
        Collections.rotate(mine, t * 7);
        if (t % 2 == 1) {
          Collections.reverse(mine);
        }
        accepted.add(threads.submit(() -> {
          start.await();
          int count = 0;
          for (byte[] raw : mine) {
            AdmissionResult result = pool.add(raw);
            if (result.accepted()) {
              count++;
            } else {
              assertEquals(Refusal.ALREADY_KNOWN, result.refusal().orElseThrow(), result.message());
            }
          }
          return count;
        }));
      }
      start.countDown();
      int total = 0;
      for (Future<Integer> future : accepted) {
        total += future.get();
      }
      assertEquals(all.size(), total, "each transaction admitted exactly once");
    } finally {
      threads.shutdownNow();
    }
    long bytes = all.stream().mapToLong(raw -> raw.length).sum();
    assertEquals(new PoolStatus(all.size(), 0, bytes), pool.status());
    assertEquals(all.size(), new HashSet<>(announced).size());
    assertEquals(all.size(), announced.size(), "each announced once");
    List<VerifiedTransaction> candidates = pool.candidates(BLOCK_GAS_LIMIT, 1000, 1 << 24);
    Set<Hash> expected = new HashSet<>();
    all.forEach(raw -> expected.add(SUITE.hashOf(raw)));
    assertEquals(expected, new HashSet<>(candidates.stream().map(VerifiedTransaction::hash).toList()));
  }

  @Test
  void aBatchIsVerifiedInParallelAndAdmittedInInputOrder() {
    TransactionPool pool = new TransactionPool(config(), new MapState(), new ManualClock());
    List<byte[]> batch = new ArrayList<>();
    for (int nonce = 0; nonce < NONCES; nonce++) {
      batch.add(raw(20, nonce, 2));
    }
    batch.add(raw(20, 0, 2));
    batch.add(new byte[] {0x01});
    // A small bounded executor that rejects when its queue is full: rejected checks run inline.
    ThreadPoolExecutor executor = new ThreadPoolExecutor(
        2, 2, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(2),
        new ThreadPoolExecutor.AbortPolicy());
    List<AdmissionResult> results;
    try {
      results = pool.addAll(batch, executor);
    } finally {
      executor.shutdownNow();
    }
    assertEquals(batch.size(), results.size());
    for (int i = 0; i < NONCES; i++) {
      assertEquals(AdmissionResult.Status.PENDING, results.get(i).status(), results.get(i).message());
      assertEquals(SUITE.hashOf(batch.get(i)), results.get(i).hash().orElseThrow());
    }
    assertEquals(Refusal.ALREADY_KNOWN, results.get(NONCES).refusal().orElseThrow());
    assertEquals(Refusal.MALFORMED, results.get(NONCES + 1).refusal().orElseThrow());
    assertTrue(pool.status().queued() == 0 && pool.status().pending() == NONCES);
  }
}

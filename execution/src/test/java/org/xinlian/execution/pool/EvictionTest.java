package org.xinlian.execution.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xinlian.execution.pool.PoolFixtures.*;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.xinlian.common.Hash;

/** POOL-6: bounds, and eviction from the ends of senders' nonce sequences. */
class EvictionTest {
  private final MapState state = new MapState();

  private TransactionPool pool(int transactionsMax, long bytesMax) {
    return new TransactionPool(
        config(FeeMode.PRICED, limits(transactionsMax, 80, bytesMax)), state, new ManualClock());
  }

  private static Hash hash(byte[] raw) {
    return SUITE.hashOf(raw);
  }

  @Test
  void aFullPoolEvictsTheCheapestTailForABetterPayingNewcomer() {
    TransactionPool pool = pool(3, 1 << 20);
    pool.add(raw(1, 0, 5));
    pool.add(raw(1, 1, 1));
    pool.add(raw(2, 0, 3));
    AdmissionResult result = pool.add(raw(3, 0, 2));
    assertEquals(AdmissionResult.Status.PENDING, result.status(), result.message());
    assertFalse(pool.contains(hash(raw(1, 1, 1))));
    assertTrue(pool.contains(hash(raw(1, 0, 5))));
    assertEquals(3, pool.status().pending() + pool.status().queued());
  }

  @Test
  void aNewcomerNoBetterThanTheCheapestTailIsRefused() {
    TransactionPool pool = pool(2, 1 << 20);
    pool.add(raw(1, 0, 3));
    pool.add(raw(2, 0, 2));
    AdmissionResult result = pool.add(raw(3, 0, 2));
    assertEquals(Optional.of(Refusal.POOL_FULL), result.refusal());
    assertTrue(result.message().startsWith("txpool is full"), result.message());
    assertTrue(pool.contains(hash(raw(1, 0, 3))));
    assertTrue(pool.contains(hash(raw(2, 0, 2))));
  }

  @Test
  void evictionNeverOpensAGapInAnExecutableRun() {
    TransactionPool pool = pool(3, 1 << 20);
    // Sender 1's nonce 0 is the cheapest transaction, but its nonce 1 depends on it.
    pool.add(raw(1, 0, 1));
    pool.add(raw(1, 1, 9));
    pool.add(raw(2, 0, 2));
    assertTrue(pool.add(raw(3, 0, 3)).accepted());
    assertFalse(pool.contains(hash(raw(2, 0, 2))));
    assertTrue(pool.contains(hash(raw(1, 0, 1))));
    assertTrue(pool.contains(hash(raw(1, 1, 9))));
    assertEquals(3, pool.pendingCount());
  }

  /**
   * A pool full of transactions stuck behind nonce gaps must still take the transactions that
   * fill the gaps, or it never includes anything again (found by the load generator: 5,120
   * queued transactions and every gap filler refused as "txpool is full").
   */
  @Test
  void anExecutableTransactionEvictsQueuedOnesWhateverTheyPay() {
    TransactionPool pool = pool(3, 1 << 20);
    // Senders 1 and 2 skipped their nonce 0: everything they sent is queued, and pays more.
    assertEquals(AdmissionResult.Status.QUEUED, pool.add(raw(1, 1, 9)).status());
    assertEquals(AdmissionResult.Status.QUEUED, pool.add(raw(1, 2, 9)).status());
    assertEquals(AdmissionResult.Status.QUEUED, pool.add(raw(2, 1, 9)).status());
    // Sender 1's gap filler pays less than every queued transaction, yet is admitted.
    AdmissionResult filler = pool.add(raw(1, 0, 2));
    assertEquals(AdmissionResult.Status.PENDING, filler.status(), filler.message());
    assertFalse(pool.contains(hash(raw(1, 2, 9))) && pool.contains(hash(raw(2, 1, 9))),
        "one queued transaction made room");
    assertEquals(3, pool.status().pending() + pool.status().queued());
    // A queued newcomer gets no such right: it must outbid, and cannot evict executable ones.
    assertEquals(Optional.of(Refusal.POOL_FULL), pool.add(raw(3, 5, 2)).refusal());
  }

  @Test
  void theByteBoundEvictsToo() {
    // Signatures vary a byte in length, so the bound is computed from the actual envelopes.
    long before = raw(1, 0, 1).length + raw(2, 0, 2).length;
    long after = raw(2, 0, 2).length + raw(3, 0, 3).length;
    TransactionPool pool = pool(100, Math.max(before, after));
    pool.add(raw(1, 0, 1));
    pool.add(raw(2, 0, 2));
    assertTrue(pool.add(raw(3, 0, 3)).accepted());
    assertFalse(pool.contains(hash(raw(1, 0, 1))));
    assertEquals(after, pool.status().bytes());
    assertEquals(Optional.of(Refusal.POOL_FULL), pool.add(raw(4, 0, 1)).refusal());
  }

  @Test
  void onAZeroPriceChainAFullPoolRefusesNewcomers() {
    TransactionPool pool = new TransactionPool(
        config(FeeMode.ZERO_PRICE, limits(1, 80, 1 << 20)), state, new ManualClock());
    assertTrue(pool.add(raw(1, 0, 2)).accepted());
    assertEquals(Optional.of(Refusal.POOL_FULL), pool.add(raw(2, 0, 2)).refusal());
  }
}

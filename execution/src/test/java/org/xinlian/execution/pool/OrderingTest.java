package org.xinlian.execution.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xinlian.execution.pool.PoolFixtures.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.xinlian.common.Hash;
import org.xinlian.types.transaction.VerifiedTransaction;

/** POOL-4 nonce ordering, POOL-5 replacement, POOL-9 status, lookup and listener. */
class OrderingTest {
  private final MapState state = new MapState();
  private final TransactionPool pool = new TransactionPool(config(), state, new ManualClock());
  private final List<Hash> announced = new ArrayList<>();

  {
    pool.addListener(transaction -> announced.add(transaction.hash()));
  }

  private static Hash hash(byte[] raw) {
    return SUITE.hashOf(raw);
  }

  @Test
  void aGapHoldsLaterNoncesBackUntilItIsFilled() {
    assertEquals(AdmissionResult.Status.QUEUED, pool.add(raw(1, 1, 2)).status());
    assertEquals(AdmissionResult.Status.QUEUED, pool.add(raw(1, 2, 2)).status());
    assertEquals(new PoolStatus(0, 2, (long) raw(1, 1, 2).length + raw(1, 2, 2).length), pool.status());
    assertTrue(pool.candidates(BLOCK_GAS_LIMIT, 100, 1 << 20).isEmpty());
    assertTrue(announced.isEmpty());
    assertEquals(0, pool.pendingNonce(address(1)));

    assertEquals(AdmissionResult.Status.PENDING, pool.add(raw(1, 0, 2)).status());
    assertEquals(3, pool.pendingCount());
    assertEquals(0, pool.queuedCount());
    assertEquals(3, pool.pendingNonce(address(1)));
    assertEquals(List.of(hash(raw(1, 0, 2)), hash(raw(1, 1, 2)), hash(raw(1, 2, 2))), announced);
    assertEquals(announced, hashes(pool.candidates(BLOCK_GAS_LIMIT, 100, 1 << 20)));
  }

  @Test
  void aBlockAdvancingTheNoncePromotesQueuedTransactions() {
    pool.add(raw(1, 3, 2));
    assertEquals(1, pool.queuedCount());
    MapState next = state.copy();
    next.nonces.put(address(1), 3L);
    pool.onBlockCommitted(List.of(), next);
    assertEquals(1, pool.pendingCount());
    assertEquals(List.of(hash(raw(1, 3, 2))), announced);
  }

  @Test
  void aReplacementMustRaiseBothFeesByTenPercent() {
    byte[] original = CODEC.encode(sign(transfer(0, 10, 20, TRANSFER_GAS), 1));
    assertTrue(pool.add(original).accepted());
    // +5% on both caps: refused.
    byte[] cheap = CODEC.encode(sign(transfer(0, 10, 21, TRANSFER_GAS), 1));
    AdmissionResult refused = pool.add(cheap);
    assertEquals(Optional.of(Refusal.REPLACEMENT_UNDERPRICED), refused.refusal());
    assertTrue(refused.message().startsWith("replacement transaction underpriced"));
    // +10% on the fee cap only: refused, the priority fee must rise too.
    byte[] capOnly = CODEC.encode(sign(transfer(0, 10, 22, TRANSFER_GAS), 1));
    assertEquals(Optional.of(Refusal.REPLACEMENT_UNDERPRICED), pool.add(capOnly).refusal());
    // Exactly +10% on both: replaces.
    byte[] bumped = CODEC.encode(sign(transfer(0, 11, 22, TRANSFER_GAS), 1));
    AdmissionResult replaced = pool.add(bumped);
    assertEquals(AdmissionResult.Status.PENDING, replaced.status(), replaced.message());
    assertEquals(Optional.of(hash(original)), replaced.replaced());
    assertFalse(pool.contains(hash(original)));
    assertTrue(pool.contains(hash(bumped)));
    assertEquals(new PoolStatus(1, 0, bumped.length), pool.status());
    assertEquals(List.of(hash(original), hash(bumped)), announced);
  }

  @Test
  void aQueuedTransactionCanBeReplacedAndStaysQueued() {
    pool.add(CODEC.encode(sign(transfer(2, 10, 20, TRANSFER_GAS), 1)));
    AdmissionResult replaced = pool.add(CODEC.encode(sign(transfer(2, 20, 40, TRANSFER_GAS), 1)));
    assertEquals(AdmissionResult.Status.QUEUED, replaced.status());
    assertEquals(new PoolStatus(0, 1, replaced.hash().map(h -> pool.get(h).orElseThrow())
        .orElseThrow().encodedLength()), pool.status());
  }

  @Test
  void aThrowingListenerIsDroppedAndAdmissionGoesOn() {
    List<Hash> second = new ArrayList<>();
    pool.addListener(transaction -> {
      throw new IllegalStateException("subscriber gone");
    });
    pool.addListener(transaction -> second.add(transaction.hash()));
    assertTrue(pool.add(raw(1, 0, 2)).accepted());
    assertTrue(pool.add(raw(1, 1, 2)).accepted());
    assertEquals(2, second.size());
    assertEquals(2, announced.size());
  }

  static List<Hash> hashes(List<VerifiedTransaction> transactions) {
    return transactions.stream().map(VerifiedTransaction::hash).toList();
  }
}

package org.xinlian.execution.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xinlian.execution.pool.OrderingTest.hashes;
import static org.xinlian.execution.pool.PoolFixtures.*;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.xinlian.common.Hash;

/** POOL-7 block candidates, POOL-8 block commit, POOL-11 queued lifetime on the given clock. */
class CandidatesAndCommitTest {
  private final MapState state = new MapState();
  private final ManualClock clock = new ManualClock();
  /** Queued transactions live 60 seconds here (PoolFixtures.limits). */
  private final TransactionPool pool =
      new TransactionPool(config(FeeMode.PRICED, limits(1000, 80, 1 << 20)), state, clock);

  private static Hash hash(byte[] raw) {
    return SUITE.hashOf(raw);
  }

  @Test
  void candidatesGoByFeeAcrossSendersAndByNonceWithinOne() {
    // Sender 1: nonce 0 pays 1, nonce 1 pays 9. Sender 2: nonce 0 pays 5. Sender 3: pays 3.
    pool.add(raw(1, 0, 1));
    pool.add(raw(1, 1, 9));
    pool.add(raw(2, 0, 5));
    pool.add(raw(3, 0, 3));
    List<Hash> order = hashes(pool.candidates(BLOCK_GAS_LIMIT, 100, 1 << 20));
    // Sender 1's rich nonce 1 waits behind its cheap nonce 0, which comes last of the heads.
    assertEquals(
        List.of(hash(raw(2, 0, 5)), hash(raw(3, 0, 3)), hash(raw(1, 0, 1)), hash(raw(1, 1, 9))),
        order);
  }

  @Test
  void equalFeesGoFirstComeFirstServed() {
    pool.add(raw(2, 0, 4));
    pool.add(raw(1, 0, 4));
    assertEquals(List.of(hash(raw(2, 0, 4)), hash(raw(1, 0, 4))),
        hashes(pool.candidates(BLOCK_GAS_LIMIT, 100, 1 << 20)));
  }

  @Test
  void candidatesRespectGasCountAndBytes() {
    pool.add(raw(1, 0, 5));
    pool.add(raw(1, 1, 5));
    pool.add(raw(2, 0, 4));
    assertEquals(2, pool.candidates(2 * TRANSFER_GAS, 100, 1 << 20).size());
    assertEquals(1, pool.candidates(BLOCK_GAS_LIMIT, 1, 1 << 20).size());
    assertEquals(1, pool.candidates(BLOCK_GAS_LIMIT, 100, raw(1, 0, 5).length).size());
    assertTrue(pool.candidates(TRANSFER_GAS - 1, 100, 1 << 20).isEmpty());
  }

  @Test
  void aFeeCapBelowTheBaseFeeIsHeldButNotOffered() {
    pool.add(raw(1, 0, 1)); // fee cap 2 gwei
    pool.add(raw(2, 0, 5)); // fee cap 10 gwei
    MapState next = state.copy();
    next.baseFee = GWEI.multiply(BigInteger.valueOf(3));
    pool.onBlockCommitted(List.of(), next);
    assertEquals(List.of(hash(raw(2, 0, 5))),
        hashes(pool.candidates(BLOCK_GAS_LIMIT, 100, 1 << 20)));
    assertTrue(pool.contains(hash(raw(1, 0, 1))));
  }

  @Test
  void aCommittedBlockRemovesIncludedAndStaleTransactions() {
    pool.add(raw(1, 0, 2));
    pool.add(raw(1, 1, 2));
    pool.add(raw(1, 2, 2));
    pool.add(raw(2, 0, 2));
    MapState next = state.copy();
    // Block held sender 1's nonces 0 and 1 (only 0 announced as included: 1 went in through
    // another node's copy) and nothing of sender 2.
    next.nonces.put(address(1), 2L);
    pool.onBlockCommitted(List.of(hash(raw(1, 0, 2))), next);
    assertFalse(pool.contains(hash(raw(1, 0, 2))));
    assertFalse(pool.contains(hash(raw(1, 1, 2))));
    assertEquals(new PoolStatus(2, 0, (long) raw(1, 2, 2).length + raw(2, 0, 2).length), pool.status());
    assertEquals(Set2.of(hash(raw(1, 2, 2)), hash(raw(2, 0, 2))),
        Set2.of(hashes(pool.candidates(BLOCK_GAS_LIMIT, 100, 1 << 20))));
    // Included once: never admitted again, even against a view that lags.
    assertEquals(Optional.of(Refusal.ALREADY_KNOWN), pool.add(raw(1, 0, 2)).refusal());
    assertEquals(Optional.of(Refusal.NONCE_TOO_LOW), pool.add(raw(1, 1, 2)).refusal());
  }

  @Test
  void aBalanceDropDemotesWhatTheSenderCanNoLongerPay() {
    pool.add(raw(1, 0, 2));
    pool.add(raw(1, 1, 2));
    MapState next = state.copy();
    next.balances.put(address(1), BigInteger.ONE);
    pool.onBlockCommitted(List.of(), next);
    assertEquals(new PoolStatus(0, 0, 0), pool.status());
  }

  @Test
  void queuedTransactionsExpireAfterTheirLifetime() {
    pool.add(raw(1, 5, 2));
    pool.add(raw(2, 0, 2));
    clock.millis += 59_999;
    pool.onBlockCommitted(List.of(), state.copy());
    assertEquals(1, pool.queuedCount());
    clock.millis += 1;
    pool.onBlockCommitted(List.of(), state.copy());
    assertEquals(new PoolStatus(1, 0, raw(2, 0, 2).length), pool.status());
  }

  /** Order-insensitive comparison of hash lists. */
  private static final class Set2 {
    static java.util.Set<Hash> of(Hash... hashes) {
      return java.util.Set.of(hashes);
    }

    static java.util.Set<Hash> of(List<Hash> hashes) {
      return java.util.Set.copyOf(hashes);
    }
  }
}

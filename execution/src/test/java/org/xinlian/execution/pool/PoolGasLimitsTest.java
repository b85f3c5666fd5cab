package org.xinlian.execution.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xinlian.execution.pool.PoolFixtures.*;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * GOV-15 in the pool (POOL-3, POOL-8): the gas limits come from the view of each head, so a vote
 * that changes them applies from the next commit without a new pool.
 */
class PoolGasLimitsTest {
  private static final long TRANSACTION_GAS_LIMIT = 100_000;

  private final MapState state = new MapState();
  private final TransactionPool pool = new TransactionPool(config(), state, new ManualClock());

  private static byte[] withGas(int seed, long nonce, long gasLimit) {
    return CODEC.encode(sign(transfer(nonce, 2, 4, gasLimit), seed));
  }

  /** GOV-15, POOL-2: above the head's transactionGasLimit is geth's EIP-7825 refusal; at it is admitted. */
  @Test
  void aTransactionAboveTheChainsTransactionGasLimitIsRefused() {
    state.transactionGasLimit = OptionalLong.of(TRANSACTION_GAS_LIMIT);
    AdmissionResult refused = pool.add(withGas(1, 0, TRANSACTION_GAS_LIMIT + 1));
    assertEquals(Optional.of(Refusal.EXCEEDS_TRANSACTION_GAS_LIMIT), refused.refusal(), refused.message());
    assertEquals("transaction gas limit too high: gas limit 100001, the chain's transactionGasLimit 100000",
        refused.message());
    assertTrue(pool.add(withGas(1, 0, TRANSACTION_GAS_LIMIT)).accepted());
  }

  /** GOV-15: the head's blockGasLimit replaces the configured one, upwards as well as downwards. */
  @Test
  void theHeadsBlockGasLimitReplacesTheConfiguredOne() {
    byte[] large = withGas(1, 0, BLOCK_GAS_LIMIT + 1);
    assertEquals(Optional.of(Refusal.EXCEEDS_BLOCK_GAS_LIMIT), pool.add(large).refusal());
    MapState raised = state.copy();
    raised.blockGasLimit = OptionalLong.of(2 * BLOCK_GAS_LIMIT);
    pool.onBlockCommitted(List.of(), raised);
    assertTrue(pool.add(large).accepted(), "admitted once a vote raised the block gas limit");
    MapState lowered = state.copy();
    lowered.blockGasLimit = OptionalLong.of(50_000);
    pool.onBlockCommitted(List.of(), lowered);
    AdmissionResult refused = pool.add(withGas(2, 0, 50_001));
    assertEquals("exceeds block gas limit: gas limit 50001, block gas limit 50000", refused.message());
  }

  /**
   * GOV-15, POOL-8: a commit whose head lowered the transaction gas limit drops the pooled
   * transactions above it (no block could take them), and the sender's later nonces wait queued.
   */
  @Test
  void aLoweredLimitDropsWhatNoBlockCouldTakeAnyMore() {
    assertTrue(pool.add(withGas(1, 0, 21_000)).accepted());
    assertTrue(pool.add(withGas(1, 1, 200_000)).accepted());
    assertTrue(pool.add(withGas(1, 2, 21_000)).accepted());
    assertEquals(3, pool.pendingCount());
    MapState lowered = state.copy();
    lowered.transactionGasLimit = OptionalLong.of(TRANSACTION_GAS_LIMIT);
    pool.onBlockCommitted(List.of(), lowered);
    assertEquals(1, pool.pendingCount());
    assertEquals(1, pool.queuedCount(), "nonce 2 waits behind the dropped nonce 1");
    assertEquals(1, pool.candidates(Long.MAX_VALUE, 100, Long.MAX_VALUE).size());
  }
}

package org.xinlian.execution.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xinlian.execution.pool.PoolFixtures.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.xinlian.common.Address;
import org.xinlian.common.Hash;
import org.xinlian.types.transaction.VerifiedTransaction;

/**
 * POOL-4, POOL-6, POOL-7, POOL-8 as invariants over random admissions and block commits: the
 * candidates of every sender are a gap-free run from its account nonce, the bounds hold, and no
 * transaction is offered or admitted again after it was included.
 */
class PoolProperties {
  private static final int SENDERS = 4;
  private static final int NONCES = 8;
  private static final int TRANSACTIONS_MAX = 10;
  private static final int PER_SENDER_MAX = 5;
  private static final long BYTES_MAX = 9 * 112;

  /** Add (sender, nonce, fee) when {@code commit} is negative; otherwise commit that many. */
  record Step(int sender, long nonce, long fee, int commit) {}

  @Provide
  Arbitrary<List<Step>> steps() {
    Arbitrary<Step> add = Combinators.combine(
            Arbitraries.integers().between(0, SENDERS - 1),
            Arbitraries.longs().between(0, NONCES - 1),
            Arbitraries.longs().between(1, 3))
        .as((sender, nonce, fee) -> new Step(sender, nonce, fee, -1));
    Arbitrary<Step> commit =
        Arbitraries.integers().between(0, 4).map(count -> new Step(0, 0, 0, count));
    return Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(4, add), net.jqwik.api.Tuple.of(1, commit))
        .list().ofMaxSize(30);
  }

  @Property(tries = 400)
  void invariantsHoldOverAddsAndCommits(@ForAll("steps") List<Step> steps) {
    MapState state = new MapState();
    TransactionPool pool = new TransactionPool(
        config(FeeMode.PRICED, limits(TRANSACTIONS_MAX, PER_SENDER_MAX, BYTES_MAX)), state,
        new ManualClock());
    Set<Hash> included = new HashSet<>();
    for (Step step : steps) {
      if (step.commit() < 0) {
        byte[] raw = raw(step.sender(), step.nonce(), step.fee());
        AdmissionResult result = pool.add(raw);
        if (included.contains(SUITE.hashOf(raw))) {
          assertFalse(result.accepted(), "an included transaction was admitted again");
        }
      } else {
        List<VerifiedTransaction> block =
            pool.candidates(step.commit() * TRANSFER_GAS, 100, 1 << 20);
        state = state.copy();
        List<Hash> hashes = new ArrayList<>();
        for (VerifiedTransaction transaction : block) {
          Address sender = transaction.sender();
          assertEquals(state.nonce(sender), transaction.transaction().nonce(),
              "a block candidate skipped a nonce");
          state.nonces.put(sender, transaction.transaction().nonce() + 1);
          hashes.add(transaction.hash());
        }
        included.addAll(hashes);
        pool.onBlockCommitted(hashes, state);
      }
      checkInvariants(pool, state, included);
    }
  }

  private static void checkInvariants(TransactionPool pool, MapState state, Set<Hash> included) {
    PoolStatus status = pool.status();
    assertTrue(status.pending() + status.queued() <= TRANSACTIONS_MAX, status.toString());
    assertTrue(status.bytes() <= BYTES_MAX, status.toString());
    List<VerifiedTransaction> all = pool.candidates(BLOCK_GAS_LIMIT, 1000, 1 << 24);
    assertEquals(status.pending(), all.size(), "every executable transaction is a candidate");
    Map<Address, Long> next = new HashMap<>();
    Set<Hash> seen = new HashSet<>();
    for (VerifiedTransaction transaction : all) {
      assertTrue(seen.add(transaction.hash()), "offered twice");
      assertFalse(included.contains(transaction.hash()), "offered after inclusion");
      long expected = next.getOrDefault(transaction.sender(), state.nonce(transaction.sender()));
      assertEquals(expected, transaction.transaction().nonce(), "gap in a sender's candidates");
      next.put(transaction.sender(), expected + 1);
    }
    for (int sender = 0; sender < SENDERS; sender++) {
      Address address = address(sender);
      assertEquals((long) next.getOrDefault(address, state.nonce(address)),
          pool.pendingNonce(address));
    }
    for (Hash hash : included) {
      assertFalse(pool.contains(hash), "an included transaction is still pooled");
    }
  }
}

package org.xinlian.execution.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xinlian.execution.pool.PoolFixtures.*;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.xinlian.common.Address;
import org.xinlian.types.transaction.UnsignedTransaction;

/**
 * The pool asks its state view who may send (docs/spec/governance.md GOV-8, docs/spec/pool.md
 * POOL-3): after the stateless checks and before nonce and balance, on every admission, with
 * whether the transaction creates a contract; a refusal is {@link Refusal#NOT_ADMITTED} with the
 * view's reason. The view is a test double over {@link PoolFixtures.MapState}.
 */
class TransactionPoolTest {
  /** Refuses the senders in its sets, and records what it was asked. */
  private static final class AdmittingState implements PoolStateView {
    final MapState accounts = new MapState();
    final Set<Address> unadmitted = new HashSet<>();
    final Set<Address> nonCreators = new HashSet<>();
    final List<String> asked = new ArrayList<>();

    @Override
    public long nonce(Address account) {
      return accounts.nonce(account);
    }

    @Override
    public BigInteger balance(Address account) {
      return accounts.balance(account);
    }

    @Override
    public Optional<String> refuseSender(Address sender, boolean creates) {
      asked.add(sender + (creates ? " creates" : " calls"));
      if (unadmitted.contains(sender)) {
        return Optional.of("sender " + sender + " is not admitted");
      }
      return creates && nonCreators.contains(sender)
          ? Optional.of("sender " + sender + " may not deploy contracts") : Optional.empty();
    }
  }

  private final AdmittingState state = new AdmittingState();
  private final TransactionPool pool = new TransactionPool(config(), state, new ManualClock());

  private static void assertNotAdmitted(AdmissionResult result, String reason) {
    assertEquals(AdmissionResult.Status.REFUSED, result.status(), result.message());
    assertEquals(Optional.of(Refusal.NOT_ADMITTED), result.refusal());
    assertEquals("not admitted: " + reason, result.message());
    assertTrue(result.hash().isPresent());
  }

  @Test
  void unadmittedSendersAreRefused() {
    state.unadmitted.add(address(1));
    assertNotAdmitted(pool.add(raw(1, 0, 2)), "sender " + address(1) + " is not admitted");
    assertEquals(0, pool.pendingCount() + pool.queuedCount());
    assertTrue(pool.add(raw(2, 0, 2)).accepted(), "another sender is admitted");
    assertEquals(List.of(address(1) + " calls", address(2) + " calls"), state.asked);
  }

  /** The stateless checks come first: a malformed transaction is refused without asking. */
  @Test
  void statelessChecksComeFirst() {
    state.unadmitted.add(address(1));
    UnsignedTransaction.DynamicFee otherChain = new UnsignedTransaction.DynamicFee(CHAIN_ID + 1, 0,
        GWEI, GWEI, TRANSFER_GAS, Optional.of(RECIPIENT), BigInteger.ONE, new byte[0], List.of());
    assertEquals(Optional.of(Refusal.WRONG_CHAIN_ID), pool.add(sign(otherChain, 1)).refusal());
    assertEquals(List.of(), state.asked);
  }

  /** Admission comes before the nonce and balance checks, so the reason is the real one. */
  @Test
  void admissionIsCheckedBeforeNonceAndBalance() {
    state.unadmitted.add(address(1));
    state.accounts.nonces.put(address(1), 5L);
    state.accounts.balances.put(address(1), BigInteger.ZERO);
    assertNotAdmitted(pool.add(raw(1, 0, 2)), "sender " + address(1) + " is not admitted");
  }

  /** A creation asks with {@code creates}: a sender without deploy rights may still transfer. */
  @Test
  void creationsNeedDeployRights() {
    state.nonCreators.add(address(1));
    UnsignedTransaction.DynamicFee creation = new UnsignedTransaction.DynamicFee(CHAIN_ID, 0,
        GWEI, GWEI.multiply(BigInteger.TWO), 100_000, Optional.empty(), BigInteger.ZERO,
        new byte[] {0x60, 0x00}, List.of());
    assertNotAdmitted(pool.add(sign(creation, 1)), "sender " + address(1) + " may not deploy contracts");
    assertTrue(pool.add(raw(1, 0, 2)).accepted());
    assertEquals(List.of(address(1) + " creates", address(1) + " calls"), state.asked);
  }

  /** Every admission asks the view of the latest commit, so a sender frozen since is refused. */
  @Test
  void everyAdmissionAsksTheCurrentView() {
    assertTrue(pool.add(raw(1, 0, 2)).accepted());
    AdmittingState next = new AdmittingState();
    next.unadmitted.add(address(1));
    pool.onBlockCommitted(List.of(), next);
    assertNotAdmitted(pool.add(raw(1, 1, 2)), "sender " + address(1) + " is not admitted");
  }
}

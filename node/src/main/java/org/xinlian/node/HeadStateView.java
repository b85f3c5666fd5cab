package org.xinlian.node;

import java.math.BigInteger;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.xinlian.common.Address;
import org.xinlian.execution.ExecutionPort;
import org.xinlian.execution.SystemParameters;
import org.xinlian.ledger.state.StateAccount;
import org.xinlian.ledger.state.StateDatabase;

/**
 * The pool's view of the committed head, read from the flat view: one key-value read per
 * account, where a trie walk cost the producer a tenth of its time. Only the producer commits, and
 * it refreshes the pool right after each commit, so a refresh reads exactly the block it follows;
 * an admission racing a commit may read the newer head, which is the one the pool is about to
 * learn anyway (docs/spec/pool.md POOL-8). Admission asks the execution port, which answers with
 * the chain's access policy on the same head (GOV-8).
 *
 * <p>The gas limits are those of the block after the current head (GOV-15), read from the
 * execution port's parameters at each admission, so they follow a vote from its activation height.
 *
 * @param admission the execution port's {@link ExecutionPort#refuseSender}
 */
record HeadStateView(StateDatabase states, BigInteger baseFeePerGas, SenderAdmission admission,
    Supplier<SystemParameters> next)
    implements org.xinlian.execution.pool.PoolStateView {
  /** Why a sender may not send now, or empty: {@link ExecutionPort#refuseSender}. */
  @FunctionalInterface
  interface SenderAdmission {
    Optional<String> refuseSender(Address sender, boolean creates);
  }

  @Override
  public OptionalLong blockGasLimit() {
    return OptionalLong.of(next.get().blockGasLimit());
  }

  @Override
  public OptionalLong transactionGasLimit() {
    return OptionalLong.of(next.get().transactionGasLimit());
  }

  @Override
  public long nonce(Address account) {
    return states.headAccount(account).map(StateAccount::nonce).orElse(0L);
  }

  @Override
  public BigInteger balance(Address account) {
    return states.headAccount(account).map(a -> a.balance().toBigInteger()).orElse(BigInteger.ZERO);
  }

  @Override
  public Optional<String> refuseSender(Address sender, boolean creates) {
    return admission.refuseSender(sender, creates);
  }
}

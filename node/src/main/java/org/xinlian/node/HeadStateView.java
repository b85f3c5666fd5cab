package org.xinlian.node;

import java.math.BigInteger;
import org.xinlian.common.Address;
import org.xinlian.ledger.state.StateAccount;
import org.xinlian.ledger.state.StateDatabase;

/**
 * The pool's view of the committed head, read from the flat view: one key-value read per
 * account, where a trie walk cost the producer a tenth of its time. Only the producer commits, and
 * it refreshes the pool right after each commit, so a refresh reads exactly the block it follows;
 * an admission racing a commit may read the newer head, which is the one the pool is about to
 * learn anyway (docs/spec/pool.md POOL-8).
 */
record HeadStateView(StateDatabase states, BigInteger baseFeePerGas)
    implements org.xinlian.execution.pool.PoolStateView {
  @Override
  public long nonce(Address account) {
    return states.headAccount(account).map(StateAccount::nonce).orElse(0L);
  }

  @Override
  public BigInteger balance(Address account) {
    return states.headAccount(account).map(a -> a.balance().toBigInteger()).orElse(BigInteger.ZERO);
  }
}

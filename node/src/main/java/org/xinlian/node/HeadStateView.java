package org.xinlian.node;

import java.math.BigInteger;
import org.xinlian.common.Address;
import org.xinlian.common.Hash;
import org.xinlian.ledger.state.StateAccount;
import org.xinlian.ledger.state.StateDatabase;

/**
 * The pool's view of one committed state. Each read opens the account trie afresh at a fixed root,
 * so admitting threads share nothing mutable and every answer is about the same head.
 */
record HeadStateView(StateDatabase states, Hash root, BigInteger baseFeePerGas)
    implements org.xinlian.execution.pool.PoolStateView {
  @Override
  public long nonce(Address account) {
    return states.account(root, account).map(StateAccount::nonce).orElse(0L);
  }

  @Override
  public BigInteger balance(Address account) {
    return states.account(root, account).map(a -> a.balance().toBigInteger()).orElse(BigInteger.ZERO);
  }
}

package org.xinlian.execution.pool;

import java.math.BigInteger;
import java.util.Optional;
import java.util.OptionalLong;
import org.xinlian.common.Address;

/**
 * What the pool needs to know of the chain's head state, so that it depends neither on the ledger
 * nor on a particular state implementation. A new view is handed over with every committed block
 * ({@link TransactionPool#onBlockCommitted}); implementations must answer consistently for one
 * head and be safe to call from the pool's admitting threads.
 */
public interface PoolStateView {
  /** The account's next valid nonce (0 for an account that does not exist), unsigned. */
  long nonce(Address account);

  /** The account's balance in wei (0 for an account that does not exist). */
  BigInteger balance(Address account);

  /**
   * The base fee per gas of the next block. Transactions whose fee cap is below it stay in the pool
   * but are not offered to block builders. Zero on chains without EIP-1559 base fees.
   */
  default BigInteger baseFeePerGas() {
    return BigInteger.ZERO;
  }

  /**
   * Why {@code sender} may not send a transaction (one that creates a contract when
   * {@code creates}) on this chain now, or empty: a permissioned chain's admission
   * (docs/spec/governance.md GOV-8). Everyone may on an open chain.
   */
  default Optional<String> refuseSender(Address sender, boolean creates) {
    return Optional.empty();
  }

  /**
   * The gas limit of the next block when the chain's parameters set it (docs/spec/governance.md
   * GOV-15), in place of {@link PoolConfig#blockGasLimit}: a vote may change it, so the pool asks
   * the view of each head. Empty keeps the configured one.
   */
  default OptionalLong blockGasLimit() {
    return OptionalLong.empty();
  }

  /**
   * The most gas one transaction of the next block may ask for, when the chain's parameters set
   * it (GOV-15 {@code transactionGasLimit}); empty sets no bound besides the block gas limit.
   */
  default OptionalLong transactionGasLimit() {
    return OptionalLong.empty();
  }
}

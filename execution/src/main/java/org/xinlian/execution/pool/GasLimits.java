package org.xinlian.execution.pool;

import java.util.Optional;
import org.xinlian.common.Hash;
import org.xinlian.types.transaction.Transaction;

/**
 * The gas bounds of one transaction at the pool's head: the block gas limit ({@link
 * PoolConfig#blockGasLimit}, or the head's when the chain's parameters set it) and the chain's
 * transaction gas limit (GOV-15). Read from the view of each head, since a vote changes them.
 */
final class GasLimits {
  private GasLimits() {}

  /** Why {@code transaction} asks for too much gas at the head {@code view}, or empty. */
  static Optional<AdmissionResult> refusal(Transaction transaction, PoolConfig config, PoolStateView view,
      Optional<Hash> hash) {
    String gasLimit = Long.toUnsignedString(transaction.gasLimit());
    long block = view.blockGasLimit().orElse(config.blockGasLimit());
    if (Long.compareUnsigned(transaction.gasLimit(), block) > 0) {
      return Optional.of(AdmissionResult.refused(Refusal.EXCEEDS_BLOCK_GAS_LIMIT, hash,
          "gas limit " + gasLimit + ", block gas limit " + block));
    }
    if (view.transactionGasLimit().isPresent()
        && Long.compareUnsigned(transaction.gasLimit(), view.transactionGasLimit().getAsLong()) > 0) {
      return Optional.of(AdmissionResult.refused(Refusal.EXCEEDS_TRANSACTION_GAS_LIMIT, hash,
          "gas limit " + gasLimit + ", the chain's transactionGasLimit "
              + view.transactionGasLimit().getAsLong()));
    }
    return Optional.empty();
  }
}

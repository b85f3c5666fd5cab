package org.xinlian.execution.pool;

import java.math.BigInteger;
import java.util.Objects;
import org.xinlian.crypto.CryptoSuite;

/**
 * The chain facts and operator choices the pool admits against.
 *
 * @param suite the chain's crypto suite: decides the envelope format, hash and signature scheme
 * @param chainId the chain id transactions must be signed for
 * @param unprotectedAllowed whether pre-EIP-155 legacy transactions are admitted (geth refuses
 *     them over RPC by default, and so should a node)
 * @param blockGasLimit no transaction may ask for more gas than a block holds; a head whose view
 *     sets the chain's governed limit ({@link PoolStateView#blockGasLimit}) replaces it (GOV-15)
 * @param feeMode whether gas is paid for (balance checks include fees) or free
 * @param minimumPriorityFeePerGas the least priority fee (gas price for legacy transactions)
 *     admitted; zero on zero-price chains
 * @param limits memory bounds
 */
public record PoolConfig(
    CryptoSuite suite,
    long chainId,
    boolean unprotectedAllowed,
    long blockGasLimit,
    FeeMode feeMode,
    BigInteger minimumPriorityFeePerGas,
    PoolLimits limits) {
  public PoolConfig {
    Objects.requireNonNull(suite, "suite");
    Objects.requireNonNull(feeMode, "feeMode");
    Objects.requireNonNull(minimumPriorityFeePerGas, "minimumPriorityFeePerGas");
    Objects.requireNonNull(limits, "limits");
    if (blockGasLimit <= 0) {
      throw new IllegalArgumentException("blockGasLimit: must be positive, got " + blockGasLimit);
    }
    if (minimumPriorityFeePerGas.signum() < 0) {
      throw new IllegalArgumentException("minimumPriorityFeePerGas: must not be negative");
    }
  }
}

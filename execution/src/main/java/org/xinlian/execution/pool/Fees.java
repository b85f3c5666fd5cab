package org.xinlian.execution.pool;

import java.math.BigInteger;
import java.util.Comparator;
import org.xinlian.types.transaction.Transaction;

/** Fee arithmetic shared by admission, eviction and block candidates. */
final class Fees {
  /** geth's default price bump: a replacement must raise both fee caps by at least 10%. */
  static final int REPLACEMENT_BUMP_PERCENT = 10;

  private static final BigInteger HUNDRED = BigInteger.valueOf(100);

  private Fees() {}

  /** The balance a sender needs for this transaction under the chain's fee mode. */
  static BigInteger cost(Transaction transaction, FeeMode feeMode) {
    if (feeMode == FeeMode.ZERO_PRICE) {
      return transaction.value();
    }
    BigInteger gasLimit = new BigInteger(Long.toUnsignedString(transaction.gasLimit()));
    return transaction.value().add(gasLimit.multiply(transaction.maxFeePerGas()));
  }

  /**
   * What the block proposer earns per gas: {@code min(maxPriorityFee, maxFee - baseFee)}; negative
   * when the fee cap does not even cover the base fee.
   */
  static BigInteger effectivePriorityFee(Transaction transaction, BigInteger baseFee) {
    return transaction.maxPriorityFeePerGas().min(transaction.maxFeePerGas().subtract(baseFee));
  }

  /**
   * geth's rule: both caps strictly higher and each at least {@code old * 110 / 100} (integer
   * division, as geth computes the threshold).
   */
  static boolean bumpedEnough(Transaction old, Transaction replacement) {
    return bumped(old.maxFeePerGas(), replacement.maxFeePerGas())
        && bumped(old.maxPriorityFeePerGas(), replacement.maxPriorityFeePerGas());
  }

  private static boolean bumped(BigInteger old, BigInteger replacement) {
    BigInteger threshold =
        old.multiply(BigInteger.valueOf(100L + REPLACEMENT_BUMP_PERCENT)).divide(HUNDRED);
    return replacement.compareTo(old) > 0 && replacement.compareTo(threshold) >= 0;
  }

  /** Cheapest first: effective priority fee, then fee cap, then newest first. */
  static Comparator<PooledTransaction> cheapestFirst(BigInteger baseFee) {
    return Comparator.<PooledTransaction, BigInteger>comparing(
            p -> effectivePriorityFee(p.verified().transaction(), baseFee))
        .thenComparing(p -> p.verified().transaction().maxFeePerGas())
        .thenComparing(PooledTransaction::sequence, Comparator.reverseOrder());
  }
}

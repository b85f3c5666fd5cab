package org.xinlian.execution.pool;

import java.math.BigInteger;
import org.xinlian.types.transaction.VerifiedTransaction;

/**
 * A transaction as the pool holds it, with what the pool orders and bounds it by computed once.
 *
 * @param sequence admission order, the tie-breaker between equal fees (first come, first served)
 * @param arrivalMillis when it was admitted, on the pool's clock, for the queued lifetime
 * @param cost what the sender must be able to pay: value, plus {@code gasLimit * maxFeePerGas}
 *     when gas is priced
 */
record PooledTransaction(
    VerifiedTransaction verified, long sequence, long arrivalMillis, BigInteger cost) {
  long nonce() {
    return verified.transaction().nonce();
  }

  int bytes() {
    return verified.encodedLength();
  }
}

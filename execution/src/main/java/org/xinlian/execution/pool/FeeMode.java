package org.xinlian.execution.pool;

/**
 * How the chain charges for gas, from its genesis file. Consortium chains commonly run with
 * zero-price gas, where gas still bounds work but nobody pays for it, so the pool must not demand
 * a balance for fees nobody will charge.
 */
public enum FeeMode {
  /** Gas is paid: the sender must afford {@code value + gasLimit * maxFeePerGas}. */
  PRICED,
  /** Gas is free: the sender must afford only {@code value}. */
  ZERO_PRICE
}

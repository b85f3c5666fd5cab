package org.xinlian.evm.transaction;

/**
 * How a chain prices gas; chosen in genesis and passed to {@link TransactionProcessor}. Gas is
 * metered the same way in every mode: only what a unit of gas costs differs (docs/spec/evm.md,
 * EVM-5 to EVM-7).
 */
public enum FeeMode {
  /**
   * Ethereum's rules (EIP-1559 and EIP-4844): the sender buys {@code gasLimit} at the effective
   * gas price up front and gets the unused part back, the base fee is burned and the priority fee
   * goes to the coinbase. GeneralStateTests run in this mode.
   */
  ETHEREUM,

  /**
   * For consortium chains, whose members do not pay for gas: every price is zero while gas is
   * still metered, so the block gas limit, the transaction gas limit and out-of-gas halts still
   * bound the work a transaction can do. The base fee and blob base fee are taken as zero (as
   * BASEFEE and BLOBBASEFEE read them), the effective gas price is zero (as GASPRICE reads it), the
   * sender needs a balance only for the value it sends, and no balance changes for gas: nothing
   * is bought, refunded or paid to the coinbase. A transaction that names a non-zero gas price or
   * fee cap is accepted and charged nothing, so Ethereum wallets and tools, which always set a
   * price, work unchanged. {@code gasUsed} is the same as under {@link #ETHEREUM} for a
   * transaction whose code does not read those prices.
   */
  ZERO_PRICE
}

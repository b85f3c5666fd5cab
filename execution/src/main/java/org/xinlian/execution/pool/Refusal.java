package org.xinlian.execution.pool;

/**
 * Why the pool refused a transaction, each with go-ethereum's error text: wallets and libraries
 * (ethers.js, web3j, MetaMask) recognise these strings, for example to retry with a fresh nonce
 * or a higher fee, so Xinlian uses the same wording rather than its own (docs/spec/pool.md,
 * POOL-2).
 */
public enum Refusal {
  /** The raw bytes exceed {@code TransactionCodec.TRANSACTION_BYTES_MAX}. */
  OVERSIZED("oversized data"),
  /** The bytes are not a valid envelope for this chain's suite. */
  MALFORMED("invalid transaction"),
  /** Signed for another chain. */
  WRONG_CHAIN_ID("invalid chain id for signer"),
  /** Pre-EIP-155 legacy transaction where replay protection is required. */
  UNPROTECTED("only replay-protected (EIP-155) transactions allowed over RPC"),
  /** Nonce {@code 2^64 - 1} (EIP-2681). */
  NONCE_MAX("nonce has max value"),
  /** Init code above EIP-3860's limit. */
  INIT_CODE_TOO_LARGE("max initcode size exceeded"),
  /** Gas limit below the intrinsic gas. */
  INTRINSIC_GAS_TOO_LOW("intrinsic gas too low"),
  /** Priority fee above the fee cap. */
  TIP_ABOVE_FEE_CAP("max priority fee per gas higher than max fee per gas"),
  /** The signature establishes no sender. */
  INVALID_SENDER("invalid sender"),
  /** Gas limit above the block gas limit. */
  EXCEEDS_BLOCK_GAS_LIMIT("exceeds block gas limit"),
  /**
   * Gas limit above the chain's {@code transactionGasLimit} (GOV-15): geth's error for the
   * transaction gas cap of EIP-7825, the same kind of bound.
   */
  EXCEEDS_TRANSACTION_GAS_LIMIT("transaction gas limit too high"),
  /** Priority fee below the pool's minimum. */
  UNDERPRICED("transaction underpriced"),
  /** The same transaction is already in the pool, or was already included in a block. */
  ALREADY_KNOWN("already known"),
  /** The nonce was already used by a committed transaction. */
  NONCE_TOO_LOW("nonce too low"),
  /** The sender cannot pay value plus the most the gas may cost (or the cost overflows). */
  INSUFFICIENT_FUNDS("insufficient funds for gas * price + value"),
  /** Same sender and nonce as a pooled transaction, without a 10% bump of both fees. */
  REPLACEMENT_UNDERPRICED("replacement transaction underpriced"),
  /** The sender already holds {@link PoolLimits#perSenderMax} transactions. */
  ACCOUNT_LIMIT_EXCEEDED("account limit exceeded"),
  /** The pool is full and the newcomer pays no more than the cheapest evictable transaction. */
  POOL_FULL("txpool is full"),
  /**
   * A permissioned chain does not admit the sender now, or not for a contract creation; the
   * detail is the reason (docs/spec/governance.md GOV-8). No geth equivalent.
   */
  NOT_ADMITTED("not admitted"),
  /**
   * The node stopped writing after a failure (a full disk, a failed write) and is about to exit
   * for its supervisor to restart it (docs/spec/node.md NODE-17); no geth equivalent.
   */
  NODE_STOPPED("node stopped");

  private final String message;

  Refusal(String message) {
    this.message = message;
  }

  /** go-ethereum's text for this refusal, without details. */
  public String message() {
    return message;
  }
}

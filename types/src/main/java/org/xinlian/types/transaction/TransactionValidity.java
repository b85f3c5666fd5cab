package org.xinlian.types.transaction;

import java.util.Objects;

/**
 * The verdict of {@link TransactionValidityRules#check}: valid, or the first rule broken with a
 * message a user can act on.
 *
 * @param intrinsicGas the gas charged before execution (computed even for invalid transactions)
 */
public record TransactionValidity(Reason reason, String detail, long intrinsicGas) {
  /** Why a transaction is invalid, or {@link #VALID}. */
  public enum Reason {
    VALID,
    /** Pre-EIP-155 legacy transaction on a chain that requires replay protection. */
    UNPROTECTED_NOT_ALLOWED,
    /** Signed for another chain. */
    WRONG_CHAIN_ID,
    /** Nonce {@code 2^64 - 1}, which EIP-2681 reserves so nonces never wrap. */
    NONCE_TOO_BIG,
    /** Contract creation with init code above EIP-3860's limit. */
    INIT_CODE_TOO_LARGE,
    /** Gas limit below the intrinsic gas. */
    INTRINSIC_GAS_TOO_LOW,
    /** EIP-1559 priority fee cap above the fee cap. */
    PRIORITY_FEE_ABOVE_MAX_FEE,
    /** {@code gasLimit * maxFeePerGas} does not fit in 256 bits. */
    GAS_COST_OVERFLOW
  }

  public TransactionValidity {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(detail, "detail");
  }

  public static TransactionValidity valid(long intrinsicGas) {
    return new TransactionValidity(Reason.VALID, "valid", intrinsicGas);
  }

  public boolean isValid() {
    return reason == Reason.VALID;
  }
}

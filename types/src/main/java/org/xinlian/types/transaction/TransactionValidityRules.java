package org.xinlian.types.transaction;

import java.math.BigInteger;
import java.util.OptionalLong;
import org.xinlian.types.transaction.TransactionValidity.Reason;

/**
 * Ethereum's stateless transaction rules as of Cancun, for one chain: intrinsic gas (EIP-2028
 * calldata, EIP-2930 access lists, EIP-3860 init code), the nonce ceiling (EIP-2681), the init
 * code size limit, fee cap ordering (EIP-1559), the 256-bit cost bound and the chain id. Signature
 * rules (EIP-2 low {@code s}) are enforced when the sender is established, by the suite.
 * Balance, nonce order and block gas limit need state and are checked by the executor.
 *
 * @param chainId the chain's id; transactions signed for any other are invalid
 * @param unprotectedAllowed whether pre-EIP-155 legacy transactions are accepted (never on gm
 *     chains, whose codec already rejects them)
 */
public record TransactionValidityRules(long chainId, boolean unprotectedAllowed) {
  /** Gas every transaction pays. */
  public static final long TRANSACTION_GAS = 21_000;

  /** Gas a contract creation pays instead (EIP-2). */
  public static final long CONTRACT_CREATION_GAS = 53_000;

  /** Per zero byte of call data. */
  public static final long DATA_ZERO_BYTE_GAS = 4;

  /** Per non-zero byte of call data (EIP-2028). */
  public static final long DATA_NON_ZERO_BYTE_GAS = 16;

  /** Per access list address (EIP-2930). */
  public static final long ACCESS_LIST_ADDRESS_GAS = 2_400;

  /** Per access list storage key (EIP-2930). */
  public static final long ACCESS_LIST_STORAGE_KEY_GAS = 1_900;

  /** Per 32-byte word of init code (EIP-3860). */
  public static final long INIT_CODE_WORD_GAS = 2;

  /** Largest init code (EIP-3860): twice the EIP-170 code size limit of 24576 bytes. */
  public static final int INIT_CODE_BYTES_MAX = 49_152;

  /** Largest valid nonce: {@code 2^64 - 2} (EIP-2681), as an unsigned long. */
  public static final long NONCE_MAX = -2L;

  private static final int UINT256_BITS = 256;

  public TransactionValidityRules {
    Fields.chainId("chainId", chainId);
  }

  /**
   * The gas charged before execution. It cannot overflow: the size cap on transactions bounds
   * every term far below {@code 2^63}.
   */
  public static long intrinsicGas(UnsignedTransaction transaction) {
    byte[] data = transaction.data();
    long gas = transaction.to().isEmpty() ? CONTRACT_CREATION_GAS : TRANSACTION_GAS;
    for (byte b : data) {
      gas += b == 0 ? DATA_ZERO_BYTE_GAS : DATA_NON_ZERO_BYTE_GAS;
    }
    if (transaction.to().isEmpty()) {
      gas += INIT_CODE_WORD_GAS * ((data.length + 31L) / 32);
    }
    for (AccessListEntry entry : transaction.accessList()) {
      gas += ACCESS_LIST_ADDRESS_GAS + ACCESS_LIST_STORAGE_KEY_GAS * entry.storageKeys().size();
    }
    return gas;
  }

  /** Applies every stateless rule and reports the first one broken. */
  public TransactionValidity check(Transaction transaction) {
    UnsignedTransaction unsigned = transaction.unsigned();
    long intrinsicGas = intrinsicGas(unsigned);
    OptionalLong signedChainId = unsigned.signedChainId();
    if (signedChainId.isEmpty() && !unprotectedAllowed) {
      return invalid(
          Reason.UNPROTECTED_NOT_ALLOWED,
          "legacy transaction without EIP-155 replay protection",
          intrinsicGas);
    }
    if (signedChainId.isPresent() && signedChainId.getAsLong() != chainId) {
      return invalid(
          Reason.WRONG_CHAIN_ID,
          "signed for chain " + signedChainId.getAsLong() + ", this chain is " + chainId,
          intrinsicGas);
    }
    if (Long.compareUnsigned(unsigned.nonce(), NONCE_MAX) > 0) {
      return invalid(Reason.NONCE_TOO_BIG, "nonce 2^64-1 is reserved (EIP-2681)", intrinsicGas);
    }
    if (unsigned.to().isEmpty() && unsigned.dataLength() > INIT_CODE_BYTES_MAX) {
      return invalid(
          Reason.INIT_CODE_TOO_LARGE,
          "init code of " + unsigned.dataLength() + " bytes exceeds " + INIT_CODE_BYTES_MAX,
          intrinsicGas);
    }
    if (Long.compareUnsigned(unsigned.gasLimit(), intrinsicGas) < 0) {
      return invalid(
          Reason.INTRINSIC_GAS_TOO_LOW,
          "gas limit " + Long.toUnsignedString(unsigned.gasLimit()) + " is below the intrinsic gas "
              + intrinsicGas,
          intrinsicGas);
    }
    if (unsigned.maxPriorityFeePerGas().compareTo(unsigned.maxFeePerGas()) > 0) {
      return invalid(
          Reason.PRIORITY_FEE_ABOVE_MAX_FEE,
          "maxPriorityFeePerGas " + unsigned.maxPriorityFeePerGas() + " exceeds maxFeePerGas "
              + unsigned.maxFeePerGas(),
          intrinsicGas);
    }
    BigInteger gasLimit = new BigInteger(Long.toUnsignedString(unsigned.gasLimit()));
    if (gasLimit.multiply(unsigned.maxFeePerGas()).bitLength() > UINT256_BITS) {
      return invalid(
          Reason.GAS_COST_OVERFLOW, "gasLimit * maxFeePerGas exceeds 2^256-1", intrinsicGas);
    }
    return TransactionValidity.valid(intrinsicGas);
  }

  private static TransactionValidity invalid(Reason reason, String detail, long intrinsicGas) {
    return new TransactionValidity(reason, detail, intrinsicGas);
  }
}

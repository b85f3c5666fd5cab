package org.xinlian.execution.governance;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.xinlian.common.Address;
import org.xinlian.common.Hash;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.evm.RevertReason;
import org.xinlian.evm.precompile.SystemContract;

/**
 * The validator governance contract at {@link #ADDRESS} (docs/adr/0009, EXECUTION-10): a
 * transaction whose data is a {@link ValidatorSetUpdate} signed by more than two thirds of the
 * current validators records the next validator epoch in state.
 */
public final class ValidatorGovernance {
  /**
   * The contract's address, in the reserved range of ADR 0003 and away from the gm precompiles
   * (0xf001, 0xf002); the same on both suites.
   */
  public static final Address ADDRESS = Address.fromHex("0x000000000000000000000000000000000000f100");

  /** Most validators in one set: consensus's limit (a certificate of 300 SM2 seals fits 64 KiB). */
  public static final int VALIDATORS_MAX = 300;

  /**
   * Fewest heights between the including block and the activation: a change the block reports
   * governs two heights later (CONSENSUS-16).
   */
  public static final long ACTIVATION_DELAY_HEIGHTS_MIN = 2;

  /**
   * Most heights between the including block and the activation: bounds how long a far activation
   * keeps further changes waiting, and makes a signed update expire.
   */
  public static final long ACTIVATION_DELAY_HEIGHTS_MAX = 100_000;

  /** Gas of every call: decoding and reading the current epoch. */
  public static final long CALL_GAS = 20_000;

  /** Gas per signature: a key recovery (or an SM2 verification) and its hashing. */
  public static final long SIGNATURE_GAS = 6_000;

  /** Gas per stored word: a cold SSTORE of a new slot (EIP-2929: 20,000 + 2,100). */
  public static final long STORED_WORD_GAS = 22_100;

  /** Words stored besides the validators: the activation height, the size and the last epoch. */
  static final int EPOCH_WORDS = 3;

  /** Solidity's {@code Error(string)} selector, the first 4 bytes of keccak256("Error(string)"). */
  private static final byte[] ERROR_SELECTOR = RevertReason.ERROR_SELECTOR;
  private static final int WORD_BYTES = 32;

  private ValidatorGovernance() {}

  /**
   * The contract for one chain.
   *
   * @param chainId and {@code genesisHash} go into the digest validators sign
   * @param genesisValidators epoch 0
   */
  public static SystemContract contract(CryptoSuite suite, long chainId, Hash genesisHash,
      List<Address> genesisValidators) {
    return contract(suite, chainId, genesisHash, genesisValidators, false);
  }

  /**
   * The contract for one chain; on a permissioned chain (GOV-2) it refuses every update, because
   * the validator set changes by governance proposal there and the history is appended by it.
   */
  public static SystemContract contract(CryptoSuite suite, long chainId, Hash genesisHash,
      List<Address> genesisValidators, boolean permissioned) {
    return new ValidatorGovernanceContract(suite, chainId, genesisHash, ValidatorHistory.genesis(genesisValidators),
        permissioned);
  }

  /** The gas a decoded update costs. */
  public static long gas(ValidatorSetUpdate update) {
    return CALL_GAS + SIGNATURE_GAS * update.signatures().size()
        + STORED_WORD_GAS * (update.epoch().validators().size() + EPOCH_WORDS);
  }

  /**
   * ABI {@code Error(string)} revert data, which wallets and {@code eth_call} show as the reason;
   * uncut, since the contracts' own input limits bound their reasons.
   */
  static byte[] errorData(String reason) {
    return RevertReason.errorData(reason, Integer.MAX_VALUE);
  }

  /**
   * The reason in ABI {@code Error(string)} revert data, or empty when the data is not of that
   * form (for callers reading a failed {@code eth_call}).
   */
  public static Optional<String> revertReason(byte[] data) {
    int head = ERROR_SELECTOR.length + 2 * WORD_BYTES;
    if (data == null || data.length < head
        || !Arrays.equals(data, 0, ERROR_SELECTOR.length, ERROR_SELECTOR, 0, ERROR_SELECTOR.length)) {
      return Optional.empty();
    }
    BigInteger offset = new BigInteger(1, Arrays.copyOfRange(data, 4, 4 + WORD_BYTES));
    BigInteger length = new BigInteger(1, Arrays.copyOfRange(data, 4 + WORD_BYTES, head));
    if (!offset.equals(BigInteger.valueOf(WORD_BYTES)) || length.compareTo(BigInteger.valueOf(data.length - head)) > 0) {
      return Optional.empty();
    }
    return Optional.of(new String(data, head, length.intValueExact(), StandardCharsets.UTF_8));
  }
}

package org.xinlian.execution.genesis;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.xinlian.execution.feature.FeatureSchedule;
import org.xinlian.execution.feature.ProtocolFeature;
import org.xinlian.execution.governance.Governance;
import org.xinlian.execution.governance.GovernanceGenesis;
import java.util.TreeMap;
import org.xinlian.common.Address;
import org.xinlian.common.DecodingException;
import org.xinlian.execution.governance.ValidatorGovernance;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.evm.transaction.FeeMode;
import org.xinlian.evm.word.UInt256;
import org.xinlian.types.block.BlockHeader;

/**
 * A chain's genesis file (docs/spec/genesis.md): what every node of the chain must agree on before
 * block 1. Read with {@link #load} or {@link #parse}, which refuse unknown fields and name the field
 * of every error, so an operator's typo never silently starts a different chain.
 *
 * @param chainId the EIP-155 chain id transactions are signed for
 * @param suite {@link CryptoSuites#STANDARD} or {@link CryptoSuites#GM}
 * @param timestamp the genesis block's timestamp, seconds since the Unix epoch
 * @param extraData the genesis block's extra data, at most 32 bytes
 * @param blockGasLimit every block's gas limit
 * @param blockIntervalMs the target time between blocks, for the block producer
 * @param feeMode how gas is priced
 * @param baseFeePerGas the constant base fee under {@link FeeMode#ETHEREUM}; zero under
 *     {@link FeeMode#ZERO_PRICE}
 * @param validators the initial validator addresses, in the order consensus uses
 * @param alloc the accounts that exist at genesis, in address order
 * @param governance the governance section of a permissioned chain (GOV-1)
 * @param features protocol feature name to the height from which it is in force
 *     (docs/spec/operations.md OPS-80), in name order; every name must be one this release knows
 */
public record GenesisConfig(
    long chainId,
    String suite,
    long timestamp,
    byte[] extraData,
    long blockGasLimit,
    long blockIntervalMs,
    FeeMode feeMode,
    UInt256 baseFeePerGas,
    List<Address> validators,
    Map<Address, GenesisAccount> alloc,
    Optional<GovernanceGenesis> governance,
    Map<String, Long> features) {
  /**
   * Largest genesis file: 16 MiB holds tens of thousands of funded accounts or a few hundred
   * pre-deployed contracts, while a mistaken path to a huge file fails before it is read.
   */
  public static final long GENESIS_FILE_BYTES_MAX = 16L * 1024 * 1024;

  /** Smallest block gas limit: one plain transfer must fit. */
  public static final long BLOCK_GAS_LIMIT_MIN = 21_000;

  /**
   * Largest block gas limit: the genesis value is the default of the governed parameter, so it
   * lies in that parameter's range (docs/spec/governance.md GOV-15).
   */
  public static final long BLOCK_GAS_LIMIT_MAX = org.xinlian.execution.SystemParameters.GAS_LIMIT_MAX;

  /** Blocks further apart than an hour are a configuration mistake, not a design. */
  public static final long BLOCK_INTERVAL_MS_MAX = 3_600_000;

  /**
   * One account at genesis.
   *
   * @param storage slots with non-zero values
   */
  public record GenesisAccount(UInt256 balance, long nonce, byte[] code, Map<UInt256, UInt256> storage) {
    public GenesisAccount {
      Objects.requireNonNull(balance, "balance");
      code = code.clone();
      storage = Map.copyOf(storage);
    }

    @Override
    public byte[] code() {
      return code.clone();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof GenesisAccount that && balance.equals(that.balance)
          && nonce == that.nonce && Arrays.equals(code, that.code) && storage.equals(that.storage);
    }

    @Override
    public int hashCode() {
      return Objects.hash(balance, nonce, Arrays.hashCode(code), storage);
    }
  }

  public GenesisConfig {
    if (!CryptoSuites.STANDARD.equals(suite) && !CryptoSuites.GM.equals(suite)) {
      throw new DecodingException("suite", "must be \"standard\" or \"gm\", got " + suite);
    }
    extraData = extraData.clone();
    if (extraData.length > BlockHeader.EXTRA_DATA_BYTES_MAX) {
      throw new DecodingException("extraData", "at most " + BlockHeader.EXTRA_DATA_BYTES_MAX + " bytes");
    }
    if (timestamp < 0) {
      throw new DecodingException("timestamp", "negative");
    }
    if (blockGasLimit < BLOCK_GAS_LIMIT_MIN) {
      throw new DecodingException("blockGasLimit", "below " + BLOCK_GAS_LIMIT_MIN);
    }
    if (blockGasLimit > BLOCK_GAS_LIMIT_MAX) {
      throw new DecodingException("blockGasLimit", "above " + BLOCK_GAS_LIMIT_MAX);
    }
    if (blockIntervalMs < 1 || blockIntervalMs > BLOCK_INTERVAL_MS_MAX) {
      throw new DecodingException("blockIntervalMs", "must be 1 to " + BLOCK_INTERVAL_MS_MAX);
    }
    Objects.requireNonNull(feeMode, "feeMode");
    Objects.requireNonNull(baseFeePerGas, "baseFeePerGas");
    if (feeMode == FeeMode.ZERO_PRICE && !baseFeePerGas.isZero()) {
      throw new DecodingException("baseFeePerGas", "must be zero (or absent) with feeMode zero-price");
    }
    validators = List.copyOf(validators);
    if (validators.isEmpty()) {
      throw new DecodingException("validators", "at least one validator is required");
    }
    if (validators.stream().distinct().count() != validators.size()) {
      throw new DecodingException("validators", "lists an address twice");
    }
    if (validators.size() > ValidatorGovernance.VALIDATORS_MAX) {
      throw new DecodingException("validators", validators.size() + " validators exceed the limit of "
          + ValidatorGovernance.VALIDATORS_MAX);
    }
    if (alloc.containsKey(ValidatorGovernance.ADDRESS)) {
      // Its storage is the validator history (docs/adr/0009): a genesis must not forge one.
      throw new DecodingException("alloc." + ValidatorGovernance.ADDRESS,
          "reserved for the validator governance contract");
    }
    if (alloc.containsKey(Governance.ADDRESS)) {
      throw new DecodingException("alloc." + Governance.ADDRESS, "reserved for the governance contract");
    }
    alloc = java.util.Collections.unmodifiableMap(new TreeMap<>(alloc));
    Objects.requireNonNull(governance, "governance");
    if (governance.isPresent()) {
      governance.get().check(CryptoSuites.byName(suite), validators);
    }
    if (alloc.containsKey(FeatureSchedule.ADDRESS)) {
      throw new DecodingException("alloc." + FeatureSchedule.ADDRESS, "reserved for the protocol feature schedule");
    }
    features = java.util.Collections.unmodifiableMap(new TreeMap<>(features));
    if (features.size() > FeatureSchedule.FEATURES_MAX) {
      throw new DecodingException("features", features.size() + " features exceed the limit of "
          + FeatureSchedule.FEATURES_MAX);
    }
    for (Map.Entry<String, Long> feature : features.entrySet()) {
      String field = "features." + feature.getKey();
      try {
        ProtocolFeature.require(field, feature.getKey());
      } catch (IllegalArgumentException e) {
        throw new DecodingException(field, "not a protocol feature this release knows (" + ProtocolFeature.knownNames()
            + "); a newer release's genesis needs that release");
      }
      if (feature.getValue() < 1 || feature.getValue() > FeatureSchedule.ACTIVATION_HEIGHT_MAX) {
        throw new DecodingException(field, "activation height " + feature.getValue() + " is not 1 to "
            + FeatureSchedule.ACTIVATION_HEIGHT_MAX);
      }
    }
  }

  /** Whether the chain is permissioned (GOV-1): its genesis has a governance section. */
  public boolean permissioned() {
    return governance.isPresent();
  }

  @Override
  public byte[] extraData() {
    return extraData.clone();
  }

  /** Reads and checks a genesis file (GENESIS-1, GENESIS-2). */
  public static GenesisConfig load(Path file) {
    long size;
    try {
      size = Files.size(file);
    } catch (IOException e) {
      throw new DecodingException("genesis", "cannot read " + file + ": " + e.getMessage(), e);
    }
    if (size > GENESIS_FILE_BYTES_MAX) {
      throw new DecodingException("genesis", file + " is " + size + " bytes, above the limit of "
          + GENESIS_FILE_BYTES_MAX);
    }
    try (InputStream in = Files.newInputStream(file)) {
      return parse(in.readNBytes((int) GENESIS_FILE_BYTES_MAX + 1));
    } catch (IOException e) {
      throw new DecodingException("genesis", "cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** Parses genesis JSON; every error is a {@link DecodingException} naming the field. */
  public static GenesisConfig parse(byte[] json) {
    if (json.length > GENESIS_FILE_BYTES_MAX) {
      throw new DecodingException("genesis", "above the limit of " + GENESIS_FILE_BYTES_MAX + " bytes");
    }
    return GenesisJson.parse(json);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof GenesisConfig that && chainId == that.chainId && suite.equals(that.suite)
        && timestamp == that.timestamp && Arrays.equals(extraData, that.extraData)
        && blockGasLimit == that.blockGasLimit && blockIntervalMs == that.blockIntervalMs
        && feeMode == that.feeMode && baseFeePerGas.equals(that.baseFeePerGas)
        && validators.equals(that.validators) && alloc.equals(that.alloc) && governance.equals(that.governance)
        && features.equals(that.features);
  }

  @Override
  public int hashCode() {
    return Objects.hash(chainId, suite, timestamp, Arrays.hashCode(extraData), blockGasLimit,
        blockIntervalMs, feeMode, baseFeePerGas, validators, alloc, governance, features);
  }
}

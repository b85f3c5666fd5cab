package org.xinlian.execution;

import java.util.List;
import java.util.Objects;
import org.xinlian.common.Address;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.evm.transaction.FeeMode;
import org.xinlian.evm.word.UInt256;
import org.xinlian.execution.genesis.GenesisConfig;

/**
 * The chain rules execution applies, all fixed by genesis; the {@link SystemParameters} start from
 * them and change by vote (GOV-15). How much state history is kept is the node's own choice, made
 * when it opens its {@link org.xinlian.ledger.state.StateDatabase}.
 *
 * @param blockGasLimit the genesis block gas limit: the default of the parameters' {@code
 *     blockGasLimit} and {@code transactionGasLimit}
 * @param blockIntervalMs the genesis target time between blocks: the default of the parameters'
 *     {@code blockIntervalMs}
 * @param baseFeePerGas the chain's constant base fee; the header carries none, so every node takes
 *     it from genesis (zero under {@link FeeMode#ZERO_PRICE})
 * @param validators the genesis validators: epoch 0, whose quorum signs the first validator set
 *     change (EXECUTION-10)
 */
public record ExecutionSettings(
    long chainId,
    CryptoSuite suite,
    FeeMode feeMode,
    UInt256 baseFeePerGas,
    long blockGasLimit,
    long blockIntervalMs,
    List<Address> validators,
    boolean permissioned) {
  public ExecutionSettings {
    Objects.requireNonNull(suite, "suite");
    Objects.requireNonNull(feeMode, "feeMode");
    Objects.requireNonNull(baseFeePerGas, "baseFeePerGas");
    validators = List.copyOf(Objects.requireNonNull(validators, "validators"));
    if (validators.isEmpty()) {
      throw new IllegalArgumentException("validators: at least one genesis validator is required");
    }
    // Checked here (the fields are not assigned yet), so a node whose genesis lies outside
    // GOV-15's ranges never starts.
    SystemParameters.defaults(blockGasLimit, blockIntervalMs);
  }

  /** The parameters in force until governance changes one (GOV-15's defaults). */
  public SystemParameters defaultParameters() {
    return SystemParameters.defaults(blockGasLimit, blockIntervalMs);
  }

  public static ExecutionSettings of(GenesisConfig genesis) {
    return new ExecutionSettings(genesis.chainId(), CryptoSuites.byName(genesis.suite()),
        genesis.feeMode(), genesis.baseFeePerGas(), genesis.blockGasLimit(), genesis.blockIntervalMs(),
        genesis.validators(), genesis.permissioned());
  }

  /** An open development chain's settings (no governance section, GOV-1). */
  public ExecutionSettings(long chainId, CryptoSuite suite, FeeMode feeMode, UInt256 baseFeePerGas,
      long blockGasLimit, long blockIntervalMs, List<Address> validators) {
    this(chainId, suite, feeMode, baseFeePerGas, blockGasLimit, blockIntervalMs, validators, false);
  }
}

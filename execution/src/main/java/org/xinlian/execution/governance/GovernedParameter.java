package org.xinlian.execution.governance;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The system parameters a vote may change and their ranges (GOV-15). */
public enum GovernedParameter {
  BLOCK_GAS_LIMIT("blockGasLimit", 21_000, 2_000_000_000),
  MAX_TRANSACTIONS_PER_BLOCK("maxTransactionsPerBlock", 1, 100_000),
  BLOCK_INTERVAL_MS("blockIntervalMs", 1, 3_600_000),
  TRANSACTION_GAS_LIMIT("transactionGasLimit", 21_000, 2_000_000_000),
  /** Zero means each node's {@code consensus.roundTimeoutMs}; a vote sets 100 to 600,000. */
  ROUND_TIMEOUT_MS("roundTimeoutMs", 100, 600_000);

  public static final long MAX_TRANSACTIONS_PER_BLOCK_DEFAULT = 10_000;

  private final String key;
  private final long min;
  private final long max;

  GovernedParameter(String key, long min, long max) {
    this.key = key;
    this.min = min;
    this.max = max;
  }

  public String key() {
    return key;
  }

  public long min() {
    return min;
  }

  public long max() {
    return max;
  }

  public boolean allows(long value) {
    return value >= min && value <= max;
  }

  String range() {
    return min + " to " + max;
  }

  public static Optional<GovernedParameter> ofKey(String key) {
    return Arrays.stream(values()).filter(p -> p.key.equals(key)).findFirst();
  }

  static String keys() {
    return Arrays.stream(values()).map(GovernedParameter::key).collect(Collectors.joining(", "));
  }
}

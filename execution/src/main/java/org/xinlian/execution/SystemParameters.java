package org.xinlian.execution;

import java.util.Optional;

/**
 * The chain-wide values a consortium changes by vote (docs/spec/governance.md GOV-15), as they
 * stand for one height: every node reads them from the committed state through {@link
 * ExecutionPort#parametersAt}, so from a change's activation height the proposer builds with the
 * new value and every validator requires it.
 *
 * @param blockGasLimit every block's header gas limit, and the most gas its transactions may use
 * @param maxTransactionsPerBlock the most transactions one block may hold
 * @param blockIntervalMs the chain's target time between blocks: how long a BFT proposer waits for
 *     transactions before it proposes an empty block (docs/spec/consensus.md CONSENSUS-23)
 * @param transactionGasLimit the most gas one transaction may ask for (the pool refuses more, a
 *     block that holds more is invalid); a value above {@code blockGasLimit} is allowed and then
 *     the block gas limit is the effective bound
 * @param roundTimeoutMs the BFT round-0 deadline; 0 leaves each node's {@code
 *     consensus.roundTimeoutMs}
 */
public record SystemParameters(
    long blockGasLimit,
    int maxTransactionsPerBlock,
    long blockIntervalMs,
    long transactionGasLimit,
    long roundTimeoutMs) {
  /** Smallest block or transaction gas limit: one plain transfer must fit. */
  public static final long GAS_LIMIT_MIN = 21_000;
  /**
   * Largest block or transaction gas limit: 2·10⁹ gas is minutes of execution on one core, far
   * beyond a block a consensus round can check, and fits comfortably in every signed gas sum.
   */
  public static final long GAS_LIMIT_MAX = 2_000_000_000L;
  public static final int MAX_TRANSACTIONS_PER_BLOCK_MIN = 1;
  /** Most transactions per block: ten times what 30M gas of plain transfers holds. */
  public static final int MAX_TRANSACTIONS_PER_BLOCK_MAX = 100_000;
  /** The default of {@code maxTransactionsPerBlock}, the count the block builders used before GOV-15. */
  public static final int MAX_TRANSACTIONS_PER_BLOCK_DEFAULT = 10_000;
  public static final long BLOCK_INTERVAL_MS_MIN = 1;
  /** Blocks further apart than an hour are a mistake, as in the genesis (GENESIS-1). */
  public static final long BLOCK_INTERVAL_MS_MAX = 3_600_000;
  /** The value of {@code roundTimeoutMs} that leaves each node's own configuration in force. */
  public static final long ROUND_TIMEOUT_MS_NODE_CONFIGURED = 0;
  /** Below this a round cannot carry a proposal, a quorum of prepares and one of commits. */
  public static final long ROUND_TIMEOUT_MS_MIN = 100;
  /** Ten minutes: the longest round deadline a node's configuration accepts too. */
  public static final long ROUND_TIMEOUT_MS_MAX = 600_000;

  /**
   * A parameter by the name proposals and JSON use ({@code SET_PARAMETER(key, value, …)}), with
   * its range. The constants are spelled as the keys, so {@link #name()} is the key itself.
   */
  public enum Key {
    blockGasLimit(GAS_LIMIT_MIN, GAS_LIMIT_MAX),
    maxTransactionsPerBlock(MAX_TRANSACTIONS_PER_BLOCK_MIN, MAX_TRANSACTIONS_PER_BLOCK_MAX),
    blockIntervalMs(BLOCK_INTERVAL_MS_MIN, BLOCK_INTERVAL_MS_MAX),
    transactionGasLimit(GAS_LIMIT_MIN, GAS_LIMIT_MAX),
    /** 0, or {@link #ROUND_TIMEOUT_MS_MIN} to {@link #ROUND_TIMEOUT_MS_MAX}. */
    roundTimeoutMs(ROUND_TIMEOUT_MS_MIN, ROUND_TIMEOUT_MS_MAX);

    /** The least value other than {@code roundTimeoutMs}'s 0, which is allowed as well. */
    public final long min;
    public final long max;

    Key(long min, long max) {
      this.min = min;
      this.max = max;
    }

    /** Whether {@code value} is in this key's range. */
    public boolean allows(long value) {
      return value >= min && value <= max
          || this == roundTimeoutMs && value == ROUND_TIMEOUT_MS_NODE_CONFIGURED;
    }

    /**
     * Refuses a value out of range, naming the key: {@code blockGasLimit: 20000 is outside
     * 21000 to 2000000000}.
     *
     * @throws IllegalArgumentException if {@code value} is out of range
     */
    public void check(long value) {
      if (!allows(value)) {
        throw new IllegalArgumentException(name() + ": " + value + " is outside " + min + " to " + max
            + (this == roundTimeoutMs ? " (or 0: each node's consensus.roundTimeoutMs)" : ""));
      }
    }

    /** The key named {@code name} exactly as in GOV-15, or empty. */
    public static Optional<Key> byName(String name) {
      for (Key key : values()) {
        if (key.name().equals(name)) {
          return Optional.of(key);
        }
      }
      return Optional.empty();
    }
  }

  public SystemParameters {
    Key.blockGasLimit.check(blockGasLimit);
    Key.maxTransactionsPerBlock.check(maxTransactionsPerBlock);
    Key.blockIntervalMs.check(blockIntervalMs);
    Key.transactionGasLimit.check(transactionGasLimit);
    Key.roundTimeoutMs.check(roundTimeoutMs);
  }

  /**
   * GOV-15's defaults from the genesis: {@code maxTransactionsPerBlock} 10,000, {@code
   * transactionGasLimit} the block gas limit, {@code roundTimeoutMs} 0 (each node's own).
   */
  public static SystemParameters defaults(long blockGasLimit, long blockIntervalMs) {
    return new SystemParameters(blockGasLimit, MAX_TRANSACTIONS_PER_BLOCK_DEFAULT, blockIntervalMs,
        blockGasLimit, ROUND_TIMEOUT_MS_NODE_CONFIGURED);
  }

  /** The value of {@code key}. */
  public long get(Key key) {
    return switch (key) {
      case blockGasLimit -> blockGasLimit;
      case maxTransactionsPerBlock -> maxTransactionsPerBlock;
      case blockIntervalMs -> blockIntervalMs;
      case transactionGasLimit -> transactionGasLimit;
      case roundTimeoutMs -> roundTimeoutMs;
    };
  }

  /**
   * A copy with {@code key} set to {@code value}.
   *
   * @throws IllegalArgumentException if {@code value} is outside the key's range, naming the key
   */
  public SystemParameters with(Key key, long value) {
    key.check(value);
    return new SystemParameters(
        key == Key.blockGasLimit ? value : blockGasLimit,
        key == Key.maxTransactionsPerBlock ? (int) value : maxTransactionsPerBlock,
        key == Key.blockIntervalMs ? value : blockIntervalMs,
        key == Key.transactionGasLimit ? value : transactionGasLimit,
        key == Key.roundTimeoutMs ? value : roundTimeoutMs);
  }

  /** The most gas one transaction of such a block may ask for: the smaller of the two limits. */
  public long effectiveTransactionGasLimit() {
    return Math.min(blockGasLimit, transactionGasLimit);
  }
}

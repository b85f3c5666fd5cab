package org.xinlian.node.consensus;

/**
 * BFT timing (docs/spec/consensus.md CONSENSUS-5). Every validator should use the same values:
 * a proposer that waits longer than the others' round deadline costs a round change. The chain's
 * parameters (GOV-15, CONSENSUS-23) time each height: the proposal wait is always their {@code
 * blockIntervalMs}, and their {@code roundTimeoutMs}, when not 0, replaces this one.
 *
 * @param roundTimeoutMs the deadline of round 0 after the proposal wait, unless the chain sets
 *     one; it doubles with each round up to 64 times this
 * @param blockIntervalMs least time between a commit and the next proposal when transactions
 *     are pending; 0 proposes as soon as the previous height is committed
 * @param blockBuildTimeMs how long a proposer may spend executing candidates into its block
 *     before it seals it (CONSENSUS-21); at most {@code roundTimeoutMs}, so a proposal reaches the
 *     others inside their round. Only the proposer's clock decides it: the others check the block
 *     by gas alone.
 */
public record ConsensusConfig(long roundTimeoutMs, long blockIntervalMs, long blockBuildTimeMs) {
  /** Besu's QBFT default request timeout is 10 s; a local consortium network answers in ms. */
  public static final long ROUND_TIMEOUT_MS_DEFAULT = 2_000;
  /** Below this a round cannot carry a proposal, a quorum of prepares and one of commits. */
  public static final long ROUND_TIMEOUT_MS_MIN = 100;
  public static final long ROUND_TIMEOUT_MS_MAX = 600_000;
  /** Blocks further apart than an hour are a configuration mistake, as in the genesis. */
  public static final long BLOCK_INTERVAL_MS_MAX = 3_600_000;

  /** The build budget when the configuration names none: half the round's deadline. */
  public static final int BLOCK_BUILD_TIME_DEFAULT_DIVISOR = 2;
  public static final long BLOCK_BUILD_TIME_MS_MIN = 1;

  public ConsensusConfig {
    if (roundTimeoutMs < ROUND_TIMEOUT_MS_MIN || roundTimeoutMs > ROUND_TIMEOUT_MS_MAX) {
      throw new IllegalArgumentException("consensus.roundTimeoutMs: must be " + ROUND_TIMEOUT_MS_MIN
          + " to " + ROUND_TIMEOUT_MS_MAX + ", got " + roundTimeoutMs);
    }
    if (blockIntervalMs < 0 || blockIntervalMs > BLOCK_INTERVAL_MS_MAX) {
      throw new IllegalArgumentException("consensus.blockIntervalMs: must be 0 to "
          + BLOCK_INTERVAL_MS_MAX + ", got " + blockIntervalMs);
    }
    if (blockBuildTimeMs < BLOCK_BUILD_TIME_MS_MIN || blockBuildTimeMs > roundTimeoutMs) {
      throw new IllegalArgumentException("consensus.blockBuildTimeMs: must be "
          + BLOCK_BUILD_TIME_MS_MIN + " to roundTimeoutMs (" + roundTimeoutMs + "), got "
          + blockBuildTimeMs);
    }
  }

  /** Timing with the default build budget for {@code roundTimeoutMs}. */
  public ConsensusConfig(long roundTimeoutMs, long blockIntervalMs) {
    this(roundTimeoutMs, blockIntervalMs, roundTimeoutMs / BLOCK_BUILD_TIME_DEFAULT_DIVISOR);
  }

  public static ConsensusConfig defaults() {
    return new ConsensusConfig(ROUND_TIMEOUT_MS_DEFAULT, 0);
  }
}

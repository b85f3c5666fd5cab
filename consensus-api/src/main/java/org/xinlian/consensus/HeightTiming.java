package org.xinlian.consensus;

/**
 * The timing of one height when the chain sets it (docs/spec/consensus.md CONSENSUS-23): on a
 * node, the governed system parameters of that height (docs/spec/governance.md GOV-15). The
 * proposal delay is part of every validator's round-0 deadline, so it is a chain-wide value, not
 * each node's own.
 *
 * @param proposalDelayMillis how long the round-0 proposer waits after the previous block before
 *     proposing: the chain's block interval (a driver may release it sooner when transactions
 *     are pending)
 * @param roundTimeoutBaseMillis the deadline of round 0 after the proposal delay, doubling with the
 *     round (CONSENSUS-5)
 */
public record HeightTiming(long proposalDelayMillis, long roundTimeoutBaseMillis) {
  /** Longest delay or base deadline: an hour, as the engine's own settings allow. */
  public static final long MILLIS_MAX = 3_600_000;

  public HeightTiming {
    if (proposalDelayMillis < 0 || proposalDelayMillis > MILLIS_MAX) {
      throw new IllegalArgumentException("proposalDelayMillis: must be 0 to " + MILLIS_MAX + ", got "
          + proposalDelayMillis);
    }
    if (roundTimeoutBaseMillis < 1 || roundTimeoutBaseMillis > MILLIS_MAX) {
      throw new IllegalArgumentException("roundTimeoutBaseMillis: must be 1 to " + MILLIS_MAX + ", got "
          + roundTimeoutBaseMillis);
    }
  }
}

package org.xinlian.consensus.bft;

import org.xinlian.consensus.HeightTiming;

/**
 * The engine's timing, in milliseconds of the driver's clock (simulated time in the simulator):
 * of every height the application times no differently ({@link #forHeight}).
 *
 * @param proposalDelayMillis how long the round-0 proposer waits after the previous block before
 *     proposing: the block interval (0 proposes at once, still through a timeout so that one
 *     event never decides two heights)
 * @param roundTimeoutBaseMillis the deadline of round 0 (after the proposal delay)
 * @param roundTimeoutDoublingsMax how many times the deadline doubles with the round before it
 *     stops growing (CONSENSUS-5)
 * @param retransmitIntervalMillis how often a validator resends its messages of the current round,
 *     which is what carries a round over lost messages (CONSENSUS-6)
 */
public record BftSettings(
    long proposalDelayMillis,
    long roundTimeoutBaseMillis,
    int roundTimeoutDoublingsMax,
    long retransmitIntervalMillis) {
  /** Most doublings allowed: beyond this a round would last longer than any network partition worth waiting out. */
  public static final int ROUND_TIMEOUT_DOUBLINGS_LIMIT = 20;

  /** Longest base deadline (an hour); doubled to the limit it still fits a long many times over. */
  public static final long ROUND_TIMEOUT_BASE_MILLIS_MAX = 3_600_000;

  public BftSettings {
    if (proposalDelayMillis < 0) {
      throw new IllegalArgumentException("proposalDelayMillis: must not be negative");
    }
    if (roundTimeoutBaseMillis < 1 || retransmitIntervalMillis < 1) {
      throw new IllegalArgumentException(
          "roundTimeoutBaseMillis, retransmitIntervalMillis: must be at least 1");
    }
    if (roundTimeoutBaseMillis > ROUND_TIMEOUT_BASE_MILLIS_MAX
        || proposalDelayMillis > ROUND_TIMEOUT_BASE_MILLIS_MAX) {
      throw new IllegalArgumentException("roundTimeoutBaseMillis, proposalDelayMillis: at most "
          + ROUND_TIMEOUT_BASE_MILLIS_MAX);
    }
    if (roundTimeoutDoublingsMax < 0 || roundTimeoutDoublingsMax > ROUND_TIMEOUT_DOUBLINGS_LIMIT) {
      throw new IllegalArgumentException(
          "roundTimeoutDoublingsMax: must be in [0, " + ROUND_TIMEOUT_DOUBLINGS_LIMIT + "]");
    }
  }

  /**
   * One-second blocks on a local network: rounds of 2 s doubling up to about 2 minutes, and a
   * retransmission every second.
   */
  public static BftSettings defaults() {
    return new BftSettings(1_000, 2_000, 6, 1_000);
  }

  /**
   * These settings with the chain's timing of one height (CONSENSUS-23): its proposal delay and
   * round deadline; retransmission stays as configured but at most half that deadline, so a
   * round shortened by the chain still carries a retransmission.
   */
  BftSettings forHeight(HeightTiming timing) {
    return new BftSettings(timing.proposalDelayMillis(), timing.roundTimeoutBaseMillis(),
        roundTimeoutDoublingsMax,
        Math.min(retransmitIntervalMillis, Math.max(1, timing.roundTimeoutBaseMillis() / 2)));
  }

  /** The deadline of {@code round}: the base doubled per round up to the cap, plus the delay in round 0. */
  public long roundTimeoutMillis(int round) {
    long grown = roundTimeoutBaseMillis << Math.min(round, roundTimeoutDoublingsMax);
    return round == 0 ? proposalDelayMillis + grown : grown;
  }
}

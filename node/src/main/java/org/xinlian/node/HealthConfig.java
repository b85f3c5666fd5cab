package org.xinlian.node;

import java.util.OptionalInt;

/**
 * What the node reports about its own health, and how it fails stop (docs/spec/node.md NODE-17,
 * NODE-18).
 *
 * @param failStopExitDelayMs how long a node that failed stop keeps answering {@code /health}
 *     (503) and reads before it exits for its supervisor to restart it, so load balancers and
 *     monitors see why
 * @param readyPeersMin authenticated peers a BFT node needs to be ready; empty means enough to
 *     reach a quorum with itself (quorum − 1 of the current validators, at least 1)
 * @param readyCommitAgeMaxMs the longest a BFT node may go without a commit and still be ready
 */
public record HealthConfig(long failStopExitDelayMs, OptionalInt readyPeersMin, long readyCommitAgeMaxMs) {
  /** Long enough for a load balancer's health check to take the node out of rotation. */
  public static final long FAIL_STOP_EXIT_DELAY_MS_DEFAULT = 5_000;
  public static final long FAIL_STOP_EXIT_DELAY_MS_MAX = 600_000;
  public static final int READY_PEERS_MAX = 1_000;
  /** A minute without a block: BFT proposers make an empty block every second by default. */
  public static final long READY_COMMIT_AGE_MAX_MS_DEFAULT = 60_000;
  public static final long READY_COMMIT_AGE_MAX_MS_MIN = 1_000;
  public static final long READY_COMMIT_AGE_MAX_MS_MAX = 86_400_000;

  public HealthConfig {
    if (failStopExitDelayMs < 0 || failStopExitDelayMs > FAIL_STOP_EXIT_DELAY_MS_MAX) {
      throw new IllegalArgumentException("health.failStopExitDelayMs: must be 0 to "
          + FAIL_STOP_EXIT_DELAY_MS_MAX + ", got " + failStopExitDelayMs);
    }
    if (readyPeersMin.isPresent()
        && (readyPeersMin.getAsInt() < 0 || readyPeersMin.getAsInt() > READY_PEERS_MAX)) {
      throw new IllegalArgumentException("health.readyPeersMin: must be 0 to " + READY_PEERS_MAX
          + ", got " + readyPeersMin.getAsInt());
    }
    if (readyCommitAgeMaxMs < READY_COMMIT_AGE_MAX_MS_MIN || readyCommitAgeMaxMs > READY_COMMIT_AGE_MAX_MS_MAX) {
      throw new IllegalArgumentException("health.readyCommitAgeMaxMs: must be "
          + READY_COMMIT_AGE_MAX_MS_MIN + " to " + READY_COMMIT_AGE_MAX_MS_MAX + ", got "
          + readyCommitAgeMaxMs);
    }
  }

  public static HealthConfig defaults() {
    return new HealthConfig(FAIL_STOP_EXIT_DELAY_MS_DEFAULT, OptionalInt.empty(),
        READY_COMMIT_AGE_MAX_MS_DEFAULT);
  }
}

package org.xinlian.network;

import org.xinlian.common.RandomSource;

/**
 * Reconnect delays: exponential from an initial delay up to a cap, with "equal jitter" (a delay
 * drawn uniformly from the upper half of the current step) so that nodes restarted together do
 * not redial in lockstep, while a delay never falls below half its step.
 */
final class Backoff {
  private final long initialMillis;
  private final long maxMillis;
  private final RandomSource random;

  Backoff(long initialMillis, long maxMillis, RandomSource random) {
    if (initialMillis < 1 || maxMillis < initialMillis) {
      throw new IllegalArgumentException("backoff: need 1 <= initialMillis <= maxMillis");
    }
    this.initialMillis = initialMillis;
    this.maxMillis = maxMillis;
    this.random = random;
  }

  /** The ceiling of step {@code attempt} (0 for the first retry): initial * 2^attempt, capped. */
  long ceilingMillis(int attempt) {
    long ceiling = initialMillis;
    for (int i = 0; i < attempt && ceiling < maxMillis; i++) {
      ceiling = ceiling * 2;
    }
    return Math.min(ceiling, maxMillis);
  }

  /** A delay in [ceiling / 2, ceiling] for this attempt. */
  long delayMillis(int attempt) {
    long ceiling = ceilingMillis(Math.max(0, attempt));
    long half = ceiling / 2;
    long spread = Math.min(ceiling - half, Integer.MAX_VALUE - 1L);
    return half + random.nextInt((int) spread + 1);
  }
}

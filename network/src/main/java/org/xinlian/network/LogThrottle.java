package org.xinlian.network;

import java.util.HashMap;
import java.util.Map;
import org.xinlian.common.Clock;

/**
 * Lets at most one log line per key through in each interval and counts the lines held back, so a
 * flood of identical events writes a few lines a minute, each saying how many it stands for
 * (NETWORK-5). Time comes from the {@link Clock}. Keys must come from a small fixed set (a reason
 * enum), so the table stays bounded whatever a peer does.
 *
 * @param <K> what lines are grouped by
 */
final class LogThrottle<K> {
  /** Returned by {@link #admit} when the line is held back. */
  static final long SUPPRESS = -1;

  private final Clock clock;
  private final long intervalNanos;
  private final Map<K, State> states = new HashMap<>();

  private static final class State {
    long loggedAtNanos;
    long suppressed;
  }

  LogThrottle(Clock clock, long intervalMillis) {
    if (intervalMillis < 0) {
      throw new IllegalArgumentException("intervalMillis: must not be negative");
    }
    this.clock = clock;
    this.intervalNanos = intervalMillis * 1_000_000;
  }

  /**
   * Whether a line for {@code key} may be written now: {@link #SUPPRESS} when one was written
   * less than the interval ago (this one is counted), otherwise the number of lines held back
   * since the last one written, which the caller should mention.
   */
  synchronized long admit(K key) {
    long now = clock.nanoTime();
    State state = states.get(key);
    if (state == null) {
      state = new State();
      state.loggedAtNanos = now;
      states.put(key, state);
      return 0;
    }
    if (now - state.loggedAtNanos < intervalNanos) {
      state.suppressed++;
      return SUPPRESS;
    }
    long suppressed = state.suppressed;
    state.suppressed = 0;
    state.loggedAtNanos = now;
    return suppressed;
  }
}

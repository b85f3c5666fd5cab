package org.xinlian.testkit;

import java.util.Optional;
import org.xinlian.consensus.HeightTiming;

/**
 * The chain's own timing changing with the height (CONSENSUS-23, docs/spec/governance.md GOV-15): a
 * governance vote on {@code blockIntervalMs} or {@code roundTimeoutMs} takes effect at a height on
 * every node at once. Every {@code changeEveryHeights} heights the application answers a new
 * proposal delay and round timeout drawn from the seed and the period, the same on every node, so
 * engines at different heights time their rounds differently while they run together.
 *
 * @param changeEveryHeights 0 for none: the engines keep their settings
 */
public record TimingSchedule(int changeEveryHeights, long seed) {
  /** Round deadlines drawn stay within the simulator's usual range. */
  static final long ROUND_TIMEOUT_BASE_MIN_MILLIS = 100;
  static final long ROUND_TIMEOUT_BASE_SPREAD_MILLIS = 300;
  static final long PROPOSAL_DELAY_SPREAD_MILLIS = 60;

  public TimingSchedule {
    if (changeEveryHeights < 0) {
      throw new IllegalArgumentException("timing schedule: changeEveryHeights must not be negative");
    }
  }

  public static TimingSchedule none() {
    return new TimingSchedule(0, 0);
  }

  /** The timing the chain sets for {@code height}, if it sets one. */
  public Optional<HeightTiming> at(long height) {
    if (changeEveryHeights == 0 || height < changeEveryHeights) {
      return Optional.empty();
    }
    long period = height / changeEveryHeights;
    long mixed = mix(seed ^ mix(period));
    long delay = Math.floorMod(mixed, PROPOSAL_DELAY_SPREAD_MILLIS);
    long timeout = ROUND_TIMEOUT_BASE_MIN_MILLIS + Math.floorMod(mixed >>> 20, ROUND_TIMEOUT_BASE_SPREAD_MILLIS);
    return Optional.of(new HeightTiming(delay, timeout));
  }

  /** SplitMix64's finaliser: a fixed, well-spread function of its input. */
  private static long mix(long value) {
    long z = value + 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}

package org.xinlian.testkit;

/**
 * How the simulated network treats each message: lost with some probability, delivered twice
 * with another, after a delay drawn uniformly from a range (so messages overtake each other).
 * Probabilities are in thousandths, to keep runs free of floating point.
 */
public record NetworkConditions(
    int dropPermille, int duplicatePermille, long delayMinMillis, long delayMaxMillis) {
  public NetworkConditions {
    if (dropPermille < 0 || dropPermille > 1000 || duplicatePermille < 0 || duplicatePermille > 1000) {
      throw new IllegalArgumentException("permille values must be in [0, 1000]");
    }
    if (delayMinMillis < 0 || delayMaxMillis < delayMinMillis) {
      throw new IllegalArgumentException("delays: need 0 <= min <= max");
    }
  }

  /** A healed network: nothing lost, a few duplicates, delays up to 30 ms. */
  public static NetworkConditions calm() {
    return new NetworkConditions(0, 20, 1, 30);
  }
}

package org.xinlian.testkit;

/**
 * A checker found a violation (or the cluster stopped making progress). The message names the
 * seed and how to replay it.
 */
public final class SimulationFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final long seed;

  public SimulationFailure(long seed, String problem) {
    this(seed, problem, null);
  }

  /** A failure caused by an exception escaping a node (an invariant violation, a bug). */
  public SimulationFailure(long seed, String problem, Throwable cause) {
    super("seed " + seed + ": " + problem + " (replay: mvn -B -o -pl testkit test"
        + " -Dtest=SimulationSeedsTest -Dsim.seed=" + seed + ")", cause);
    this.seed = seed;
  }

  public long seed() {
    return seed;
  }
}

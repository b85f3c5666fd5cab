package org.xinlian.common;

/**
 * The only way time enters Xinlian. Execution and consensus never read the wall clock directly:
 * they are given a {@code Clock}, so the deterministic simulator can drive time.
 */
public interface Clock {
  /** Milliseconds since the Unix epoch. */
  long currentTimeMillis();

  /** A monotonic reading in nanoseconds, for measuring intervals only. */
  long nanoTime();

  /** The operating system's clock, for wiring a real node. */
  static Clock system() {
    return SystemClock.INSTANCE;
  }
}

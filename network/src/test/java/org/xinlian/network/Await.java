package org.xinlian.network;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.function.BooleanSupplier;

/**
 * Waits for a condition with a generous bound; no test measures how long anything takes, and only
 * requirements that state a bound use a tighter one ({@link #within}).
 */
final class Await {
  static final long TIMEOUT_MILLIS = 30_000;

  private Await() {}

  static void until(String what, BooleanSupplier condition) {
    within(TIMEOUT_MILLIS, what, condition);
  }

  /**
   * Waits at most {@code boundMillis}: for a requirement that states a bound, such as an allowed
   * peer getting in long before a flood's stalled handshakes time out.
   */
  static void within(long boundMillis, String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + boundMillis * 1_000_000;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        fail("timed out after " + boundMillis + " ms waiting for: " + what);
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        fail("interrupted waiting for: " + what);
      }
    }
  }
}

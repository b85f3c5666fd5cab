package org.xinlian.cli;

import java.time.Duration;
import java.util.Arrays;
import java.util.OptionalLong;
import java.util.function.BooleanSupplier;

/**
 * Watches the heights of a network's nodes over a window: how many blocks the slowest node
 * committed per second, and the longest time any node went without a new block — what the
 * adversarial suite bounds while an attack runs.
 */
final class BlockRates {
  private static final long SAMPLE_MS = 100;

  private BlockRates() {}

  /**
   * What a window saw.
   *
   * @param blocksPerSecond blocks the slowest node committed per second of the window
   * @param longestGapMillis the longest time one node's height stood still (a node that did not
   *     answer counts as standing still)
   */
  record Window(double blocksPerSecond, long longestGapMillis, long[] heightsAtStart, long[] heightsAtEnd,
      long millis) {
    @Override
    public String toString() {
      return String.format("%.2f blocks/s over %d ms, longest gap %d ms, heights %s -> %s", blocksPerSecond,
          millis, longestGapMillis, Arrays.toString(heightsAtStart), Arrays.toString(heightsAtEnd));
    }
  }

  static Window measure(NetworkChain chain, Duration window, int... nodes) {
    return measureUntil(chain, window, () -> false, nodes);
  }

  /** Samples the heights until {@code done} holds or {@code limit} passes. */
  static Window measureUntil(NetworkChain chain, Duration limit, BooleanSupplier done, int... nodes) {
    long start = System.nanoTime();
    long[] first = new long[nodes.length];
    long[] last = new long[nodes.length];
    long[] changedAt = new long[nodes.length];
    long longestGap = 0;
    for (int i = 0; i < nodes.length; i++) {
      first[i] = chain.height(nodes[i]).orElse(-1);
      last[i] = first[i];
      changedAt[i] = start;
    }
    while (System.nanoTime() - start < limit.toNanos() && !done.getAsBoolean()) {
      sleep();
      long now = System.nanoTime();
      for (int i = 0; i < nodes.length; i++) {
        OptionalLong height = chain.height(nodes[i]);
        if (height.isPresent() && height.getAsLong() > last[i]) {
          last[i] = height.getAsLong();
          changedAt[i] = now;
        }
        longestGap = Math.max(longestGap, (now - changedAt[i]) / 1_000_000);
      }
    }
    long millis = Math.max(1, (System.nanoTime() - start) / 1_000_000);
    long slowest = Long.MAX_VALUE;
    for (int i = 0; i < nodes.length; i++) {
      slowest = Math.min(slowest, last[i] - first[i]);
    }
    return new Window(slowest * 1000.0 / millis, longestGap, first, last, millis);
  }

  private static void sleep() {
    try {
      Thread.sleep(SAMPLE_MS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while measuring block rates", e);
    }
  }
}

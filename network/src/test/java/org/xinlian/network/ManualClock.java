package org.xinlian.network;

import org.xinlian.common.Clock;

/** A clock tests move by hand. */
final class ManualClock implements Clock {
  private long nanos = 1_000_000_000L;

  void advanceMillis(long millis) {
    nanos += millis * 1_000_000;
  }

  @Override
  public long currentTimeMillis() {
    return nanos / 1_000_000;
  }

  @Override
  public long nanoTime() {
    return nanos;
  }
}

package org.xinlian.sdk;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import org.xinlian.common.Clock;

/**
 * Time as the client's polling sees it. Injected so that tests of {@link
 * XinlianClient#waitForReceipt} drive a virtual clock and never depend on how fast a machine is.
 */
public interface Waiter {
  /** A monotonic reading in nanoseconds. */
  long nanoTime();

  /** Pauses the calling thread for about {@code duration}. */
  void pause(Duration duration) throws InterruptedException;

  /** Real time: the system's monotonic clock, parking the thread between polls. */
  static Waiter system() {
    return new Waiter() {
      @Override
      public long nanoTime() {
        return Clock.system().nanoTime();
      }

      @Override
      public void pause(Duration duration) throws InterruptedException {
        long end = nanoTime() + duration.toNanos();
        for (long left = duration.toNanos(); left > 0; left = end - nanoTime()) {
          LockSupport.parkNanos(left);
          if (Thread.interrupted()) {
            throw new InterruptedException("interrupted while waiting for the node");
          }
        }
      }
    };
  }
}

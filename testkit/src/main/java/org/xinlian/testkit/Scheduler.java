package org.xinlian.testkit;

import java.util.PriorityQueue;
import org.xinlian.common.Clock;

/**
 * Simulated time: a queue of events ordered by time, then by the order they were scheduled, so a
 * run is a pure function of its seed. It is also the nodes' {@link Clock}.
 */
public final class Scheduler implements Clock {
  /** Simulated time 0 is this wall-clock instant (2024-06-01), so block timestamps look real. */
  public static final long EPOCH_MILLIS = 1_717_200_000_000L;

  private record Event(long time, long sequence, Runnable action) {}

  private final PriorityQueue<Event> queue = new PriorityQueue<>((a, b) -> a.time != b.time
      ? Long.compare(a.time, b.time) : Long.compare(a.sequence, b.sequence));
  private long now;
  private long sequence;
  private long executed;

  /** Runs {@code action} {@code delayMillis} from now. */
  public void after(long delayMillis, Runnable action) {
    queue.add(new Event(now + Math.max(0, delayMillis), sequence++, action));
  }

  /** Runs the next event if it is due by {@code until}; false when none is. */
  public boolean runNext(long until) {
    Event next = queue.peek();
    if (next == null || next.time > until) {
      return false;
    }
    queue.poll();
    now = next.time;
    executed++;
    next.action.run();
    return true;
  }

  /** Simulated milliseconds since the run began. */
  public long now() {
    return now;
  }

  public long executed() {
    return executed;
  }

  /** Moves time to {@code time} when no event is due before it. */
  public void advanceTo(long time) {
    now = Math.max(now, time);
  }

  @Override
  public long currentTimeMillis() {
    return EPOCH_MILLIS + now;
  }

  @Override
  public long nanoTime() {
    return now * 1_000_000L;
  }
}

package org.xinlian.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.xinlian.common.Clock;
import org.xinlian.ledger.snapshot.SnapshotProgress;

/** The snapshot progress bar (docs/spec/snapshot.md SNAPSHOT-10). */
class ProgressBarTest {
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private long now;
  private final Clock clock = new Clock() {
    @Override
    public long currentTimeMillis() {
      return 0;
    }

    @Override
    public long nanoTime() {
      return now;
    }
  };
  private final ProgressBar bar =
      new ProgressBar(new PrintStream(err, true, StandardCharsets.UTF_8), clock);

  /** The line format given in the spec. */
  @Test
  void lineShowsBarPercentAndCounts() {
    assertEquals(
        "[#########           ]  45%  12,345 accounts  3,210 slots",
        ProgressBar.line(new SnapshotProgress(45, 12_345, 3_210, 7, 99)));
    assertEquals(
        "[####################] 100%  0 accounts  0 slots",
        ProgressBar.line(new SnapshotProgress(100, 0, 0, 0, 0)));
  }

  /** Reports within a quarter second of the last redraw are not drawn; finish draws the last. */
  @Test
  void redrawsAtMostFourTimesASecond() {
    bar.onProgress(new SnapshotProgress(1, 1, 0, 0, 0));
    now += ProgressBar.REDRAW_INTERVAL_NANOS - 1;
    bar.onProgress(new SnapshotProgress(2, 2, 0, 0, 0));
    now += 1;
    bar.onProgress(new SnapshotProgress(3, 3, 0, 0, 0));
    bar.onProgress(new SnapshotProgress(4, 4, 0, 0, 0));
    bar.finish();
    String drawn = err.toString(StandardCharsets.UTF_8);
    assertEquals(
        "\r" + ProgressBar.line(new SnapshotProgress(1, 1, 0, 0, 0))
            + "\r" + ProgressBar.line(new SnapshotProgress(3, 3, 0, 0, 0))
            + "\r" + ProgressBar.line(new SnapshotProgress(4, 4, 0, 0, 0))
            + System.lineSeparator(),
        drawn);
  }

  @Test
  void finishWithoutProgressPrintsNothing() {
    bar.finish();
    assertEquals("", err.toString(StandardCharsets.UTF_8));
  }
}

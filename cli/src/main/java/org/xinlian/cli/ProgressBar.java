package org.xinlian.cli;

import java.io.PrintStream;
import java.util.Locale;
import org.xinlian.common.Clock;
import org.xinlian.ledger.snapshot.ProgressListener;
import org.xinlian.ledger.snapshot.SnapshotProgress;

/**
 * A one-line progress bar on standard error, redrawn in place with {@code \r}. The ledger reports
 * after every account; redrawing that often would cost more than the work, so the bar redraws at
 * most every {@link #REDRAW_INTERVAL_NANOS}, measured on the CLI's clock.
 */
final class ProgressBar implements ProgressListener {
  /** A quarter of a second: smooth to the eye, negligible work. */
  static final long REDRAW_INTERVAL_NANOS = 250_000_000L;
  static final int WIDTH = 20;

  private final PrintStream err;
  private final Clock clock;
  private SnapshotProgress latest;
  private boolean drawn;
  private long lastDrawNanos;

  ProgressBar(PrintStream err, Clock clock) {
    this.err = err;
    this.clock = clock;
  }

  @Override
  public void onProgress(SnapshotProgress progress) {
    latest = progress;
    long now = clock.nanoTime();
    if (!drawn || now - lastDrawNanos >= REDRAW_INTERVAL_NANOS) {
      draw();
      lastDrawNanos = now;
    }
  }

  /** Draws the latest state (if any was reported) and ends the line. */
  void finish() {
    if (latest != null) {
      draw();
      err.println();
      latest = null;
    }
  }

  private void draw() {
    err.print("\r" + line(latest));
    err.flush();
    drawn = true;
  }

  static String line(SnapshotProgress progress) {
    int percent = Math.max(0, Math.min(100, progress.percent()));
    int filled = percent * WIDTH / 100;
    return "[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] "
        + String.format(Locale.ROOT, "%3d%%  %,d accounts  %,d slots",
            percent, progress.accounts(), progress.slots());
  }
}

package org.xinlian.cli.bench;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.xinlian.common.Clock;

/**
 * The measured phase's progress on standard error. On a terminal, one bar redrawn in place with
 * {@code \r} at most four times a second; elsewhere (a pipe, a log file, CI) redrawing would
 * fill the file with carriage returns, so a plain line every few seconds and a last one at the end.
 */
public final class BenchProgress implements LoadRunner.ProgressListener {
  /** A quarter of a second between redraws of the bar: smooth to the eye, negligible work. */
  static final long REDRAW_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(250);
  /** Five seconds between lines when not on a terminal: a 60 s run logs about a dozen lines. */
  static final long LINE_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(5);
  static final int BAR_WIDTH = 20;

  /** How progress is shown. */
  public enum Style {
    /** A bar redrawn in place, for terminals. */
    BAR,
    /** A line now and then, for pipes and files. */
    LINES,
    /** Nothing. */
    NONE
  }

  private final PrintStream err;
  private final Clock clock;
  private final Style style;
  private final String label;
  private long lastDrawNanos;
  private boolean drawn;
  private String line = "";
  private String lastPrinted = "";

  /** @param label put before the counts (the node's name in a comparison), or empty */
  public BenchProgress(PrintStream err, Clock clock, Style style, String label) {
    this.err = err;
    this.clock = clock;
    this.style = style;
    this.label = label.isEmpty() ? "" : label + "  ";
  }

  @Override
  public synchronized void onProgress(int sent, int included, int failed, int total) {
    line = line(sent, included, failed, total);
    long now = clock.nanoTime();
    long interval = style == Style.BAR ? REDRAW_INTERVAL_NANOS : LINE_INTERVAL_NANOS;
    if (!drawn || now - lastDrawNanos >= interval) {
      draw();
      lastDrawNanos = now;
    }
  }

  /** Draws the final counts (once, unless unchanged since the last line) and ends the bar's line. */
  @Override
  public synchronized void finish() {
    if (!drawn) {
      return;
    }
    if (style == Style.BAR) {
      err.print("\r" + line);
      err.println();
    } else if (style == Style.LINES && !line.equals(lastPrinted)) {
      draw();
    }
    drawn = false;
  }

  private void draw() {
    drawn = true;
    switch (style) {
      case BAR -> {
        err.print("\r" + line);
        err.flush();
      }
      case LINES -> {
        err.println(line);
        lastPrinted = line;
      }
      case NONE -> { }
    }
  }

  String line(int sent, int included, int failed, int total) {
    int percent = total == 0 ? 100 : (int) (100L * included / total);
    String counts = String.format(Locale.ROOT, "%3d%%  sent %,d  included %,d  rejected %,d  of %,d",
        percent, sent, included, failed, total);
    if (style == Style.BAR) {
      int filled = percent * BAR_WIDTH / 100;
      return label + "[" + "#".repeat(filled) + " ".repeat(BAR_WIDTH - filled) + "] " + counts;
    }
    return label + "progress " + counts;
  }
}

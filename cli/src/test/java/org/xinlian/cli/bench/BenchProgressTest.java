package org.xinlian.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.xinlian.common.Clock;

/** The measured phase's progress: a bar on a terminal, sparse plain lines elsewhere. */
class BenchProgressTest {
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

  private BenchProgress progress(BenchProgress.Style style, String label) {
    return new BenchProgress(new PrintStream(err, true, StandardCharsets.UTF_8), clock, style, label);
  }

  private String printed() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void barRedrawsInPlaceAtMostFourTimesASecond() {
    BenchProgress bar = progress(BenchProgress.Style.BAR, "");
    bar.onProgress(10, 0, 0, 100);
    now += BenchProgress.REDRAW_INTERVAL_NANOS - 1;
    bar.onProgress(20, 10, 0, 100);
    now += 1;
    bar.onProgress(30, 45, 1, 100);
    bar.onProgress(100, 99, 1, 100);
    bar.finish();
    assertEquals("\r[                    ]   0%  sent 10  included 0  rejected 0  of 100"
        + "\r[#########           ]  45%  sent 30  included 45  rejected 1  of 100"
        + "\r[###################" + " ]  99%  sent 100  included 99  rejected 1  of 100"
        + System.lineSeparator(), printed());
  }

  /** A log file gets a line every five seconds and the final counts, and no carriage return. */
  @Test
  void linesAreSparseWithoutCarriageReturns() {
    BenchProgress lines = progress(BenchProgress.Style.LINES, "A Xinlian");
    for (int step = 0; step <= 900; step++) {
      lines.onProgress(step * 20, step * 20, 0, 20_000);
      now += 10_000_000L; // the poller reports about every 10 ms: 9 s in all
    }
    lines.finish();
    String[] printed = printed().split(System.lineSeparator());
    assertFalse(printed().contains("\r"));
    // At 0 s and 5 s, then the final counts: 3 lines, not 901.
    assertEquals(3, printed.length, printed());
    assertEquals("A Xinlian  progress   0%  sent 0  included 0  rejected 0  of 20,000", printed[0]);
    assertEquals("A Xinlian  progress  50%  sent 10,000  included 10,000  rejected 0  of 20,000", printed[1]);
    assertEquals("A Xinlian  progress  90%  sent 18,000  included 18,000  rejected 0  of 20,000", printed[2]);
  }

  @Test
  void theFinalLineIsNotRepeatedWhenAlreadyPrinted() {
    BenchProgress lines = progress(BenchProgress.Style.LINES, "");
    lines.onProgress(5, 5, 0, 5);
    lines.finish();
    assertEquals("progress 100%  sent 5  included 5  rejected 0  of 5" + System.lineSeparator(), printed());
  }

  @Test
  void noneAndAnUnusedDisplayPrintNothing() {
    BenchProgress none = progress(BenchProgress.Style.NONE, "");
    none.onProgress(1, 1, 0, 2);
    none.finish();
    progress(BenchProgress.Style.BAR, "").finish();
    progress(BenchProgress.Style.LINES, "").finish();
    assertEquals("", printed());
  }
}

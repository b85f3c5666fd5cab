package org.xinlian.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code xinlian bench}'s own options are checked before anything is sent. */
class BenchCommandTest {
  @TempDir Path directory;

  private CliRun.Result run(String... args) {
    return new CliRun(directory).withoutTerminal().run(args);
  }

  @Test
  void theComparedEndpointMustBeHttp() {
    CliRun.Result result = run("bench", "--rpc", "http://127.0.0.1:1", "--compare", "ws://127.0.0.1:2");
    assertEquals(1, result.errLines().size(), result.err());
    assertTrue(result.err().contains("--compare: must be an http:// or https:// URL, got ws://127.0.0.1:2"),
        result.err());
    assertEquals("", result.out());
  }

  @Test
  void anUnknownProgressStyleIsRefused() {
    CliRun.Result result = run("bench", "--progress", "fancy");
    assertEquals(1, result.errLines().size(), result.err());
    assertTrue(result.err().contains("--progress: must be auto, bar, lines or none, got fancy"), result.err());
  }

  @Test
  void theHelpDescribesTheComparison() {
    CliRun.Result result = run("bench", "--help");
    assertEquals(0, result.exitCode(), result.err());
    assertTrue(result.out().contains("--compare=URL"), result.out());
    assertTrue(result.out().replaceAll("\\s+", " ").contains("sign the workload once with fees both accept"),
        result.out());
  }
}

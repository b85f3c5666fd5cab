package org.xinlian.evm.statetest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.xinlian.common.Clock;

/**
 * ethereum/tests GeneralStateTests (Cancun post states) from {@code oracles.dir}, all of them:
 * every post entry must reproduce the expected state root and logs hash exactly (EVM-8), through
 * the same runner as {@code xinlian evm statetest} (EVM-9). {@code -Devm.stateTests=dir1,dir2}
 * (relative to GeneralStateTests) runs just those directories; {@code -Devm.stateTests.threads=N}
 * sets the pool size (default: one thread per processor). Prints per-folder totals and times and
 * the ten slowest cases, to keep an eye on the CI budget.
 */
class GeneralStateTestsTest {
  private static final int SLOWEST_SHOWN = 10;

  @Test
  void cancunPostStatesMatch() throws IOException {
    Path base = Path.of(System.getProperty("oracles.dir", "../shared/oracles"), "ethereum-tests", "GeneralStateTests");
    if (!Files.isDirectory(base)) {
      if ("true".equals(System.getProperty("oracles.required"))) {
        throw new AssertionError("GeneralStateTests missing at " + base);
      }
      Assumptions.abort("GeneralStateTests not found at " + base + "; skipping");
    }
    String directories = System.getProperty("evm.stateTests", "all");
    List<Path> roots = new ArrayList<>();
    for (String directory : directories.equals("all") ? List.of(".") : List.of(directories.split(","))) {
      roots.add(base.resolve(directory.trim()));
    }
    int threads = Integer.getInteger("evm.stateTests.threads", StateTestRunner.defaultThreads());
    long start = System.nanoTime();
    StateTestReport report = new StateTestRunner(threads, Clock.system()).run(roots);
    long wallMillis = (System.nanoTime() - start) / 1_000_000;

    for (Map.Entry<String, StateTestReport.FolderTotal> folder : report.folderTotals().entrySet()) {
      StateTestReport.FolderTotal total = folder.getValue();
      System.out.printf("  %s: %d passed, %d failed (%d ms)%n",
          folder.getKey(), total.passed(), total.failed(), total.elapsedNanos() / 1_000_000);
    }
    System.out.println("  slowest cases:");
    report.verdicts().stream()
        .sorted(Comparator.comparingLong(CaseVerdict::elapsedNanos).reversed())
        .limit(SLOWEST_SHOWN)
        .forEach(v -> System.out.printf("    %s %d ms%n", v.qualifiedName(), v.elapsedNanos() / 1_000_000));
    report.failures().stream().limit(200)
        .forEach(v -> System.out.println("  FAIL " + v.qualifiedName() + " " + v.reason()));
    System.out.printf("GeneralStateTests [%s, %d threads, %d ms]: %d passed, %d failed%n",
        directories, threads, wallMillis, report.passed(), report.failed());

    int expectedCases = countCancunCases(StateTestRunner.testFiles(roots));
    assertTrue(expectedCases > 0, "no Cancun cases found");
    assertEquals(expectedCases, report.verdicts().size(), "every Cancun case has a verdict");
    assertEquals(List.of(), report.failures().stream().limit(20).map(v -> v.qualifiedName() + " " + v.reason()).toList());
    assertEquals(expectedCases, report.passed());
  }

  /** Counted independently of the runner: the length of every post.Cancun array. */
  private static int countCancunCases(List<Path> files) throws IOException {
    ObjectMapper json = new ObjectMapper();
    int cases = 0;
    for (Path file : files) {
      for (JsonNode test : json.readTree(file.toFile())) {
        cases += test.path("post").path(StateTestRunner.FORK).size();
      }
    }
    return cases;
  }
}

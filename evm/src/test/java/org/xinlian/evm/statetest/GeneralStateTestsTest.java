package org.xinlian.evm.statetest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * ethereum/tests GeneralStateTests (Cancun post states) from {@code oracles.dir}: every post entry
 * must reproduce the expected state root and logs hash exactly. By default every directory runs
 * except the few whose cases take minutes (listed in
 * {@link #SLOW}); {@code -Devm.stateTests=all} runs everything, {@code -Devm.stateTests=dir1,dir2}
 * (relative to GeneralStateTests) runs just those.
 */
class GeneralStateTestsTest {
  /** Path fragments of the slow cases: 2^32-round BLAKE2f, vmPerformance loops, 50000-call chains. */
  static final List<String> SLOW = List.of("stTimeConsuming", "vmPerformance", "stQuadraticComplexityTest");

  @Test
  void cancunPostStatesMatch() throws IOException {
    Path base = Path.of(System.getProperty("oracles.dir", "../shared/oracles"), "ethereum-tests", "GeneralStateTests");
    if (!Files.isDirectory(base)) {
      if ("true".equals(System.getProperty("oracles.required"))) {
        throw new AssertionError("GeneralStateTests missing at " + base);
      }
      Assumptions.abort("GeneralStateTests not found at " + base + "; skipping");
    }
    String directories = System.getProperty("evm.stateTests", "default");
    List<Path> files = new ArrayList<>();
    boolean everything = directories.equals("all") || directories.equals("default");
    for (String directory : everything ? List.of(".") : List.of(directories.split(","))) {
      try (Stream<Path> walk = Files.walk(base.resolve(directory.trim()))) {
        walk.filter(p -> p.toString().endsWith(".json"))
            .filter(p -> !directories.equals("default")
                || SLOW.stream().noneMatch(slow -> p.toString().replace('\\', '/').contains(slow)))
            .sorted()
            .forEach(files::add);
      }
    }
    int cases = 0;
    List<String> failures = new ArrayList<>();
    for (Path file : files) {
      for (StateTestRunner.Verdict verdict : runSafely(file)) {
        cases++;
        verdict.problem().ifPresent(problem -> failures.add(verdict.name() + ": " + problem));
      }
    }
    System.out.printf("GeneralStateTests [%s]: %d files, %d Cancun cases, %d right%n",
        directories, files.size(), cases, cases - failures.size());
    failures.stream().limit(200).forEach(f -> System.out.println("  FAIL " + f));
    assertTrue(cases > 0, "no Cancun cases found");
    assertEquals(List.of(), failures.stream().limit(20).toList());
  }

  private static List<StateTestRunner.Verdict> runSafely(Path file) {
    try {
      return StateTestRunner.run(file);
    } catch (IOException | RuntimeException e) {
      return List.of(new StateTestRunner.Verdict(file.getFileName().toString(),
          java.util.Optional.of("runner error: " + e)));
    }
  }
}

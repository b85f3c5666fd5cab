package org.xinlian.evm.statetest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Command-line survey over every GeneralStateTests directory, one line per directory with the
 * number of Cancun cases right and the slowest file; for finding what to fix next.
 * Usage: java -cp ... org.xinlian.evm.statetest.StateTestSurvey GeneralStateTestsDir [subdir...]
 */
public final class StateTestSurvey {
  private StateTestSurvey() {}

  public static void main(String[] arguments) throws IOException {
    Path base = Path.of(arguments[0]);
    List<Path> directories;
    if (arguments.length > 1) {
      directories = Stream.of(arguments).skip(1).map(base::resolve).toList();
    } else {
      try (Stream<Path> list = Files.list(base)) {
        directories = list.filter(Files::isDirectory).sorted().toList();
      }
    }
    int total = 0;
    int right = 0;
    for (Path directory : directories) {
      List<Path> files;
      try (Stream<Path> walk = Files.walk(directory)) {
        files = walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
      }
      int cases = 0;
      int good = 0;
      long slowest = 0;
      String slowestName = "";
      for (Path file : files) {
        long start = System.nanoTime();
        List<StateTestRunner.Verdict> verdicts;
        try {
          verdicts = StateTestRunner.run(file);
        } catch (IOException | RuntimeException | StackOverflowError e) {
          System.out.println("  ERROR " + file.getFileName() + ": " + e);
          continue;
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (millis > slowest) {
          slowest = millis;
          slowestName = file.getFileName().toString();
        }
        for (StateTestRunner.Verdict verdict : verdicts) {
          cases++;
          if (verdict.problem().isEmpty()) {
            good++;
          } else {
            System.out.println("  FAIL " + verdict.name() + ": " + verdict.problem().get());
          }
        }
      }
      total += cases;
      right += good;
      System.out.printf("%s: %d/%d (slowest %s %d ms)%n", directory.getFileName(), good, cases, slowestName, slowest);
    }
    System.out.printf("TOTAL: %d/%d%n", right, total);
  }
}

package org.xinlian.evm.statetest;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every verdict of a conformance run, in file order (the order does not depend on the number of
 * threads), with the totals the tool prints (EVM-9).
 */
public record StateTestReport(List<CaseVerdict> verdicts) {
  /** Passed and failed cases of one folder, and the time its cases took in total. */
  public record FolderTotal(int passed, int failed, long elapsedNanos) {}

  public StateTestReport {
    verdicts = List.copyOf(verdicts);
  }

  public int passed() {
    return (int) verdicts.stream().filter(CaseVerdict::passed).count();
  }

  public int failed() {
    return verdicts.size() - passed();
  }

  public List<CaseVerdict> failures() {
    return verdicts.stream().filter(verdict -> !verdict.passed()).toList();
  }

  /** Totals per folder, sorted by folder name. */
  public Map<String, FolderTotal> folderTotals() {
    Map<String, FolderTotal> totals = new TreeMap<>();
    for (CaseVerdict verdict : verdicts) {
      FolderTotal total = totals.getOrDefault(verdict.folder(), new FolderTotal(0, 0, 0));
      totals.put(verdict.folder(), new FolderTotal(
          total.passed() + (verdict.passed() ? 1 : 0),
          total.failed() + (verdict.passed() ? 0 : 1),
          total.elapsedNanos() + verdict.elapsedNanos()));
    }
    return totals;
  }

  /** The report's lines as the tool prints them: failures, folder totals, then the summary last. */
  public List<String> lines() {
    List<String> lines = new java.util.ArrayList<>();
    for (CaseVerdict failure : failures()) {
      lines.add("FAIL " + failure.qualifiedName() + " " + failure.reason());
    }
    folderTotals().forEach((folder, total) ->
        lines.add(folder + ": " + total.passed() + " passed, " + total.failed() + " failed"));
    lines.add(passed() + " passed, " + failed() + " failed");
    return lines;
  }
}

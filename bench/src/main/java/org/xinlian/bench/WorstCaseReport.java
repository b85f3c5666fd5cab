package org.xinlian.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link WorstCaseBenchmark} and prints its results as the table of docs/spec/evm.md EVM-15:
 * per case the gas of one transaction, its time, the rate in Mgas/s with JMH's error (99.9%
 * confidence interval) and whether it reaches the 20 Mgas/s floor. Takes JMH's own options, e.g.
 * {@code java -cp bench/target/benchmarks.jar org.xinlian.bench.WorstCaseReport -f 1 -wi 2 -i 3
 * -w 2 -r 2 -p workload=ECRECOVER,MODEXP_32B_EVEN}.
 */
public final class WorstCaseReport {
  private WorstCaseReport() {}

  public static void main(String[] args) throws Exception {
    Options options = new OptionsBuilder()
        .parent(new CommandLineOptions(args))
        .include(WorstCaseBenchmark.class.getName() + ".transaction")
        .build();
    Collection<RunResult> results = new Runner(options).run();
    System.out.println();
    System.out.println(table(results));
  }

  static String table(Collection<RunResult> results) {
    List<RunResult> sorted = new ArrayList<>(results);
    sorted.sort(Comparator.comparing(result -> WorstCase.valueOf(result.getParams().getParam("workload"))));
    StringBuilder out = new StringBuilder();
    out.append("| case | gas/tx | ms/tx | Mgas/s | ± (99.9%) | ≥ 20 |\n");
    out.append("|---|---:|---:|---:|---:|---|\n");
    int failing = 0;
    for (RunResult result : sorted) {
      Result<?> transactions = result.getPrimaryResult();
      Result<?> gas = result.getSecondaryResults().get("gas");
      double transactionsPerSecond = transactions.getScore();
      double mgas = gas.getScore() / 1e6;
      double mgasError = Double.isNaN(gas.getScoreError()) ? 0 : gas.getScoreError() / 1e6;
      boolean passes = gas.getScore() >= WorstCaseBenchmark.GAS_PER_SECOND_FLOOR;
      failing += passes ? 0 : 1;
      out.append(String.format(Locale.ROOT, "| %s | %,.0f | %,.1f | %,.1f | %,.1f | %s |%n",
          result.getParams().getParam("workload"), gas.getScore() / transactionsPerSecond,
          1000 / transactionsPerSecond, mgas, mgasError, passes ? "pass" : "FAIL"));
    }
    out.append(String.format(Locale.ROOT, "%n%d of %d cases below %d Mgas/s%n", failing, sorted.size(),
        WorstCaseBenchmark.GAS_PER_SECOND_FLOOR / 1_000_000));
    return out.toString();
  }
}

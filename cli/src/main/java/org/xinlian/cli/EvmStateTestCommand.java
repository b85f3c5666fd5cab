package org.xinlian.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.xinlian.evm.statetest.StateTestReport;
import org.xinlian.evm.statetest.StateTestRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code xinlian evm statetest}: the GeneralStateTests conformance tool (docs/spec/evm.md, EVM-9). */
@Command(
    name = "statetest",
    mixinStandardHelpOptions = true,
    description = {
      "Run every Cancun post entry of ethereum/tests state-test files: the indexed transaction is "
          + "applied to the pre state, and the state root and logs hash must equal the expected ones.",
      "",
      "Prints one line per failing case, 'FAIL <folder>/<file>:<case> <reason>', then "
          + "'<folder>: P passed, F failed' per folder, and last 'N passed, M failed'. "
          + "Exit code 0 when nothing failed, 1 otherwise."
    })
final class EvmStateTestCommand implements Callable<Integer> {
  private final CliEnvironment environment;

  @Parameters(
      arity = "1..*",
      paramLabel = "FILE-OR-DIR",
      description = "State-test JSON files, or directories searched recursively for *.json.")
  List<Path> paths;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Files run at once (default: one per processor).")
  Integer threads;

  EvmStateTestCommand(CliEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() throws IOException {
    int poolSize = threads == null ? StateTestRunner.defaultThreads() : threads;
    List<Path> resolved = paths.stream().map(environment::resolve).toList();
    StateTestReport report = new StateTestRunner(poolSize, environment.clock()).run(resolved);
    report.lines().forEach(environment.out()::println);
    return report.failed() == 0 ? 0 : Main.EXIT_USER_ERROR;
  }
}

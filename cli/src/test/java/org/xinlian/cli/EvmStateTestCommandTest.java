package org.xinlian.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code xinlian evm statetest} (docs/spec/evm.md EVM-9) on a real ethereum/tests file, on a copy
 * of it whose expected root is corrupted, and on bad input.
 */
class EvmStateTestCommandTest {
  /** The expected post-state root of add11 in ethereum/tests stExample/add11.json (Cancun). */
  private static final String ADD11_ROOT = "0xe8010ce590f401c9d61fef8ab05bea9bcec24281b795e5868809bc4e515aa530";

  private static final String ZERO_ROOT = "0x" + "00".repeat(32);

  @TempDir Path directory;

  private CliRun.Result run(String... args) {
    return new CliRun(directory).withoutTerminal().run(args);
  }

  private static Path add11() {
    Path file = Path.of(System.getProperty("oracles.dir", "../shared/oracles"),
        "ethereum-tests", "GeneralStateTests", "stExample", "add11.json");
    if (!Files.isRegularFile(file)) {
      if ("true".equals(System.getProperty("oracles.required"))) {
        throw new AssertionError("oracle file missing: " + file);
      }
      Assumptions.abort("oracle file not found at " + file + "; skipping");
    }
    return file;
  }

  @Test
  void aPassingOracleFilePrintsTotalsAndExitsZero() {
    CliRun.Result result = run("evm", "statetest", add11().toString());
    assertEquals(0, result.exitCode(), result.err());
    assertEquals(List.of("stExample: 1 passed, 0 failed", "1 passed, 0 failed"), result.out().lines().toList());
    assertEquals("", result.err());
  }

  @Test
  void aCorruptedExpectedRootIsOneFailLineAndExitCodeOne() throws Exception {
    String original = Files.readString(add11(), StandardCharsets.UTF_8);
    assertTrue(original.contains(ADD11_ROOT), "the oracle file holds the root this test corrupts");
    Path folder = Files.createDirectories(directory.resolve("corrupted").resolve("stExample"));
    Files.writeString(folder.resolve("add11.json"), original.replace(ADD11_ROOT, ZERO_ROOT));
    Files.writeString(folder.resolve("intact.json"), original);

    CliRun.Result result = run("evm", "statetest", "--threads", "2", "corrupted");

    assertEquals(1, result.exitCode(), result.err());
    List<String> lines = result.out().lines().toList();
    assertEquals(3, lines.size(), result.out());
    // The root we compute is the one the oracle file expected before we corrupted it.
    String failPrefix = "FAIL stExample/add11.json:add11_d0g0v0 state root " + ADD11_ROOT + " != expected " + ZERO_ROOT;
    assertTrue(lines.get(0).startsWith(failPrefix), lines.get(0));
    assertEquals("stExample: 1 passed, 1 failed", lines.get(1));
    assertEquals("1 passed, 1 failed", lines.get(2));
    assertEquals("", result.err());
  }

  @Test
  void aMalformedFileIsAFailingCaseNotACrash() throws Exception {
    Path folder = Files.createDirectories(directory.resolve("bad"));
    Files.writeString(folder.resolve("broken.json"), "{\"test\": {\"post\": ");
    CliRun.Result result = run("evm", "statetest", "bad");
    assertEquals(1, result.exitCode(), result.err());
    List<String> lines = result.out().lines().toList();
    assertEquals(3, lines.size(), result.out());
    assertTrue(lines.get(0).startsWith("FAIL bad/broken.json:(file) malformed JSON: "), lines.get(0));
    assertEquals("bad: 0 passed, 1 failed", lines.get(1));
    assertEquals("0 passed, 1 failed", lines.get(2));
  }

  @Test
  void aMissingPathIsOneErrorLine() {
    CliRun.Result result = run("evm", "statetest", "nowhere.json");
    assertEquals(Main.EXIT_USER_ERROR, result.exitCode());
    assertEquals(List.of("error: no such file: " + directory.resolve("nowhere.json")), result.errLines());
    assertEquals("", result.out());
  }

  @Test
  void zeroThreadsIsOneErrorLine() throws Exception {
    Files.writeString(directory.resolve("empty.json"), "{}");
    CliRun.Result result = run("evm", "statetest", "--threads", "0", "empty.json");
    assertEquals(Main.EXIT_USER_ERROR, result.exitCode());
    assertEquals(List.of("error: threads: must be at least 1, got 0"), result.errLines());
  }
}

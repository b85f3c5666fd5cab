package org.xinlian.evm.statetest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xinlian.common.Clock;

/** Bad files become failing verdicts, and the thread count changes nothing (EVM-10). */
class StateTestRunnerTest {
  @TempDir Path directory;

  private static CaseVerdict onlyVerdict(Path file) throws Exception {
    StateTestReport report = new StateTestRunner(1, Clock.system()).run(List.of(file));
    assertEquals(1, report.verdicts().size(), report.verdicts().toString());
    CaseVerdict verdict = report.verdicts().get(0);
    assertFalse(verdict.passed());
    return verdict;
  }

  @Test
  void aFileAboveTheLimitIsAFailingVerdict() throws Exception {
    Path file = directory.resolve("huge.json");
    try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
      sparse.setLength(StateTestRunner.STATE_TEST_FILE_BYTES_MAX + 1);
    }
    CaseVerdict verdict = onlyVerdict(file);
    assertEquals(CaseVerdict.WHOLE_FILE, verdict.name());
    assertEquals("file larger than the limit of " + StateTestRunner.STATE_TEST_FILE_BYTES_MAX + " bytes",
        verdict.reason());
  }

  @Test
  void malformedAndTooDeepJsonAreFailingVerdicts() throws Exception {
    Path truncated = Files.writeString(directory.resolve("truncated.json"), "{\"test\": {\"pre\": ");
    assertTrue(onlyVerdict(truncated).reason().startsWith("malformed JSON: "), onlyVerdict(truncated).reason());
    int depth = StateTestRunner.JSON_NESTING_DEPTH_MAX + 1;
    Path deep = Files.writeString(directory.resolve("deep.json"), "[".repeat(depth) + "]".repeat(depth));
    assertTrue(onlyVerdict(deep).reason().startsWith("malformed JSON: "), onlyVerdict(deep).reason());
    Path array = Files.writeString(directory.resolve("array.json"), "[1]");
    assertEquals("not a state-test file: the top level is not a JSON object", onlyVerdict(array).reason());
  }

  @Test
  void aMalformedFieldIsAFailingCase() throws Exception {
    Path file = Files.writeString(directory.resolve("field.json"), """
        {"broken": {
          "pre": {"0xnot-an-address": {"balance": "0x01", "nonce": "0x00", "code": "0x", "storage": {}}},
          "env": {}, "transaction": {},
          "post": {"Cancun": [{"indexes": {"data": 0, "gas": 0, "value": 0}, "hash": "0x", "logs": "0x"}]}}}
        """);
    CaseVerdict verdict = onlyVerdict(file);
    assertEquals("broken_d0g0v0", verdict.name());
    assertEquals(directory.getFileName().toString() + "/field.json:broken_d0g0v0", verdict.qualifiedName());
    assertTrue(verdict.reason().startsWith("invalid test: "), verdict.reason());
  }

  @Test
  void aMissingPathIsAnError() {
    assertThrows(NoSuchFileException.class,
        () -> new StateTestRunner(1, Clock.system()).run(List.of(directory.resolve("missing.json"))));
    assertThrows(IllegalArgumentException.class, () -> new StateTestRunner(0, Clock.system()));
  }

  @Test
  void verdictsDoNotDependOnTheThreadCount() throws Exception {
    Path examples = Path.of(System.getProperty("oracles.dir", "../shared/oracles"),
        "ethereum-tests", "GeneralStateTests", "stExample");
    if (!Files.isDirectory(examples)) {
      if ("true".equals(System.getProperty("oracles.required"))) {
        throw new AssertionError("GeneralStateTests missing at " + examples);
      }
      Assumptions.abort("GeneralStateTests not found at " + examples + "; skipping");
    }
    List<String> oneThread = summary(new StateTestRunner(1, Clock.system()).run(List.of(examples)));
    List<String> threeThreads = summary(new StateTestRunner(3, Clock.system()).run(List.of(examples)));
    assertFalse(oneThread.isEmpty());
    assertEquals(oneThread, threeThreads);
  }

  private static List<String> summary(StateTestReport report) {
    return report.verdicts().stream().map(v -> v.qualifiedName() + " " + v.passed() + " " + v.reason()).toList();
  }
}

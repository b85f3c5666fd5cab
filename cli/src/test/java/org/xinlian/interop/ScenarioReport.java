package org.xinlian.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

/**
 * What a real-client scenario did: each named check with its outcome, so that a failure names the
 * step that broke (deploy, logs, subscription, revert reason, gas estimate...).
 */
record ScenarioReport(String client, String endpoint, List<Check> checks, Optional<String> failure) {
  /** The steps both clients run, in order; a scenario that skipped one would not pass. */
  static final List<String> CHECK_NAMES =
      List.of(
          "connect",
          "deploy",
          "transfer",
          "balances",
          "getLogs Transfer",
          "WebSocket Transfer subscription",
          "revert reason Error(string)",
          "revert custom error",
          "estimateGas then send with exactly that limit");

  record Check(String name, boolean ok, String detail) {}

  ScenarioReport {
    checks = List.copyOf(checks);
  }

  boolean passed() {
    return failure.isEmpty() && checks.stream().allMatch(Check::ok);
  }

  /** Asserts every expected check ran and passed, and prints them so the build log shows what ran. */
  void assertAllPassed() {
    checks.forEach(check -> System.out.println("  " + (check.ok() ? "ok   " : "FAIL ") + check.name() + ": " + check.detail()));
    long passedCount = checks.stream().filter(Check::ok).count();
    System.out.println(
        client + " ERC-20 scenario on " + endpoint + ": " + checks.size() + " checks, " + passedCount + " passed");
    assertTrue(passed(), client + " scenario failed on " + endpoint + ": " + failure.orElse("") + " " + checks);
    assertEquals(CHECK_NAMES, checks.stream().map(Check::name).toList(), "checks run by " + client);
  }
}

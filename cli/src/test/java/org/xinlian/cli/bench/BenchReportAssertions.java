package org.xinlian.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** What every complete run's report must satisfy, whatever the machine's speed. */
public final class BenchReportAssertions {
  private BenchReportAssertions() {}

  public static void consistent(BenchReport report, int transactions) {
    assertEquals(transactions, report.transactions());
    assertEquals(transactions, report.accepted(), "accepted: " + report.failures());
    assertEquals(0, report.rejected());
    assertTrue(report.failures().isEmpty(), "failures: " + report.failures());
    assertEquals(transactions, report.included());
    assertEquals(0, report.notIncluded());
    assertFalse(report.stalled());
    assertTrue(report.blocks() >= 1 && report.blocks() <= transactions, "blocks " + report.blocks());
    assertTrue(report.largestBlockTransactions() >= (transactions + report.blocks() - 1) / report.blocks(),
        "the largest block holds at least the average");
    assertTrue(report.durationSeconds() > 0);
    assertEquals(report.included() / report.durationSeconds(), report.throughputPerSecond(), 1e-6);
    assertTrue(report.latencyP50Ms() > 0);
    assertTrue(report.latencyP50Ms() <= report.latencyP90Ms());
    assertTrue(report.latencyP90Ms() <= report.latencyP99Ms());
    assertTrue(report.latencyP99Ms() <= report.latencyMaxMs());
    assertTrue(report.latencyMaxMs() <= report.durationSeconds() * 1000 + 1e-6,
        "no latency exceeds first send to last inclusion");
    try {
      JsonNode json = new ObjectMapper().readTree(report.toJson());
      assertEquals(transactions, json.get("included").asInt());
      assertEquals(report.latencyP99Ms(), json.get("latencyP99Ms").asDouble(), 0);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }
}

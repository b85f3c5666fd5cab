package org.xinlian.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * OPS-60 to OPS-62: the files in ops/ as Prometheus's own tool reads them (the Debian package
 * prometheus provides promtool; .ci/run installs it), and the dashboard as Grafana does. That
 * their metrics exist on a running node, and that a real Prometheus scrapes one, is
 * {@link HostileLoadProcessTest}'s (it runs a network already).
 */
class OpsMonitoringFilesTest {
  private static final long PROMTOOL_SECONDS_MAX = 120;

  private static String promtool(String... args) throws Exception {
    assertTrue(Files.isExecutable(MonitoringChecks.PROMTOOL), MonitoringChecks.PROMTOOL
        + " missing: install the Debian package prometheus (.ci/run does)");
    List<String> command = new java.util.ArrayList<>(List.of(MonitoringChecks.PROMTOOL.toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).directory(MonitoringChecks.OPS.resolve("prometheus").toFile())
        .redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(PROMTOOL_SECONDS_MAX, TimeUnit.SECONDS), "promtool did not finish");
    assertEquals(0, process.exitValue(), String.join(" ", args) + ":\n" + output);
    return output;
  }

  /** OPS-61: the alert rules are valid, ten of them. */
  @Test
  void promtoolChecksTheAlertRules() throws Exception {
    String output = promtool("check", "rules", "xinlian-alerts.yml");
    assertTrue(output.contains("SUCCESS: 10 rules found"), output);
  }

  /** OPS-61: each alert fires on the series that should raise it and not on a healthy node's. */
  @Test
  void promtoolRunsTheAlertRulesUnitTests() throws Exception {
    String output = promtool("test", "rules", "xinlian-alerts.test.yml");
    assertTrue(output.contains("SUCCESS"), output);
    String tests = Files.readString(MonitoringChecks.OPS.resolve("prometheus/xinlian-alerts.test.yml"));
    String rules = Files.readString(MonitoringChecks.ALERT_RULES);
    for (String line : rules.split("\n")) {
      if (line.strip().startsWith("- alert: ")) {
        String alert = line.strip().substring("- alert: ".length());
        assertTrue(tests.contains("alertname: " + alert + "\n        exp_alerts:"),
            alert + " has no unit test that expects it to fire");
      }
    }
  }

  /** OPS-60: the sample prometheus.yml is valid and loads the rules beside it. */
  @Test
  void promtoolChecksTheSampleConfiguration() throws Exception {
    String output = promtool("check", "config", "prometheus.yml");
    assertTrue(output.contains("SUCCESS: 10 rules found"), output);
  }

  /** OPS-62: the dashboard is Grafana JSON: unique panel ids, a query per panel, no stray metric words. */
  @Test
  void theDashboardIsValidGrafanaJson() throws Exception {
    JsonNode dashboard = new ObjectMapper().readTree(MonitoringChecks.DASHBOARD.toFile());
    assertEquals("xinlian-node", dashboard.get("uid").asText());
    Set<Integer> ids = new HashSet<>();
    int graphs = 0;
    for (JsonNode panel : dashboard.get("panels")) {
      assertTrue(ids.add(panel.get("id").asInt()), "duplicate panel id " + panel.get("id"));
      if (!panel.get("type").asText().equals("row")) {
        graphs++;
        assertFalse(panel.get("targets").isEmpty(), panel.get("title").asText());
        for (JsonNode target : panel.get("targets")) {
          assertFalse(MonitoringChecks.metricNames(target.get("expr").asText()).isEmpty(), target.toString());
        }
      }
    }
    assertTrue(graphs >= 15, graphs + " panels");
    Set<String> metrics = new HashSet<>();
    for (String query : MonitoringChecks.dashboardQueries()) {
      metrics.addAll(MonitoringChecks.metricNames(query));
    }
    for (String required : List.of("xinlian_chain_height", "xinlian_consensus_finality_seconds",
        "xinlian_consensus_round_changes_total", "xinlian_p2p_peers", "xinlian_pool_pending",
        "xinlian_rpc_requests_seconds_count", "jvm_memory_used_bytes", "disk_free_bytes",
        "xinlian_certificate_not_after_seconds")) {
      assertTrue(metrics.contains(required), required + " not on the dashboard: " + metrics);
    }
  }

  @Test
  void metricNamesAreReadFromPromql() {
    assertEquals(Set.of("a_total", "b_seconds_count"), MonitoringChecks.metricNames(
        "sum by (instance, method) (rate(a_total{x=\"y\", outcome=\"error\"}[5m])) / on (instance)"
            + " rate(b_seconds_count[$__rate_interval]) > 30 * 86400 and bool 1e3"));
    assertEquals(Set.of("xinlian_certificate_not_after_seconds"),
        MonitoringChecks.metricNames("(xinlian_certificate_not_after_seconds - time()) / 86400"));
  }
}

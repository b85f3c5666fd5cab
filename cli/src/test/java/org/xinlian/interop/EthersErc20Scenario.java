package org.xinlian.interop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs interop-erc20/scenario.mjs (ethers.js v6) against an endpoint and reads its one-line JSON
 * report. ethers is what most dapps use, so its view of the node is the one that matters.
 */
final class EthersErc20Scenario {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private EthersErc20Scenario() {}

  static ScenarioReport run(Path project, EthereumEndpoint endpoint, String privateKey, String recipient)
      throws IOException, InterruptedException {
    Erc20InteropProject.Output output =
        Erc20InteropProject.run(
            project, List.of("node", "scenario.mjs", endpoint.rpcUrl(), endpoint.wsUrl(), privateKey, recipient));
    String[] lines = output.stdout().strip().split("\n");
    String last = lines[lines.length - 1];
    if (!last.startsWith("{")) {
      return new ScenarioReport(
          "ethers.js", endpoint.name(), List.of(),
          Optional.of("exit " + output.exitCode() + ", no report: " + output.stdout() + output.stderr()));
    }
    JsonNode report = MAPPER.readTree(last);
    List<ScenarioReport.Check> checks = new ArrayList<>();
    for (JsonNode check : report.get("checks")) {
      checks.add(
          new ScenarioReport.Check(
              check.get("name").asText(), check.get("ok").asBoolean(), check.get("detail").toString()));
    }
    Optional<String> failure =
        report.get("ok").asBoolean() && output.exitCode() == 0
            ? Optional.empty()
            : Optional.of("exit " + output.exitCode() + ": " + report.path("failure").asText() + " " + output.stderr());
    return new ScenarioReport("ethers.js", endpoint.name(), checks, failure);
  }
}

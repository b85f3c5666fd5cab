package org.xinlian.cli.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The same signed workload measured on several nodes, one after the other: each node's report,
 * side by side.
 *
 * @param transactions how many signed transactions each node received (the same bytes)
 * @param warmupTransactions how many more each node received first, unmeasured
 * @param gasLimit the gas limit every measured transaction carries
 * @param fees how the one set of fees was chosen, with each node's own fees
 * @param token the token's address (the same on every node), null for the transfer workload
 * @param nodes in measurement order
 */
public record BenchComparison(
    String workload,
    long chainId,
    int transactions,
    int warmupTransactions,
    long gasLimit,
    String fees,
    String token,
    List<Node> nodes) {

  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final String LABEL = "%-17s";
  /** Narrowest column; wider when a cell (a long client version) needs it. */
  private static final int COLUMN_WIDTH_MIN = 24;

  /** One node's measured phase. */
  public record Node(String name, String rpc, String clientVersion, BenchReport report) {}

  public BenchComparison {
    nodes = List.copyOf(nodes);
  }

  /** A table with one column per node, then the throughput of each node relative to the first. */
  public String toText() {
    StringBuilder text = new StringBuilder();
    text.append(String.format(Locale.ROOT, LABEL + "%s, %,d transactions signed once, sent to each node in turn%s%n",
        "comparison:", workload, transactions, warmupTransactions == 0 ? ""
            : String.format(Locale.ROOT, " (after %,d unmeasured warm-up ones on each)", warmupTransactions)));
    text.append(String.format(Locale.ROOT, LABEL + "%d; gas limit %,d%s%n", "chain:", chainId, gasLimit,
        token == null ? "" : "; token " + token + " on every node"));
    text.append(String.format(Locale.ROOT, LABEL + "%s%n", "fees:", fees));
    row(text, "node", node -> node.name() + " " + node.clientVersion());
    row(text, "rpc", Node::rpc);
    row(text, "included", node -> String.format(Locale.ROOT, "%,d of %,d", node.report().included(),
        node.report().transactions()));
    row(text, "rejected", node -> String.format(Locale.ROOT, "%,d", node.report().rejected()));
    row(text, "not included", node -> String.format(Locale.ROOT, "%,d", node.report().notIncluded()));
    row(text, "blocks", node -> String.format(Locale.ROOT, "%,d (largest %,d)", node.report().blocks(),
        node.report().largestBlockTransactions()));
    row(text, "duration", node -> String.format(Locale.ROOT, "%.3f s", node.report().durationSeconds()));
    row(text, "send rate", node -> String.format(Locale.ROOT, "%.1f tx/s", node.report().sendRatePerSecond()));
    row(text, "throughput", node -> String.format(Locale.ROOT, "%.1f tx/s", node.report().throughputPerSecond()));
    row(text, "latency p50", node -> String.format(Locale.ROOT, "%.1f ms", node.report().latencyP50Ms()));
    row(text, "latency p90", node -> String.format(Locale.ROOT, "%.1f ms", node.report().latencyP90Ms()));
    row(text, "latency p99", node -> String.format(Locale.ROOT, "%.1f ms", node.report().latencyP99Ms()));
    row(text, "latency max", node -> String.format(Locale.ROOT, "%.1f ms", node.report().latencyMaxMs()));
    double first = nodes.get(0).report().throughputPerSecond();
    row(text, "throughput / A", node -> first > 0
        ? String.format(Locale.ROOT, "%.2fx", node.report().throughputPerSecond() / first) : "-");
    if (nodes.stream().anyMatch(node -> node.report().stalled())) {
      row(text, "stalled", node -> node.report().stalled()
          ? "yes: nothing included for " + LoadRunner.STALL_SECONDS + " s" : "no");
    }
    for (Node node : nodes) {
      node.report().failures().forEach((reason, count) -> text.append(String.format(Locale.ROOT,
          "rejections on %s: %,d  %s%n", node.name(), count, reason)));
    }
    return text.toString();
  }

  private void row(StringBuilder text, String label, Function<Node, String> cell) {
    int width = COLUMN_WIDTH_MIN;
    for (Node node : nodes) {
      width = Math.max(width, (node.name() + " " + node.clientVersion()).length() + 2);
      width = Math.max(width, node.rpc().length() + 2);
    }
    List<String> cells = new ArrayList<>();
    for (Node node : nodes) {
      cells.add(String.format(Locale.ROOT, "%-" + width + "s", cell.apply(node)));
    }
    text.append(String.format(Locale.ROOT, LABEL, label + ":")).append(String.join(" ", cells).stripTrailing())
        .append(System.lineSeparator());
  }

  public String toJson() {
    ObjectNode json = MAPPER.valueToTree(this);
    try {
      return MAPPER.writeValueAsString(json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}

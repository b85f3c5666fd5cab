package org.xinlian.rpc;

import java.util.List;
import java.util.Objects;

/**
 * An answer of {@code /health} or {@code /ready} (docs/spec/rpc.md RPC-29): 200 with
 * {@code {"status":"ok", …}} when {@code ok}, else 503 with the problems, one line each.
 *
 * @param ok whether the node is alive (for /health) or ready (for /ready)
 * @param status one word: {@code ok}, {@code ready}, {@code failed}, {@code not ready}
 * @param problems why not, one line each; empty when ok
 * @param height the head block's number
 * @param peers authenticated P2P peers
 */
public record HealthReport(boolean ok, String status, List<String> problems, long height, int peers) {
  public HealthReport {
    Objects.requireNonNull(status, "status");
    problems = List.copyOf(problems);
  }

  /** What a node with nothing to report answers: alive and ready. */
  public static HealthReport healthy(String status) {
    return new HealthReport(true, status, List.of(), 0, 0);
  }
}

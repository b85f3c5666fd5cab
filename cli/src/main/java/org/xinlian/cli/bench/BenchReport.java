package org.xinlian.cli.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * What a run measured. Throughput is included transactions over the span from the first send to
 * the last inclusion seen; latency is per transaction, from its send to the poller first seeing it
 * in a block.
 *
 * @param rejected sends the node answered with an error
 * @param notIncluded accepted sends not seen in a block before the timeout
 * @param failures rejection reasons with their counts
 * @param stalled the phase ended early: the node included nothing in flight for
 *     {@link LoadRunner#STALL_SECONDS} seconds (the not-included ones were still pending)
 */
public record BenchReport(
    String workload,
    int transactions,
    int accepted,
    int rejected,
    int included,
    int notIncluded,
    double durationSeconds,
    double sendRatePerSecond,
    double throughputPerSecond,
    double latencyP50Ms,
    double latencyP90Ms,
    double latencyP99Ms,
    double latencyMaxMs,
    int blocks,
    int largestBlockTransactions,
    Map<String, Integer> failures,
    boolean stalled) {

  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  static BenchReport of(String workload, LoadRunner.RunResult result) {
    long[] sent = result.sentNanos();
    long[] included = result.includedNanos();
    int rejected = result.failures().values().stream().mapToInt(Integer::intValue).sum();
    long firstSend = Long.MAX_VALUE;
    long lastSend = Long.MIN_VALUE;
    long lastInclusion = Long.MIN_VALUE;
    int sentCount = 0;
    int includedCount = 0;
    double[] latencies = new double[sent.length];
    for (int i = 0; i < sent.length; i++) {
      if (sent[i] != 0) {
        sentCount++;
        firstSend = Math.min(firstSend, sent[i]);
        lastSend = Math.max(lastSend, sent[i]);
      }
      if (included[i] != 0) {
        lastInclusion = Math.max(lastInclusion, included[i]);
        latencies[includedCount++] = (included[i] - sent[i]) / 1e6;
      }
    }
    latencies = Arrays.copyOf(latencies, includedCount);
    Arrays.sort(latencies);
    int accepted = sentCount - rejected;
    double duration = includedCount == 0 ? 0 : (lastInclusion - firstSend) / 1e9;
    double sendSpan = sentCount < 2 ? 0 : (lastSend - firstSend) / 1e9;
    return new BenchReport(workload, sent.length, accepted, rejected, includedCount, accepted - includedCount,
        duration, sendSpan > 0 ? sentCount / sendSpan : 0, duration > 0 ? includedCount / duration : 0,
        percentile(latencies, 50), percentile(latencies, 90), percentile(latencies, 99),
        includedCount == 0 ? 0 : latencies[includedCount - 1], result.blocks(), result.largestBlockTransactions(),
        result.failures(), result.stalled());
  }

  /** Nearest-rank percentile of sorted values; 0 when there are none. */
  static double percentile(double[] sorted, int percent) {
    if (sorted.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }

  public String toText() {
    StringBuilder text = new StringBuilder();
    text.append(String.format(Locale.ROOT, "workload:        %s%n", workload));
    text.append(String.format(Locale.ROOT, "transactions:    %,d (accepted %,d, rejected %,d)%n", transactions, accepted, rejected));
    text.append(String.format(Locale.ROOT, "included:        %,d (not included before timeout: %,d) in %,d blocks, largest %,d%n",
        included, notIncluded, blocks, largestBlockTransactions));
    text.append(String.format(Locale.ROOT, "duration:        %.3f s (first send to last inclusion)%n", durationSeconds));
    text.append(String.format(Locale.ROOT, "send rate:       %.1f tx/s%n", sendRatePerSecond));
    text.append(String.format(Locale.ROOT, "throughput:      %.1f tx/s%n", throughputPerSecond));
    text.append(String.format(Locale.ROOT, "latency (ms):    p50 %.1f  p90 %.1f  p99 %.1f  max %.1f%n",
        latencyP50Ms, latencyP90Ms, latencyP99Ms, latencyMaxMs));
    if (stalled) {
      text.append(String.format(Locale.ROOT, "stalled:         the node included none of the %,d in flight for %d s; "
          + "the phase ended early%n", notIncluded, LoadRunner.STALL_SECONDS));
    }
    if (!failures.isEmpty()) {
      text.append("rejections:\n");
      failures.forEach((reason, count) -> text.append(String.format(Locale.ROOT, "  %,8d  %s%n", count, reason)));
    }
    return text.toString();
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

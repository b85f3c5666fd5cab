package org.xinlian.testkit;

import java.util.List;
import java.util.Map;
import org.xinlian.consensus.DropReason;

/**
 * What a run did, for the test's summary line and for assertions on specific scenarios.
 *
 * @param heightAtHeal the highest height an honest node had committed when the network healed
 * @param lowestFinalHeight the lowest height any honest node had committed at the end
 * @param honestCommits blocks committed by honest nodes, each checked by the safety checker
 * @param roundChanges rounds entered above 0, summed over honest nodes
 * @param restarts crashes and restarts of honest nodes
 * @param dropped messages honest engines dropped, by reason
 * @param deadlinesDeferred round deadlines honest engines let wait for an executing proposal
 */
public record SimulationReport(
    Scenario scenario,
    long heightAtHeal,
    long lowestFinalHeight,
    long honestCommits,
    long roundChanges,
    long restarts,
    Map<DropReason, Long> dropped,
    long messagesSent,
    long messagesDelivered,
    long events,
    long simulatedMillis,
    List<Long> finalHeights,
    long deadlinesDeferred) {
  public SimulationReport {
    dropped = Map.copyOf(dropped);
    finalHeights = List.copyOf(finalHeights);
  }

  /** Messages dropped by honest engines for {@code reason}. */
  public long dropped(DropReason reason) {
    return dropped.getOrDefault(reason, 0L);
  }
}

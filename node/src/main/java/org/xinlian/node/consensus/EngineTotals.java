package org.xinlian.node.consensus;

import java.util.EnumMap;
import java.util.Map;
import org.xinlian.consensus.DropReason;
import org.xinlian.consensus.EngineStatus;

/**
 * The engine's counters summed over every engine a driver ran: an engine's own counters restart
 * with it, and the driver replaces its engine after every bulk sync, yet the meters must never
 * run backwards (NODE-14). Owned by the driver's thread; {@link #totals} is read by any.
 */
final class EngineTotals {
  /** Totals over every engine this driver ran. */
  record Counters(long roundChanges, long blocksCommitted, Map<DropReason, Long> dropped,
      long deadlinesDeferred) {}

  private final Map<DropReason, Long> droppedBefore = new EnumMap<>(DropReason.class);
  private long roundChangesBefore;
  private long deadlinesDeferredBefore;
  private long blocksCommittedBefore;
  private volatile Counters totals = new Counters(0, 0, Map.of(), 0);

  /** An engine is retired: what it counted stays in the totals. */
  void retired(EngineStatus last) {
    roundChangesBefore += last.roundChanges();
    deadlinesDeferredBefore += last.deadlinesDeferred();
    blocksCommittedBefore += last.blocksCommitted();
    last.dropped().forEach((reason, count) -> droppedBefore.merge(reason, count, Long::sum));
  }

  /** The running engine's status after an event: the totals move on. */
  void observed(EngineStatus current) {
    Map<DropReason, Long> dropped = new EnumMap<>(droppedBefore);
    current.dropped().forEach((reason, count) -> dropped.merge(reason, count, Long::sum));
    totals = new Counters(roundChangesBefore + current.roundChanges(),
        blocksCommittedBefore + current.blocksCommitted(), dropped,
        deadlinesDeferredBefore + current.deadlinesDeferred());
  }

  Counters totals() {
    return totals;
  }
}

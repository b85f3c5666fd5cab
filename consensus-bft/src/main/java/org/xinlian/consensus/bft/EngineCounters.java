package org.xinlian.consensus.bft;

import java.util.EnumMap;
import java.util.Map;
import org.xinlian.consensus.DropReason;

/** The engine's counters; plain fields, since the engine runs on one thread. */
final class EngineCounters {
  private final Map<DropReason, Long> dropped = new EnumMap<>(DropReason.class);
  long blocksCommitted;
  long roundChanges;
  long messagesReceived;
  /** Round deadlines that passed while the round's proposal was executing (CONSENSUS-20). */
  long deadlinesDeferred;

  void drop(DropReason reason) {
    dropped.merge(reason, 1L, Long::sum);
  }

  Map<DropReason, Long> dropped() {
    return Map.copyOf(dropped);
  }
}

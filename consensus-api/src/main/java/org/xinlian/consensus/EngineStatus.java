package org.xinlian.consensus;

import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The engine's position and counters.
 *
 * @param height the height being decided (the last committed one plus one)
 * @param round the current round at that height
 * @param lockedRound the round of this validator's lock at that height, if any
 * @param validator whether this node is a validator of {@code height} (else it only follows)
 * @param blocksCommitted blocks committed since the engine started
 * @param roundChanges rounds entered after round 0, since the engine started
 * @param messagesReceived messages delivered to the engine
 * @param dropped messages dropped, by reason
 * @param deadlinesDeferred round deadlines that passed while the round's proposal was still
 *     executing, so the round waited for it (CONSENSUS-20): a sign of blocks that execute slower
 *     than the round timeout
 */
public record EngineStatus(
    long height,
    int round,
    OptionalInt lockedRound,
    boolean validator,
    long blocksCommitted,
    long roundChanges,
    long messagesReceived,
    Map<DropReason, Long> dropped,
    long deadlinesDeferred) {
  public EngineStatus {
    Objects.requireNonNull(lockedRound, "lockedRound");
    dropped = Map.copyOf(dropped);
  }

  /** Messages dropped for {@code reason}. */
  public long dropped(DropReason reason) {
    return dropped.getOrDefault(reason, 0L);
  }
}

package org.xinlian.consensus;

import java.util.List;

/**
 * A consensus engine as a pure state machine: events in, actions out. It performs no I/O, reads
 * no clock, starts no thread and draws no randomness; the driver (the node, or the simulator)
 * delivers messages and elapsed timeouts and carries out the returned actions in order. The same
 * events in the same order therefore give the same actions, which is what lets a seeded simulator
 * replay any run (docs/spec/consensus.md CONSENSUS-1).
 *
 * <p>Not thread-safe: the driver calls {@link #handle} from one thread (or under one lock). The
 * engine calls its {@link Application} synchronously from inside {@link #handle}.
 */
public interface ConsensusEngine {
  /**
   * Processes one event and returns what the driver must do, in order. A {@link
   * ConsensusAction.PersistState} must be durable before any later action of the same list is
   * carried out: it is the write-ahead record that keeps a restarted validator from signing two
   * different votes in one round.
   */
  List<ConsensusAction> handle(ConsensusEvent event);

  /** A snapshot of the engine's position and counters, for metrics and the simulator's checkers. */
  EngineStatus status();
}

package org.xinlian.node.consensus;

import java.util.concurrent.TimeUnit;
import org.xinlian.common.Address;
import org.xinlian.consensus.EngineStatus;

/**
 * What an operator must hear of consensus, each said once when it happens, with the height
 * (docs/spec/node.md NODE-19): a round change, a deadline that waited for a block still executing,
 * a stall (no commit for {@code stallAfterMs}) and its end, a validator peer lost. Owned by the
 * driver's thread.
 */
final class ConsensusWatch {
  private static final System.Logger LOG = System.getLogger("org.xinlian.node.consensus");

  private final long stallAfterNanos;
  private EngineStatus last;
  private boolean stalled;
  private long stalledSinceCommitNanos;
  private volatile long stalls;

  ConsensusWatch(long stallAfterMs) {
    this.stallAfterNanos = TimeUnit.MILLISECONDS.toNanos(stallAfterMs);
  }

  /** After each event the engine handled: round changes and waiting deadlines. */
  void observed(EngineStatus status) {
    EngineStatus previous = last;
    last = status;
    if (previous == null || previous.height() != status.height()) {
      return;
    }
    if (status.round() > previous.round()) {
      LOG.log(System.Logger.Level.INFO, "height {0}: round change to round {1} (from {2})",
          Long.toString(status.height()), status.round(), previous.round());
    }
    if (status.deadlinesDeferred() > previous.deadlinesDeferred()) {
      LOG.log(System.Logger.Level.WARNING, "height {0}, round {1}: the round''s deadline passed while"
          + " its proposal was still executing; the round waits for it (a block slower than the"
          + " round timeout)", Long.toString(status.height()), status.round());
    }
  }

  /** On every tick: a stall begins when no block was committed for too long, ends at the next. */
  void tick(long nowNanos, long lastCommitNanos, int peers, boolean syncing) {
    long sinceCommit = nowNanos - lastCommitNanos;
    if (stalled && lastCommitNanos != stalledSinceCommitNanos) {
      stalled = false;
      LOG.log(System.Logger.Level.INFO, "consensus resumed: committed again at height {0} after a"
          + " stall", last == null ? "?" : Long.toString(last.height() - 1));
    } else if (!stalled && !syncing && sinceCommit > stallAfterNanos) {
      stalled = true;
      stalls++;
      stalledSinceCommitNanos = lastCommitNanos;
      LOG.log(System.Logger.Level.WARNING, "consensus stalled at height {0}, round {1}: no commit for"
          + " {2} ms, {3} peers connected", last == null ? "?" : Long.toString(last.height()),
          last == null ? "?" : last.round(), Long.toString(TimeUnit.NANOSECONDS.toMillis(sinceCommit)), peers);
    }
  }

  /** A peer disconnected; a validator of the height is worth a warning. */
  void peerLost(Address peer, boolean validator, int validatorsConnected, int validators) {
    if (validator) {
      LOG.log(System.Logger.Level.WARNING, "height {0}: lost validator {1}; {2} of the other {3}"
          + " validators connected", last == null ? "?" : Long.toString(last.height()), peer, validatorsConnected,
          validators - 1);
    }
  }

  boolean stalled() {
    return stalled;
  }

  /** Stalls begun since the node started. */
  long stalls() {
    return stalls;
  }
}

package org.xinlian.consensus;

import java.util.Objects;
import org.xinlian.common.Address;

/** What the engine asks the driver to do; actions of one {@link ConsensusEngine#handle} run in order. */
public sealed interface ConsensusAction {
  /** Send {@code bytes} to every other validator (and to followers, if the network has any). */
  record Broadcast(byte[] bytes) implements ConsensusAction {
    public Broadcast {
      Objects.requireNonNull(bytes, "bytes");
    }
  }

  /** Send {@code bytes} to one peer: answers to catch-up requests and the requests themselves. */
  record SendTo(Address peer, byte[] bytes) implements ConsensusAction {
    public SendTo {
      Objects.requireNonNull(peer, "peer");
      Objects.requireNonNull(bytes, "bytes");
    }
  }

  /**
   * Deliver {@code timeout} back as a {@link ConsensusEvent.TimeoutElapsed} after {@code
   * durationMillis}. Timeouts are never cancelled: the engine ignores one that no longer matches
   * its height and round, so the driver needs no cancellation either.
   */
  record ScheduleTimeout(Timeout timeout, long durationMillis) implements ConsensusAction {
    public ScheduleTimeout {
      Objects.requireNonNull(timeout, "timeout");
      if (durationMillis < 0) {
        throw new IllegalArgumentException("durationMillis: must not be negative");
      }
    }
  }

  /**
   * Store {@code state} durably, replacing the previous one, before carrying out the actions that
   * follow: it records the round, the lock and the votes this validator signed in it, and is
   * handed back to the engine's factory after a restart (CONSENSUS-13).
   */
  record PersistState(byte[] state) implements ConsensusAction {
    public PersistState {
      Objects.requireNonNull(state, "state");
    }
  }
}

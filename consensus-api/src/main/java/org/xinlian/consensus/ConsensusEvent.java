package org.xinlian.consensus;

import java.util.Objects;
import org.xinlian.common.Address;

/** What the driver tells the engine. */
public sealed interface ConsensusEvent {
  /**
   * The first event: the engine reads the application's head and its write-ahead state and
   * resumes where it stopped (or starts the next height).
   */
  record Start() implements ConsensusEvent {}

  /**
   * Bytes a peer sent. The engine decodes them strictly and authenticates what is signed; bytes
   * that fail are dropped and counted, never thrown back at the driver.
   *
   * @param from the peer as the transport authenticated it (the address of its node key); used
   *     to answer requests and to learn which peers are ahead, never to attribute a vote
   * @param bytes the message as received, at most {@link ConsensusLimits#MESSAGE_BYTES_MAX}
   */
  record MessageReceived(Address from, byte[] bytes) implements ConsensusEvent {
    public MessageReceived {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(bytes, "bytes");
    }
  }

  /** A timeout the engine scheduled with {@link ConsensusAction.ScheduleTimeout} has elapsed. */
  record TimeoutElapsed(Timeout timeout) implements ConsensusEvent {
    public TimeoutElapsed {
      Objects.requireNonNull(timeout, "timeout");
    }
  }
}

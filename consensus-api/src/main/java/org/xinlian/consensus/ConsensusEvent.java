package org.xinlian.consensus;

import java.util.Objects;
import org.xinlian.common.Address;
import org.xinlian.common.Hash;
import org.xinlian.types.block.Block;

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

  /** The block a {@link ConsensusAction.BuildBlock} asked for. */
  record BlockBuilt(ProposalRequest request, Block block) implements ConsensusEvent {
    public BlockBuilt {
      Objects.requireNonNull(request, "request");
      Objects.requireNonNull(block, "block");
    }
  }

  /** The application's verdict on the block a {@link ConsensusAction.ExecuteBlock} named. */
  record BlockExecuted(long height, Hash blockHash, ProposalVerdict verdict) implements ConsensusEvent {
    public BlockExecuted {
      Objects.requireNonNull(blockHash, "blockHash");
      Objects.requireNonNull(verdict, "verdict");
    }
  }

  /** The decided block a {@link ConsensusAction.CommitBlock} named is durably committed. */
  record BlockCommitted(long height, Hash blockHash, CommitOutcome outcome) implements ConsensusEvent {
    public BlockCommitted {
      Objects.requireNonNull(blockHash, "blockHash");
      Objects.requireNonNull(outcome, "outcome");
    }
  }
}

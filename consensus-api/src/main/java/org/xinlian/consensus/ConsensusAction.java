package org.xinlian.consensus;

import java.util.Objects;
import org.xinlian.common.Address;
import org.xinlian.common.Hash;
import org.xinlian.types.block.Block;

/**
 * What the engine asks the driver to do; actions of one {@link ConsensusEngine#handle} run in order.
 *
 * <p>Three actions are slow work for the {@link Application}: {@link BuildBlock}, {@link
 * ExecuteBlock} and {@link CommitBlock}. The driver carries them out off the engine's thread, one
 * at a time in the order asked, and hands each result back as an event ({@link
 * ConsensusEvent.BlockBuilt}, {@link ConsensusEvent.BlockExecuted}, {@link
 * ConsensusEvent.BlockCommitted}): exactly one per action, unless the engine is replaced first.
 * Meanwhile the engine keeps handling messages and timers, so a block that takes long to execute
 * never keeps a validator from voting or hearing its peers (docs/spec/consensus.md CONSENSUS-20).
 */
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

  /** Build the block this node proposes ({@link Application#prepareProposal}). */
  record BuildBlock(ProposalRequest request) implements ConsensusAction {
    public BuildBlock {
      Objects.requireNonNull(request, "request");
    }
  }

  /**
   * Check a proposed or decided block of the current height ({@link Application#processProposal}).
   *
   * @param blockHash the block's hash, which the engine already computed
   */
  record ExecuteBlock(Block block, Hash blockHash) implements ConsensusAction {
    public ExecuteBlock {
      Objects.requireNonNull(block, "block");
      Objects.requireNonNull(blockHash, "blockHash");
    }
  }

  /**
   * Finalise and persist the decided block with its certificate ({@link
   * Applications#finalizeAndCommit}); the engine enters the next height when it hears back.
   */
  record CommitBlock(CommittedBlock decision) implements ConsensusAction {
    public CommitBlock {
      Objects.requireNonNull(decision, "decision");
    }
  }
}

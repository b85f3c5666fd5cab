package org.xinlian.consensus;

import java.util.Optional;
import org.xinlian.types.block.Block;

/**
 * The port the consensus engine drives, shaped like CometBFT's ABCI: consensus orders blocks and
 * never touches state; the application builds, checks, executes and persists them. The node adapts
 * the execution module's {@code ExecutionPort} to it; the simulator plugs in a key-value machine.
 *
 * <p>Two kinds of callers: the engine itself calls the quick reads ({@link #lastCommitted}, {@link
 * #validatorSet}, {@link #heightTiming}, {@link #committedBlock}) from its event loop; the slow work ({@link
 * #prepareProposal}, {@link #processProposal}, {@link #finalizeBlock} and {@link #commit}) it asks
 * for with {@link ConsensusAction}s, which the driver carries out off the engine's thread, one at
 * a time, and answers with events (CONSENSUS-20). The methods must be deterministic in the block
 * and the committed chain (only {@link #prepareProposal} and the timestamp bound of {@link
 * #processProposal} may consult the node's clock), or honest validators would disagree on
 * validity (docs/spec/consensus.md CONSENSUS-15).
 */
public interface Application {
  /** The last committed block: genesis (height 0) on a new chain. */
  CommittedHead lastCommitted();

  /**
   * The validators of {@code height}, for any height up to {@code lastCommitted().height() + 2}:
   * the genesis set, changed only by the updates {@link #commit} reported, each taking effect two
   * heights after the block that reported it (CONSENSUS-16). The engine asks when it starts; later
   * it follows the updates itself.
   */
  ValidatorSet validatorSet(long height);

  /**
   * The timing of {@code height} when the chain sets it (CONSENSUS-23), for any height up to
   * {@code lastCommitted().height() + 1}; empty leaves the engine's own settings. The engine asks
   * each time it enters a height, the previous one committed, so the answer must follow from the
   * committed chain alone, as {@link #validatorSet} does: then every validator times a height
   * alike, and a replay gives the same actions.
   */
  default Optional<HeightTiming> heightTiming(long height) {
    return Optional.empty();
  }

  /**
   * Builds the block this node proposes: it extends the last committed block. An implementation
   * bounds how long it takes (a proposer-side budget, CONSENSUS-21), never what it may hold: the
   * block is still checked by gas alone.
   */
  Block prepareProposal(ProposalRequest request);

  /**
   * Decides whether a proposed block may be voted for: it extends the last committed block and
   * executes to the roots its header claims. A rejection names the first failing check.
   */
  ProposalVerdict processProposal(Block block);

  /**
   * Whether {@code block}'s body is the one its header commits to (its transactions root). Pure,
   * and quick next to execution: the engine asks it, on its own thread, of every block a peer
   * sends before anything else, so a faulty peer that pairs a valid header with another body is
   * refused at once, and a verdict of {@link #processProposal} can be kept by the header's hash
   * (CONSENSUS-20).
   */
  boolean bodyMatchesHeader(Block block);

  /** Executes a decided block without persisting it yet. */
  Finalization finalizeBlock(Block block);

  /**
   * Persists the finalised block with its certificate, atomically, before returning; the engine
   * moves to the next height only afterwards, so a crash never loses a block the node voted past.
   */
  CommitOutcome commit(Block block, CommitCertificate certificate);

  /**
   * A committed block with its certificate, for a peer that fell behind; empty when the height is
   * not committed here or its body was pruned.
   */
  Optional<CommittedBlock> committedBlock(long height);
}

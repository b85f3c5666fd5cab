package org.xinlian.execution;

import java.util.List;
import java.util.Optional;
import org.xinlian.common.Address;
import org.xinlian.common.Hash;
import org.xinlian.evm.StopSignal;
import org.xinlian.execution.governance.GovernanceRecords;
import org.xinlian.execution.governance.ValidatorHistory;
import org.xinlian.types.block.Block;

/**
 * The boundary consensus drives (docs/spec/execution.md), in the spirit of CometBFT's ABCI:
 * consensus never reads or writes state itself, and the single-node producer uses exactly this
 * port. Execution never reads the clock: the proposer supplies the timestamp and the caller the
 * bound it is checked against, so every validator reaches the same verdict on the same block.
 *
 * <p>Block-building methods are serialised by the implementation; {@link #call} and
 * {@link #estimateGas} may run concurrently with them.
 */
public interface ExecutionPort {
  /**
   * Builds the next block from candidate transactions in pool order (EXECUTION-1): those that
   * cannot be included now are skipped with a reason instead of failing the block.
   */
  Proposal prepareProposal(ProposalRequest request);

  /**
   * Validates someone else's proposal deterministically from the block and the parent state alone
   * (EXECUTION-2, EXECUTION-3).
   *
   * @param timestampUpperBound the latest timestamp the caller accepts (its clock plus the allowed
   *     drift), in seconds
   */
  ProposalVerdict processProposal(Block block, long timestampUpperBound);

  /**
   * Executes a decided block and keeps its state pending, not persisted (EXECUTION-4).
   *
   * @throws InvalidBlockException if the block does not extend the head or its execution does
   *     not give the header's roots
   */
  FinalizedBlock finalizeBlock(Block block);

  /**
   * Persists a finalised block with its commit certificate: state, block, receipts, indexes and
   * head in one atomic batch (EXECUTION-5). Old state is pruned separately, by
   * {@link #pruneStateIfDue}.
   *
   * @throws InvalidBlockException if the block was not finalised here or no longer extends the head
   */
  CommitResult commit(FinalizedBlock block, byte[] commitCertificate);

  /**
   * Deletes the trie nodes no retained state reaches, once enough blocks have become releasable
   * since the last run (EXECUTION-13, STATE-11); returns how many it deleted. Call it on the
   * committing thread after the pool and subscriptions have heard of the commit: a committed
   * block is visible to clients at once, and a prune can take a second on a busy machine, during
   * which a pool not yet told would still hold (and count against its limits) the block's
   * transactions.
   */
  long pruneStateIfDue();

  /**
   * The validator epochs the head state records, from the genesis set on (EXECUTION-11): exact
   * for every height up to the head + 2, so consensus asks it for the set of a height, a
   * restarted or syncing node included. Safe to call from any thread.
   */
  ValidatorHistory validatorHistory();

  /**
   * The nodes the head state's governance lists, each with its organisation and role (validator,
   * observer or removed; docs/spec/governance.md GOV-14), for P2P membership; empty on an open
   * development chain. Read again on a commit only when the governance contract's storage
   * changed, so cheap and safe to call from any thread.
   */
  Optional<List<GovernanceRecords.Node>> governedNodes();

  /**
   * Why {@code sender} may not send a transaction now (one that creates a contract when
   * {@code creates}), or empty: the chain's access policy asked on the head state, as the pool
   * asks it on admission (docs/spec/governance.md GOV-8, POOL-3). Cheap and safe to call from any
   * thread; block building and validation ask again on the state they execute on.
   */
  Optional<String> refuseSender(Address sender, boolean creates);

  /**
   * The system parameters in force for the block at {@code height} (docs/spec/governance.md
   * GOV-15): the genesis defaults as the governance decisions that took effect by then changed
   * them. Exact for every height up to the head + 2, since a change takes effect at least two
   * blocks after the block that decides it; the proposer builds {@code height} with them and
   * every validator requires them (EXECUTION-1 to EXECUTION-3), the pool admits by those of the
   * head + 1, consensus times the height by them. A past height is read from the state of the
   * block before it, so it needs that state retained. Safe to call from any thread.
   *
   * @throws IllegalArgumentException if {@code height} is negative or beyond the head + 2
   */
  SystemParameters parametersAt(long height);

  /**
   * Executes a message without committing anything (EXECUTION-6), on the state after the block
   * {@code blockHash}, or after the head when empty. Never stopped early.
   */
  default CallResult call(CallRequest request, Optional<Hash> blockHash) {
    return call(request, blockHash, StopSignal.NEVER);
  }

  /**
   * As {@link #call(CallRequest, Optional)}, asking {@code stop} while the code runs
   * (EXECUTION-15): the caller's time budget or its client's departure ends the call.
   *
   * @throws org.xinlian.evm.ExecutionStoppedException when {@code stop} asked to stop
   */
  CallResult call(CallRequest request, Optional<Hash> blockHash, StopSignal stop);

  /**
   * The smallest gas limit with which the message succeeds, or one at most 1.5% above it, found
   * in a bounded number of executions up to the request's gas (EXECUTION-7). Never stopped early.
   */
  default GasEstimate estimateGas(CallRequest request, Optional<Hash> blockHash) {
    return estimateGas(request, blockHash, StopSignal.NEVER);
  }

  /**
   * As {@link #estimateGas(CallRequest, Optional)}, asking {@code stop} during every execution of
   * the search (EXECUTION-15).
   *
   * @throws org.xinlian.evm.ExecutionStoppedException when {@code stop} asked to stop
   */
  GasEstimate estimateGas(CallRequest request, Optional<Hash> blockHash, StopSignal stop);
}

package org.xinlian.node.consensus;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongConsumer;
import org.xinlian.common.Clock;
import org.xinlian.common.DecodingException;
import org.xinlian.common.Hash;
import org.xinlian.consensus.Application;
import org.xinlian.consensus.CommitCertificate;
import org.xinlian.consensus.CommitOutcome;
import org.xinlian.consensus.CommittedBlock;
import org.xinlian.consensus.CommittedHead;
import org.xinlian.consensus.Finalization;
import org.xinlian.consensus.HeightTiming;
import org.xinlian.consensus.ProposalRequest;
import org.xinlian.consensus.ProposalVerdict;
import org.xinlian.consensus.ValidatorSet;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.execution.BlockLimits;
import org.xinlian.execution.CommitResult;
import org.xinlian.execution.ExecutionPort;
import org.xinlian.execution.FinalizedBlock;
import org.xinlian.execution.Proposal;
import org.xinlian.execution.SystemParameters;
import org.xinlian.evm.StopSignal;
import org.xinlian.execution.governance.ValidatorHistory;
import org.xinlian.execution.pool.PoolStateView;
import org.xinlian.execution.pool.TransactionPool;
import org.xinlian.ledger.chain.BlockRoots;
import org.xinlian.ledger.chain.BlockStore;
import org.xinlian.rpc.eth.ChainEventListener;
import org.xinlian.types.block.Block;
import org.xinlian.types.block.BlockHeader;

/**
 * The execution port, pool and block store behind the consensus {@link Application} port
 * (docs/spec/node.md NODE-9, docs/spec/consensus.md CONSENSUS-15). Consensus orders blocks; this
 * adapter builds them from the pool, checks proposals against the node's clock, executes and
 * commits them with their certificate in the ledger's one atomic batch, and then moves the pool
 * and the RPC subscriptions on, exactly as the single-validator producer does.
 *
 * <p>The slow methods ({@link #prepareProposal}, {@link #processProposal}, {@link #finalizeBlock},
 * {@link #commit}) run on the driver's execution thread, one at a time (CONSENSUS-20), or on the
 * driver's thread during a bulk sync, when the execution thread is idle; the reads run on the
 * driver's thread and, for {@link #committedBlock}, the block server's.
 */
final class ExecutionApplication implements Application {
  /** Most envelope bytes in one block, so a proposal stays well inside one P2P frame. */
  static final long BLOCK_BYTES_MAX = 8L * 1024 * 1024;
  /**
   * How far ahead of this node's clock a proposed block's timestamp may be: Ethereum's historic
   * allowance for clock skew between honest nodes (ALLOWED_FUTURE_BLOCK_TIME).
   */
  static final long TIMESTAMP_DRIFT_SECONDS_MAX = 15;
  /** Heights whose first proposal time is remembered for the finality timer. */
  static final int PROPOSALS_TIMED_MAX = 16;

  private static final System.Logger LOG = System.getLogger(ExecutionApplication.class.getName());

  private final ExecutionPort execution;
  private final BlockStore blocks;
  private final TransactionPool pool;
  private final Function<Hash, PoolStateView> stateViews;
  private final ChainEventListener events;
  private final CryptoSuite suite;
  private final Consumer<ValidatorHistory> historyGrown;
  private final LongConsumer committed;
  private final long roundTimeoutMs;
  private final Clock clock;
  private final long blockBuildNanos;
  private final Counter buildBudgetReached;
  private final Timer executionTimer;
  private final Timer finalityTimer;
  private final TreeMap<Long, Long> proposalSeenNanos = new TreeMap<>();
  private FinalizedBlock finalized;
  private long finalizeStartedNanos;
  private volatile long lastCommitNanos;
  /** Epochs in the history when {@link #historyGrown} last heard of it. */
  private int epochsKnown;

  /**
   * @param historyGrown told, on the committing thread, when a committed block recorded a new
   *     validator epoch (the node admits its validators to P2P at once, docs/adr/0009)
   * @param committed told, on the committing thread, the number of every block committed, after
   *     {@code historyGrown} (P2P membership follows governance, NODE-23)
   * @param roundTimeoutMs the node's {@code consensus.roundTimeoutMs}: the round deadline of a
   *     height whose parameters leave it to each node (GOV-15 {@code roundTimeoutMs} 0)
   */
  ExecutionApplication(ExecutionPort execution, BlockStore blocks, TransactionPool pool,
      Function<Hash, PoolStateView> stateViews, ChainEventListener events, CryptoSuite suite,
      Consumer<ValidatorHistory> historyGrown, LongConsumer committed, long roundTimeoutMs, Clock clock,
      long blockBuildTimeMs, Counter buildBudgetReached, Timer executionTimer, Timer finalityTimer) {
    this.execution = execution;
    this.blocks = blocks;
    this.pool = pool;
    this.stateViews = stateViews;
    this.events = events;
    this.suite = suite;
    this.historyGrown = historyGrown;
    this.committed = committed;
    this.epochsKnown = execution.validatorHistory().epochs().size();
    this.roundTimeoutMs = roundTimeoutMs;
    this.clock = clock;
    this.blockBuildNanos = TimeUnit.MILLISECONDS.toNanos(blockBuildTimeMs);
    this.buildBudgetReached = buildBudgetReached;
    this.executionTimer = executionTimer;
    this.finalityTimer = finalityTimer;
    this.lastCommitNanos = clock.nanoTime();
  }

  @Override
  public CommittedHead lastCommitted() {
    BlockHeader head = head();
    return new CommittedHead(head.number(), head.hash(suite));
  }

  /**
   * The validators of the epoch that governs {@code height} in the execution port's history, each
   * with power 1: the genesis set until a governance transaction records another (EXECUTION-11),
   * exact up to the head + 2, so a restarted or syncing node gets the sets every other node used.
   */
  @Override
  public ValidatorSet validatorSet(long height) {
    return ValidatorSet.equalPower(execution.validatorHistory().at(height).validators());
  }

  /**
   * The chain's timing of {@code height} (CONSENSUS-23): its {@code blockIntervalMs} is the
   * proposal delay, its {@code roundTimeoutMs} the round deadline, or this node's own when the
   * chain leaves it at 0 (GOV-15). From the committed chain alone, so every validator agrees.
   */
  @Override
  public Optional<HeightTiming> heightTiming(long height) {
    SystemParameters parameters = execution.parametersAt(height);
    return Optional.of(new HeightTiming(parameters.blockIntervalMs(), roundTimeoutMs(parameters)));
  }

  /**
   * The proposer's build budget at a height (CONSENSUS-21): the configured one, but at most half
   * the round deadline the chain set, so a round a vote shortened still sees the proposal.
   */
  static long buildBudgetNanos(long configuredNanos, SystemParameters parameters) {
    if (parameters.roundTimeoutMs() == SystemParameters.ROUND_TIMEOUT_MS_NODE_CONFIGURED) {
      return configuredNanos;
    }
    return Math.min(configuredNanos, TimeUnit.MILLISECONDS.toNanos(
        parameters.roundTimeoutMs() / ConsensusConfig.BLOCK_BUILD_TIME_DEFAULT_DIVISOR));
  }

  private long roundTimeoutMs(SystemParameters parameters) {
    return parameters.roundTimeoutMs() == SystemParameters.ROUND_TIMEOUT_MS_NODE_CONFIGURED
        ? roundTimeoutMs : parameters.roundTimeoutMs();
  }

  @Override
  public Block prepareProposal(ProposalRequest request) {
    proposalSeen(request.height());
    BlockHeader parent = head();
    // Not parent + 1: several blocks a second share a timestamp (EXECUTION-2), so block time
    // follows the clock instead of running ahead of it at high block rates.
    long timestamp = Math.max(parent.timestamp(), clockSeconds());
    SystemParameters parameters = execution.parametersAt(request.height());
    long buildNanos = buildBudgetNanos(blockBuildNanos, parameters);
    long started = clock.nanoTime();
    long deadline = started + buildNanos;
    // The proposer's own clock bounds its build (CONSENSUS-21); validators check by gas alone.
    StopSignal budget = () -> clock.nanoTime() - deadline >= 0;
    Proposal proposal = execution.prepareProposal(new org.xinlian.execution.ProposalRequest(
        request.height(), request.parentHash(), timestamp, request.proposer(),
        pool.candidates(parameters.blockGasLimit(), parameters.maxTransactionsPerBlock(), BLOCK_BYTES_MAX),
        new BlockLimits(parameters.blockGasLimit(), BLOCK_BYTES_MAX, parameters.maxTransactionsPerBlock()),
        budget));
    if (proposal.budgetReached()) {
      buildBudgetReached.increment();
      LOG.log(System.Logger.Level.INFO, "block {0}: build budget of {1} ms reached after {2} ms and"
              + " {3} transactions ({4} gas); the rest waits for the next block",
          Long.toString(request.height()), Long.toString(TimeUnit.NANOSECONDS.toMillis(buildNanos)),
          Long.toString(TimeUnit.NANOSECONDS.toMillis(clock.nanoTime() - started)),
          proposal.block().transactions().size(), Long.toString(proposal.block().header().gasUsed()));
    }
    return proposal.block();
  }

  @Override
  public ProposalVerdict processProposal(Block block) {
    proposalSeen(block.header().number());
    org.xinlian.execution.ProposalVerdict verdict =
        execution.processProposal(block, clockSeconds() + TIMESTAMP_DRIFT_SECONDS_MAX);
    return verdict.rejection().map(ProposalVerdict::reject).orElseGet(ProposalVerdict::accept);
  }

  @Override
  public boolean bodyMatchesHeader(Block block) {
    return BlockRoots.transactionsRoot(suite, block.transactions()).equals(block.header().transactionsRoot());
  }

  @Override
  public Finalization finalizeBlock(Block block) {
    finalizeStartedNanos = clock.nanoTime();
    finalized = execution.finalizeBlock(block);
    return new Finalization(finalized.stateRoot());
  }

  @Override
  public CommitOutcome commit(Block block, CommitCertificate certificate) {
    Hash hash = block.header().hash(suite);
    if (finalized == null || !finalized.hash().equals(hash)) {
      finalizeBlock(block);
    }
    FinalizedBlock executed = finalized;
    finalized = null;
    CommitResult result = execution.commit(executed, certificate.encode(suite));
    long now = clock.nanoTime();
    executionTimer.record(now - finalizeStartedNanos, TimeUnit.NANOSECONDS);
    lastCommitNanos = now;
    Long seen = proposalSeenNanos.remove(result.number());
    if (seen != null) {
      finalityTimer.record(now - seen, TimeUnit.NANOSECONDS);
    }
    proposalSeenNanos.headMap(result.number()).clear();
    pool.onBlockCommitted(executed.transactionHashes(), stateViews.apply(result.stateRoot()));
    events.onBlockCommitted(executed.block(), executed.receipts());
    // After the pool moved on: clients see the block at once, and a prune may take a while
    // (EXECUTION-13).
    execution.pruneStateIfDue();
    ValidatorHistory history = execution.validatorHistory();
    if (history.epochs().size() > epochsKnown) {
      epochsKnown = history.epochs().size();
      LOG.log(System.Logger.Level.INFO, "block {0} recorded validator epoch {1}: {2} validators from height {3}",
          result.number(), history.latest().number(), history.latest().validators().size(),
          history.latest().activationHeight());
      historyGrown.accept(history);
    }
    committed.accept(result.number());
    // Reported by the commit two heights before the epoch starts, so the engine applies it there.
    return result.validatorChange()
        .map(epoch -> CommitOutcome.changedTo(ValidatorSet.equalPower(epoch.validators())))
        .orElseGet(CommitOutcome::unchanged);
  }

  /**
   * The block at {@code height} with the certificate its header stores. The block goes out
   * without the certificate bytes in its header: the hash does not cover them and the certificate
   * travels beside it, so the receiver attaches the one it verified.
   */
  @Override
  public Optional<CommittedBlock> committedBlock(long height) {
    if (height < 1) {
      return Optional.empty();
    }
    Optional<Block> stored = blocks.block(height);
    if (stored.isEmpty()) {
      return Optional.empty();
    }
    BlockHeader header = stored.get().header();
    byte[] encoded = header.commitCertificate();
    if (encoded.length == 0) {
      // A block of the single-validator producer, before this chain ran consensus.
      return Optional.empty();
    }
    try {
      CommitCertificate certificate = CommitCertificate.decode(encoded, suite);
      return Optional.of(new CommittedBlock(
          new Block(header.withCommitCertificate(new byte[0]), stored.get().transactions()),
          certificate));
    } catch (DecodingException e) {
      LOG.log(System.Logger.Level.WARNING, "the stored certificate of block " + height + " does not decode: "
          + e.getMessage());
      return Optional.empty();
    }
  }

  /** When the last block was committed here, on the clock's monotonic scale. */
  long lastCommitNanos() {
    return lastCommitNanos;
  }

  /** The committed head's header; a started node always has at least its genesis. */
  BlockHeader head() {
    return blocks.head().orElseThrow(() -> new IllegalStateException("no genesis in the store"));
  }

  long clockSeconds() {
    return clock.currentTimeMillis() / 1000;
  }

  private void proposalSeen(long height) {
    if (!proposalSeenNanos.containsKey(height)) {
      proposalSeenNanos.put(height, clock.nanoTime());
      while (proposalSeenNanos.size() > PROPOSALS_TIMED_MAX) {
        proposalSeenNanos.pollLastEntry();
      }
    }
  }
}

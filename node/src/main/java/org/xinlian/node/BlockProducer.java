package org.xinlian.node;

import io.micrometer.core.instrument.Timer;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.xinlian.common.Address;
import org.xinlian.common.Clock;
import org.xinlian.common.Hash;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.execution.BlockLimits;
import org.xinlian.execution.CommitResult;
import org.xinlian.execution.ExecutionPort;
import org.xinlian.execution.FinalizedBlock;
import org.xinlian.execution.Proposal;
import org.xinlian.execution.ProposalRequest;
import org.xinlian.execution.SkippedTransaction;
import org.xinlian.execution.SystemParameters;
import org.xinlian.execution.pool.PoolStateView;
import org.xinlian.execution.pool.TransactionPool;
import org.xinlian.ledger.chain.BlockStore;
import org.xinlian.rpc.eth.ChainEventListener;
import org.xinlian.types.block.BlockHeader;
import org.xinlian.types.transaction.VerifiedTransaction;

/**
 * The single-validator block producer (NODE-3): one dedicated thread that turns pending
 * transactions into committed blocks through the same {@link ExecutionPort} consensus will drive.
 * It wakes when the pool reports a pending transaction and at least every {@link #RECHECK_MS}, so
 * a missed notification delays a block but never loses it. Each block takes the gas limit and
 * transaction count of its height's parameters (GOV-15); its timing is the node's own {@code
 * blockProduction}, a development chain's automine, not the chain's {@code blockIntervalMs}.
 */
final class BlockProducer implements AutoCloseable {
  /** Longest wait before looking at the pool again without a notification. */
  static final long RECHECK_MS = 1_000;
  /** Most envelope bytes in one block, so a block stays quick to store and to serve. */
  static final long BLOCK_BYTES_MAX = 8L * 1024 * 1024;
  /** A single validator certifies its own blocks; BFT certificates arrive with consensus. */
  private static final byte[] SINGLE_VALIDATOR_CERTIFICATE = new byte[0];

  private final ExecutionPort execution;
  private final BlockStore blocks;
  private final TransactionPool pool;
  private final Function<Hash, PoolStateView> stateViews;
  private final ChainEventListener events;
  private final CryptoSuite suite;
  private final Address coinbase;
  private final NodeConfig.BlockProduction production;
  private final Clock clock;
  private final Timer executionTimer;
  private final java.util.function.Consumer<Throwable> onFailure;
  private final Object signal = new Object();
  private final Thread thread;
  private boolean wakeRequested;
  private volatile boolean stopping;
  private volatile Throwable failure;
  private long lastBlockNanos;
  /** The last attempt committed nothing: wait for the pool to change before trying again. */
  private boolean idle;
  /** Candidates every proposal skipped since the last commit: not offered again until one. */
  private final Set<Hash> skippedSinceCommit = new HashSet<>();

  BlockProducer(ExecutionPort execution, BlockStore blocks, TransactionPool pool,
      Function<Hash, PoolStateView> stateViews, ChainEventListener events, CryptoSuite suite,
      Address coinbase, NodeConfig.BlockProduction production, Clock clock,
      Timer executionTimer, java.util.function.Consumer<Throwable> onFailure) {
    this.execution = execution;
    this.blocks = blocks;
    this.pool = pool;
    this.stateViews = stateViews;
    this.events = events;
    this.suite = suite;
    this.coinbase = coinbase;
    this.production = production;
    this.clock = clock;
    this.executionTimer = executionTimer;
    this.onFailure = onFailure;
    this.lastBlockNanos = clock.nanoTime();
    this.thread = new Thread(this::run, "xinlian-block-producer");
    this.thread.setDaemon(false);
  }

  void start() {
    pool.addListener(transaction -> wake());
    thread.start();
  }

  /** Asks the producer to look at the pool now. */
  void wake() {
    synchronized (signal) {
      wakeRequested = true;
      signal.notifyAll();
    }
  }

  /** Why the producer stopped on its own, if it did: a failed block leaves it stopped. */
  Throwable failure() {
    return failure;
  }

  private void run() {
    try {
      while (!stopping) {
        waitForWork();
        if (stopping) {
          return;
        }
        long spacingLeftMs = production.minimumSpacingMs() - elapsedMs();
        if (spacingLeftMs > 0) {
          waitMs(spacingLeftMs);
          continue;
        }
        boolean emptyDue = production.emptyBlockIntervalMs() > 0
            && elapsedMs() >= production.emptyBlockIntervalMs();
        idle = !((pool.pendingCount() > 0 || emptyDue) && produce(emptyDue));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException | Error e) {
      // A block that cannot be built or committed (a full disk, a failed write, a ledger that
      // disagrees with the port): stop writing and report why; the commit was atomic, nothing is
      // torn, and the node fails stop (NODE-17).
      failure = e;
      onFailure.accept(e);
    }
  }

  private void waitForWork() throws InterruptedException {
    long waitMs = RECHECK_MS;
    if (production.emptyBlockIntervalMs() > 0) {
      waitMs = Math.max(1, Math.min(waitMs, production.emptyBlockIntervalMs() - elapsedMs()));
    }
    synchronized (signal) {
      if (!wakeRequested && !stopping && (idle || pool.pendingCount() == 0)) {
        signal.wait(waitMs);
      }
      wakeRequested = false;
    }
  }

  private void waitMs(long ms) throws InterruptedException {
    synchronized (signal) {
      if (!stopping) {
        signal.wait(ms);
      }
    }
  }

  private long elapsedMs() {
    return TimeUnit.NANOSECONDS.toMillis(clock.nanoTime() - lastBlockNanos);
  }

  private boolean produce(boolean emptyAllowed) {
    BlockHeader head = blocks.head().orElseThrow(() -> new IllegalStateException("no genesis"));
    // The next height's gas limit and transaction count, which a vote may have changed (GOV-15).
    SystemParameters parameters = execution.parametersAt(head.number() + 1);
    List<VerifiedTransaction> candidates = pool.candidates(parameters.blockGasLimit(),
        parameters.maxTransactionsPerBlock(), BLOCK_BYTES_MAX).stream().filter(t -> !skippedSinceCommit.contains(t.hash())).toList();
    if (candidates.isEmpty() && !emptyAllowed) {
      return false;
    }
    long timestamp = Math.max(head.timestamp() + 1, clock.currentTimeMillis() / 1000);
    long started = clock.nanoTime();
    Proposal proposal = execution.prepareProposal(new ProposalRequest(head.number() + 1,
        head.hash(suite), timestamp, coinbase, candidates,
        new BlockLimits(parameters.blockGasLimit(), BLOCK_BYTES_MAX, parameters.maxTransactionsPerBlock())));
    Set<Hash> skipped = new HashSet<>();
    for (SkippedTransaction skip : proposal.skipped()) {
      skipped.add(skip.hash());
    }
    if (proposal.block().transactions().isEmpty() && !emptyAllowed) {
      // Everything offered was skipped (for example a fee cap below the base fee): wait for the
      // pool to change instead of proposing the same candidates in a loop.
      skippedSinceCommit.addAll(skipped);
      return false;
    }
    FinalizedBlock finalized = execution.finalizeBlock(proposal.block());
    CommitResult committed = execution.commit(finalized, SINGLE_VALIDATOR_CERTIFICATE);
    executionTimer.record(clock.nanoTime() - started, TimeUnit.NANOSECONDS);
    lastBlockNanos = clock.nanoTime();
    skippedSinceCommit.clear();
    List<Hash> included = candidates.stream().map(VerifiedTransaction::hash)
        .filter(hash -> !skipped.contains(hash)).toList();
    pool.onBlockCommitted(included, stateViews.apply(committed.stateRoot()));
    events.onBlockCommitted(finalized.block(), finalized.receipts());
    // After the pool moved on: clients see the block at once, and a prune may take a while.
    execution.pruneStateIfDue();
    return true;
  }

  /** Stops after the block in progress, if any, is committed. */
  @Override
  public void close() {
    stopping = true;
    wake();
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

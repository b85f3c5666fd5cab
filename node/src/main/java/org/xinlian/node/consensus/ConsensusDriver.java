package org.xinlian.node.consensus;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.xinlian.common.Address;
import org.xinlian.common.Clock;
import org.xinlian.common.DecodingException;
import org.xinlian.consensus.ConsensusAction;
import org.xinlian.consensus.ConsensusEngine;
import org.xinlian.consensus.ConsensusEvent;
import org.xinlian.consensus.EngineStatus;
import org.xinlian.consensus.Timeout;
import org.xinlian.consensus.TimeoutStep;
import org.xinlian.consensus.message.MessageCodec;
import org.xinlian.execution.pool.TransactionPool;
import org.xinlian.network.NodeId;
import org.xinlian.network.Transport;

/**
 * Runs the pure consensus engine (docs/spec/node.md NODE-10): one thread owns it and takes events
 * from one queue: consensus and block-sync messages from the transport's I/O threads, elapsed
 * timers from a scheduler, and its own periodic tick. It carries out the engine's actions in
 * order: the write-ahead state durably before anything after it, broadcasts and sends on the
 * consensus channel, timers. Network events beyond {@link #NETWORK_EVENTS_QUEUED_MAX} are dropped
 * and counted (the engine retransmits, so loss costs time, never safety); timers are never
 * dropped.
 *
 * <p>The round-0 proposal delay is the driver's to deliver: it holds it until transactions are
 * pending and {@code blockIntervalMs} has passed since the last commit, or until the empty-block
 * interval (the delay the engine asked for) has passed, and never lets a block's timestamp run
 * more than {@link #PROPOSAL_TIMESTAMP_LEAD_SECONDS} ahead of the clock, since validators refuse
 * blocks from the future.
 *
 * <p>The engine's slow requests (build, execute, commit a block) run on a second thread, the
 * execution thread, one at a time in the order asked, and come back as events (CONSENSUS-20):
 * the driver's thread keeps handing the engine messages and timers meanwhile, so a block that
 * takes long to execute never makes this validator deaf to its peers.
 *
 * <p>While {@link BlockSync} runs, the engine is paused (dropped) and the execution thread has
 * finished what it was doing; when the sync ends a fresh engine starts from the last write-ahead
 * state. A failure of the engine or the application (a block that executes differently here than
 * on the quorum, a storage error) stops the driver: the node keeps serving reads and reports it
 * through {@link #failure()}.
 */
final class ConsensusDriver implements AutoCloseable {
  /** Messages from peers waiting for the engine: about a second of a busy 300-validator network. */
  static final int NETWORK_EVENTS_QUEUED_MAX = 8_192;
  /** How often the driver announces its head and looks at sync and the held proposal. */
  static final long TICK_INTERVAL_MS = 500;
  /** How far ahead of this node's clock the next block's timestamp may be when it is proposed. */
  static final long PROPOSAL_TIMESTAMP_LEAD_SECONDS = 2;


  private static final System.Logger LOG = System.getLogger(ConsensusDriver.class.getName());

  private sealed interface Event {
    record Message(Address from, byte[] bytes) implements Event {}

    record Sync(Address from, byte[] bytes) implements Event {}

    record Elapsed(long generation, Timeout timeout) implements Event {}

    record PeerUp(NodeId peer) implements Event {}

    record PeerGone(Address peer) implements Event {}

    record Tick() implements Event {}

    record ProposalCheck() implements Event {}

    /** The answer to application work the engine of {@code generation} asked for. */
    record Applied(long generation, ConsensusEvent answer) implements Event {}

    record ApplicationFailed(Throwable cause) implements Event {}

    record Stop() implements Event {}
  }

  private final Function<Optional<byte[]>, ConsensusEngine> engines;
  private final ExecutionApplication application;
  private final Transport transport;
  private final int payloadBytesMax;
  private final WriteAheadStateFile stateFile;
  private final BlockSync sync;
  private final BlockServer server;
  private final TransactionPool pool;
  private final Clock clock;
  private final long blockIntervalNanos;
  private final MessageCodec codec;
  private final ScheduledExecutorService timers;
  private final ApplicationWorker worker;
  private final LinkedBlockingQueue<Event> queue = new LinkedBlockingQueue<>();
  private final AtomicInteger networkQueued = new AtomicInteger();
  private final AtomicBoolean awaitingTransactions = new AtomicBoolean();
  private final AtomicLong queueDropped = new AtomicLong();
  private final AtomicLong oversizedDropped = new AtomicLong();
  private final AtomicLong malformedSync = new AtomicLong();
  private final Thread thread;
  private final java.util.function.Consumer<Throwable> onFailure;
  private final ConsensusWatch watch;

  // Owned by the driver thread.
  private ConsensusEngine engine;
  private long generation;
  private Optional<byte[]> lastPersisted;
  private Timeout heldProposal;
  private long heldDeadlineNanos;
  private final EngineTotals totals = new EngineTotals();

  private volatile EngineStatus status;
  private volatile boolean syncing;
  private volatile Throwable failure;
  private volatile boolean stopping;


  /**
   * Creates the first engine at once, so a damaged write-ahead state refuses the node's start.
   *
   * @param engines builds an engine from the stored write-ahead state
   */
  ConsensusDriver(Function<Optional<byte[]>, ConsensusEngine> engines,
      ExecutionApplication application, Transport transport, int payloadBytesMax,
      WriteAheadStateFile stateFile, BlockSync sync, BlockServer server, TransactionPool pool,
      Clock clock, long blockIntervalMs, long stallAfterMs,
      java.util.function.Consumer<Throwable> onFailure) {
    this.engines = engines;
    this.application = application;
    this.transport = transport;
    this.payloadBytesMax = payloadBytesMax;
    this.stateFile = stateFile;
    this.sync = sync;
    this.server = server;
    this.pool = pool;
    this.clock = clock;
    this.blockIntervalNanos = TimeUnit.MILLISECONDS.toNanos(blockIntervalMs);
    this.onFailure = onFailure;
    this.watch = new ConsensusWatch(stallAfterMs);
    this.codec = server.codec();
    this.lastPersisted = stateFile.read();
    this.engine = engines.apply(lastPersisted);
    this.status = engine.status();
    ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, runnable -> {
      Thread timerThread = new Thread(runnable, "xinlian-consensus-timers");
      timerThread.setDaemon(true);
      return timerThread;
    });
    scheduler.setRemoveOnCancelPolicy(true);
    this.timers = scheduler;
    this.worker = new ApplicationWorker(application);
    this.thread = new Thread(this::run, "xinlian-consensus");
  }

  void start() {
    thread.start();
    timers.scheduleWithFixedDelay(() -> enqueue(new Event.Tick()), TICK_INTERVAL_MS,
        TICK_INTERVAL_MS, TimeUnit.MILLISECONDS);
  }

  /** A consensus message from a peer, on an I/O thread. */
  void onConsensusMessage(NodeId peer, byte[] payload) {
    offerNetwork(new Event.Message(peer.address(), payload));
  }

  /** A block-sync message from a peer, on an I/O thread. */
  void onSyncMessage(NodeId peer, byte[] payload) {
    offerNetwork(new Event.Sync(peer.address(), payload));
  }

  /** A peer connected: it learns this node's head at once rather than at the next tick. */
  void onPeerConnected(NodeId peer) {
    enqueue(new Event.PeerUp(peer));
  }

  void onPeerDisconnected(NodeId peer) {
    enqueue(new Event.PeerGone(peer.address()));
  }

  /** The pool has a pending transaction: look at the held proposal now rather than at the tick. */
  void onTransactionPending() {
    if (awaitingTransactions.compareAndSet(true, false)) {
      enqueue(new Event.ProposalCheck());
    }
  }

  private void offerNetwork(Event event) {
    if (stopping) {
      return;
    }
    if (networkQueued.incrementAndGet() > NETWORK_EVENTS_QUEUED_MAX) {
      networkQueued.decrementAndGet();
      queueDropped.incrementAndGet();
      return;
    }
    queue.add(event);
  }

  private void enqueue(Event event) {
    if (!stopping) {
      queue.add(event);
    }
  }

  private void run() {
    try {
      ConsensusLogContext.set(status);
      startEngine(false);
      while (true) {
        Event event = queue.take();
        if (event instanceof Event.Message || event instanceof Event.Sync) {
          networkQueued.decrementAndGet();
        }
        if (stopping || event instanceof Event.Stop) {
          return;
        }
        handle(event);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException | Error e) {
      failure = e;
      onFailure.accept(e);
    } finally {
      // Nothing takes events any more: stop the timers and let the queue go.
      stopping = true;
      timers.shutdownNow();
      // A job in progress (a commit, perhaps) finishes; nothing new starts.
      worker.stopTakingWork();
      queue.clear();
    }
  }

  private void handle(Event event) {
    if (event instanceof Event.Message message) {
      if (engine != null) {
        carry(engine.handle(new ConsensusEvent.MessageReceived(message.from(), message.bytes())));
      }
    } else if (event instanceof Event.Elapsed elapsed) {
      if (engine != null && elapsed.generation() == generation) {
        carry(engine.handle(new ConsensusEvent.TimeoutElapsed(elapsed.timeout())));
      }
    } else if (event instanceof Event.Sync message) {
      onSync(message.from(), message.bytes());
    } else if (event instanceof Event.PeerUp up) {
      transport.send(up.peer(), P2pChannels.BLOCK_SYNC, SyncMessage.encode(
          new SyncMessage.Status(application.head().number()), codec));
    } else if (event instanceof Event.PeerGone gone) {
      sync.onPeerGone(gone.peer());
      lostPeer(gone.peer());
    } else if (event instanceof Event.Tick) {
      transport.broadcast(P2pChannels.BLOCK_SYNC, SyncMessage.encode(
          new SyncMessage.Status(application.head().number()), codec));
      pollSync();
      checkProposal();
      watch.tick(clock.nanoTime(), application.lastCommitNanos(), transport.connectedPeers().size(),
          sync.active());
    } else if (event instanceof Event.ProposalCheck) {
      checkProposal();
    } else if (event instanceof Event.Applied applied) {
      if (engine != null && applied.generation() == generation) {
        carry(engine.handle(applied.answer()));
      }
    } else if (event instanceof Event.ApplicationFailed failed) {
      throw new IllegalStateException("the application failed: " + failed.cause(), failed.cause());
    }
  }

  private void onSync(Address from, byte[] bytes) {
    SyncMessage message;
    try {
      message = SyncMessage.decode(bytes, codec);
    } catch (DecodingException e) {
      malformedSync.incrementAndGet();
      return;
    }
    if (message instanceof SyncMessage.Status status) {
      sync.onStatus(from, status.head());
    } else if (message instanceof SyncMessage.GetBlocks request) {
      server.serve(new NodeId(from), request);
    } else if (message instanceof SyncMessage.Blocks blocks) {
      sync.onBlocks(from, blocks.blocks());
      pollSync();
    }
  }

  private void lostPeer(Address peer) {
    org.xinlian.consensus.ValidatorSet validators =
        application.validatorSet(application.head().number() + 1);
    long connected = transport.connectedPeers().stream()
        .filter(id -> validators.contains(id.address())).count();
    watch.peerLost(peer, validators.contains(peer), (int) connected, validators.size());
  }

  /** Starts or ends a bulk sync by the peers' heads, and sends the next request. */
  private void pollSync() {
    boolean wasActive = sync.active();
    Optional<BlockSync.Request> request = sync.poll(clock.nanoTime());
    if (!wasActive && sync.active()) {
      retireEngine();
      // The sync commits on this thread: whatever the execution thread does must end first.
      worker.awaitIdle();
    }
    request.ifPresent(next -> send(next.peer(), P2pChannels.BLOCK_SYNC,
        SyncMessage.encode(next.message(), codec)));
    if (wasActive && !sync.active()) {
      startEngine(true);
    }
    syncing = sync.active();
  }

  private void startEngine(boolean fresh) {
    generation++;
    if (fresh) {
      engine = engines.apply(lastPersisted);
    }
    carry(engine.handle(new ConsensusEvent.Start()));
  }

  /** Drops the engine (a bulk sync commits behind its back); its counters stay in the totals. */
  private void retireEngine() {
    totals.retired(engine.status());
    engine = null;
    generation++;
    heldProposal = null;
  }

  /**
   * Hands application work to the execution thread; its answer comes back as an event tagged
   * with the engine's generation, so an engine retired meanwhile never sees it.
   */
  private void submitApplicationWork(ConsensusAction action) {
    long askedBy = generation;
    worker.submit(action, ConsensusLogContext.capture(), answer -> enqueue(new Event.Applied(askedBy, answer)),
        failure -> enqueue(new Event.ApplicationFailed(failure)));
  }

  /** Carries out one handle's actions in order; a write-ahead state is durable before the rest. */
  private void carry(List<ConsensusAction> actions) {
    for (ConsensusAction action : actions) {
      if (action instanceof ConsensusAction.PersistState persist) {
        stateFile.write(persist.state());
        lastPersisted = Optional.of(persist.state());
      } else if (action instanceof ConsensusAction.Broadcast broadcast) {
        if (fits(broadcast.bytes())) {
          transport.broadcast(P2pChannels.CONSENSUS, broadcast.bytes());
        }
      } else if (action instanceof ConsensusAction.SendTo sendTo) {
        send(sendTo.peer(), P2pChannels.CONSENSUS, sendTo.bytes());
      } else if (ApplicationWorker.isWork(action)) {
        submitApplicationWork(action);
      } else if (action instanceof ConsensusAction.ScheduleTimeout schedule) {
        if (schedule.timeout().step() == TimeoutStep.PROPOSAL_DELAY) {
          holdProposal(schedule.timeout(), schedule.durationMillis());
        } else {
          long scheduledGeneration = generation;
          after(schedule.durationMillis(), new Event.Elapsed(scheduledGeneration, schedule.timeout()));
        }
      }
    }
    publishStatus();
  }

  private void send(Address peer, int channel, byte[] bytes) {
    if (fits(bytes)) {
      transport.send(new NodeId(peer), channel, bytes);
    }
  }

  private boolean fits(byte[] bytes) {
    if (bytes.length > payloadBytesMax) {
      oversizedDropped.incrementAndGet();
      return false;
    }
    return true;
  }

  private void after(long millis, Event event) {
    try {
      timers.schedule(() -> enqueue(event), millis, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      // Closing: the timer would fire into a stopped driver anyway.
    }
  }

  /** Records the engine's wish to propose; {@link #checkProposal} decides when it comes true. */
  private void holdProposal(Timeout timeout, long emptyBlockDelayMillis) {
    heldProposal = timeout;
    heldDeadlineNanos = clock.nanoTime() + TimeUnit.MILLISECONDS.toNanos(emptyBlockDelayMillis);
    long spacingLeftNanos = application.lastCommitNanos() + blockIntervalNanos - clock.nanoTime();
    if (spacingLeftNanos > 0) {
      after(TimeUnit.NANOSECONDS.toMillis(spacingLeftNanos) + 1, new Event.ProposalCheck());
    }
    after(emptyBlockDelayMillis, new Event.ProposalCheck());
    enqueue(new Event.ProposalCheck());
  }

  private void checkProposal() {
    if (heldProposal == null || engine == null) {
      return;
    }
    long now = clock.nanoTime();
    boolean spaced = now - application.lastCommitNanos() >= blockIntervalNanos;
    boolean due = now - heldDeadlineNanos >= 0 || spaced && pool.pendingCount() > 0;
    if (!due) {
      awaitingTransactions.set(true);
      return;
    }
    // The next block's timestamp is max(head, clock): ahead of the clock only when the head
    // already is (a proposer with a fast clock), and then this node waits for its clock.
    long nextTimestamp = Math.max(application.head().timestamp(), application.clockSeconds());
    long leadSeconds = nextTimestamp - application.clockSeconds();
    if (leadSeconds > PROPOSAL_TIMESTAMP_LEAD_SECONDS) {
      long waitMillis = (nextTimestamp - PROPOSAL_TIMESTAMP_LEAD_SECONDS) * 1000
          - clock.currentTimeMillis();
      after(Math.max(1, waitMillis), new Event.ProposalCheck());
      return;
    }
    Timeout timeout = heldProposal;
    heldProposal = null;
    awaitingTransactions.set(false);
    carry(engine.handle(new ConsensusEvent.TimeoutElapsed(timeout)));
  }

  private void publishStatus() {
    EngineStatus current = engine.status();
    status = current;
    ConsensusLogContext.set(current);
    totals.observed(current);
    watch.observed(current);
  }

  /** The engine's position after the last event (the last engine's while a sync runs). */
  EngineStatus status() {
    return status;
  }

  EngineTotals.Counters counters() {
    return totals.totals();
  }

  boolean syncing() {
    return syncing;
  }

  /** Whether no block was committed for the stall time (NODE-19). */
  boolean stalled() {
    return watch.stalled();
  }

  long stalls() {
    return watch.stalls();
  }

  /** Messages from peers dropped because the event queue was full. */
  long queueDropped() {
    return queueDropped.get();
  }

  /** Messages not sent because they exceed the transport's frame limit. */
  long oversizedDropped() {
    return oversizedDropped.get();
  }

  long blocksSynced() {
    return sync.blocksSynced();
  }

  long blocksRefused() {
    return sync.blocksRefused();
  }

  long malformedSync() {
    return malformedSync.get();
  }

  /** Why the driver stopped on its own, if it did. */
  Throwable failure() {
    return failure;
  }

  /**
   * Stops the timers, then the driver after the event in progress (a commit in progress
   * completes: it is one atomic batch either way).
   */
  @Override
  public void close() {
    stopping = true;
    timers.shutdownNow();
    queue.add(new Event.Stop());
    try {
      thread.join();
      worker.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

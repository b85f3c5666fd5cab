package org.xinlian.node.consensus;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.xinlian.common.Address;
import org.xinlian.common.Clock;
import org.xinlian.common.Hash;
import org.xinlian.common.RandomSource;
import org.xinlian.consensus.EngineStatus;
import org.xinlian.consensus.ValidatorSet;
import org.xinlian.consensus.bft.BftEngines;
import org.xinlian.consensus.bft.BftSettings;
import org.xinlian.consensus.message.MessageCodec;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.KeyPair;
import org.xinlian.execution.ExecutionPort;
import org.xinlian.execution.governance.ValidatorHistory;
import org.xinlian.execution.pool.PendingTransactionListener;
import org.xinlian.execution.pool.PoolStateView;
import org.xinlian.execution.pool.TransactionPool;
import org.xinlian.ledger.chain.BlockStore;
import org.xinlian.network.MessageHandler;
import org.xinlian.network.NettyTransports;
import org.xinlian.network.NetworkConfig;
import org.xinlian.network.NodeCredentials;
import org.xinlian.network.NodeId;
import org.xinlian.network.SocketTransport;
import org.xinlian.network.Transport;
import org.xinlian.network.TransportLimits;
import org.xinlian.rpc.eth.ChainEventListener;
import org.xinlian.types.block.BlockCodec;

/**
 * A node's BFT consensus over P2P (docs/spec/node.md NODE-8 to NODE-14): the TLS transport with
 * the node's certificates, the consensus driver around the QBFT engine, transaction gossip and
 * block sync, and their metrics. The node starts it instead of the single-validator producer
 * when its configuration has a {@code p2p} section. The node is a validator when the address of
 * its node key is in the validator set, else an observer (docs/spec/governance.md GOV-14) that
 * syncs, verifies the commit certificate of every block it takes, serves reads and never signs a
 * consensus message.
 *
 * <p>Close order: gossip (no more pool traffic), the driver (after the event in progress; a
 * commit is one atomic batch), the block server, then the transport, which flushes what is
 * queued and closes the connections.
 */
public final class ConsensusService implements AutoCloseable {
  /** The file of the data directory that holds the engine's write-ahead state (CONSENSUS-13). */
  public static final String WRITE_AHEAD_STATE_FILE = WriteAheadStateFile.FILE_NAME;

  /** The lag that starts a bulk block sync; the engine's catch-up covers smaller ones. */
  public static final int SYNC_LAG_HEIGHTS_DEFAULT = BlockSync.LAG_HEIGHTS_MIN_DEFAULT;

  /** Doublings of the round deadline (CONSENSUS-5): 2 s grows to about 2 minutes. */
  static final int ROUND_TIMEOUT_DOUBLINGS_MAX = 6;
  /** Round deadlines without a commit after which consensus is reported stalled (NODE-19). */
  static final int STALL_ROUND_TIMEOUTS = 5;
  /** Retransmission period (CONSENSUS-6), shorter when rounds are short. */
  static final long RETRANSMIT_INTERVAL_MS_MAX = 1_000;

  private static final System.Logger LOG = System.getLogger(ConsensusService.class.getName());

  /**
   * What the service needs from the node that starts it.
   *
   * @param dataDirectory the ledger directory, which also holds the write-ahead state
   * @param nodeKeyFile the node key (PKCS#8 PEM on the chain's suite)
   * @param validators the genesis validators, each with power 1
   * @param syncLagHeights how far behind the validators a node must be to run a bulk block sync
   *     ({@link BlockSync#LAG_HEIGHTS_MIN_DEFAULT} in production)
   * @param onFailure told, once, when consensus stops on its own (a failed write, a block that
   *     executes differently here): the node fails stop (NODE-17)
   */
  public record Context(
      Path dataDirectory,
      Path nodeKeyFile,
      P2pConfig p2p,
      ConsensusConfig timing,
      CryptoSuite suite,
      List<Address> validators,
      ExecutionPort execution,
      BlockStore blocks,
      TransactionPool pool,
      Function<Hash, PoolStateView> stateViews,
      ChainEventListener events,
      Executor signatureExecutor,
      Clock clock,
      MeterRegistry meters,
      Timer executionTimer,
      int syncLagHeights,
      java.util.function.Consumer<Throwable> onFailure) {}

  private final Address address;
  private final ExecutionPort execution;
  private final ExecutionApplication application;
  private final SocketTransport transport;
  private final ConsensusDriver driver;
  private final TransactionGossip gossip;
  private final BlockServer server;
  private final Deque<AutoCloseable> started = new ArrayDeque<>();
  private final AtomicLong unknownChannel = new AtomicLong();
  private final TransactionPool pool;
  /** Who P2P admits and drops on a permissioned chain (NODE-23); null on an open chain. */
  private final GovernedMembership membership;
  /** Wakes a proposer that waits for transactions. */
  private final PendingTransactionListener proposalWake;

  private ConsensusService(Context context) {
    CryptoSuite suite = context.suite();
    this.pool = context.pool();
    KeyPair key = CredentialFiles.nodeKey(context.nodeKeyFile(), suite);
    this.address = suite.address(key.publicKey());
    NodeCredentials credentials = CredentialFiles.credentials(context.p2p(), key, suite);
    Timer finality = Timer.builder("xinlian.consensus.finality")
        .description("from the first sight of a height's proposal to its commit")
        // Operators and the benchmark read p50 and p99 straight from /metrics (NODE-14).
        .publishPercentiles(0.5, 0.99)
        .distributionStatisticExpiry(java.time.Duration.ofMinutes(1))
        .register(context.meters());
    Counter buildBudgetReached = Counter.builder("xinlian.consensus.build.budget.reached")
        .description("blocks this proposer sealed early because its build budget ran out")
        .register(context.meters());
    this.execution = context.execution();
    this.application = new ExecutionApplication(execution, context.blocks(),
        context.pool(), context.stateViews(), context.events(), suite, this::admitValidators,
        this::followGovernance, context.timing().roundTimeoutMs(), context.clock(),
        context.timing().blockBuildTimeMs(), buildBudgetReached, context.executionTimer(), finality);
    // The configured members, or the genesis validators; on an open chain plus every validator
    // the chain has scheduled since (docs/adr/0009), on a permissioned one plus the members
    // governance lists (below, GOV-14). Empty admits every certified node.
    boolean permissioned = execution.governedNodes().isPresent();
    List<Address> configured = context.p2p().allowedNodes().orElse(context.validators());
    Set<NodeId> allowed = configured.isEmpty() ? Set.of()
        : Stream.concat(configured.stream(),
            permissioned ? Stream.empty() : scheduledValidators(execution.validatorHistory()))
            .map(NodeId::new).collect(Collectors.toSet());
    TransportLimits limits = context.p2p().limits();
    Dispatch dispatch = new Dispatch();
    SecureRandom random = new SecureRandom();
    this.transport = NettyTransports.create(
        new NetworkConfig(context.p2p().host(), context.p2p().port(), context.p2p().peers(),
            allowed, limits),
        credentials, context.clock(), RandomSource.seeded(random.nextLong()), random, dispatch);
    // The transport holds selectors from here on: anything failing below must close it.
    try {
      this.membership = permissioned ? new GovernedMembership(transport, address) : null;
      followGovernance(application.head().number());
      MessageCodec codec = MessageCodec.of(suite);
      this.server = new BlockServer(application, transport, limits.payloadBytesMax(), codec,
          BlockCodec.of(suite));
      // The application times every height by the chain's parameters (CONSENSUS-23), so the
      // engine uses these values only as the base it adjusts; the delay is the next height's.
      long proposalDelayMs = application.heightTiming(application.head().number() + 1)
          .orElseThrow().proposalDelayMillis();
      BftSettings settings = new BftSettings(proposalDelayMs,
          context.timing().roundTimeoutMs(), ROUND_TIMEOUT_DOUBLINGS_MAX,
          Math.max(1, Math.min(RETRANSMIT_INTERVAL_MS_MAX, context.timing().roundTimeoutMs() / 2)));
      this.driver = new ConsensusDriver(
          persisted -> BftEngines.create(settings, application, suite, key, persisted),
          application, transport, limits.payloadBytesMax(),
          new WriteAheadStateFile(context.dataDirectory()),
          new BlockSync(application, suite, context.syncLagHeights()), server, context.pool(),
          context.clock(), context.timing().blockIntervalMs(),
          STALL_ROUND_TIMEOUTS * context.timing().roundTimeoutMs(), context.onFailure());
      this.gossip = new TransactionGossip(transport, context.pool(), suite, context.signatureExecutor());
      this.proposalWake = transaction -> driver.onTransactionPending();
      dispatch.wire(this);
      ConsensusMetrics.register(context.meters(), this);
    } catch (RuntimeException | Error e) {
      transport.close();
      throw e;
    }
  }

  /**
   * Starts the transport, the driver and gossip.
   *
   * @throws IllegalArgumentException for an unreadable key or certificate file, naming its field
   * @throws org.xinlian.common.DecodingException if the stored write-ahead state is damaged
   */
  public static ConsensusService start(Context context) {
    Objects.requireNonNull(context, "context");
    ConsensusService service = new ConsensusService(context);
    try {
      service.started.push(service.transport);
      service.transport.start();
      service.started.push(service.server);
      service.driver.start();
      service.started.push(service.driver);
      service.pool.addListener(service.proposalWake);
      service.started.push(() -> service.pool.removeListener(service.proposalWake));
      service.gossip.start();
      service.started.push(service.gossip);
    } catch (RuntimeException | Error e) {
      service.close();
      throw e;
    }
    LOG.log(System.Logger.Level.INFO, "consensus: node {0} is {1} of {2} validators, P2P on {3}",
        service.address, service.validator() ? "a validator" : "an observer",
        service.currentValidators().size(), service.transport.listenAddress());
    return service;
  }

  private static Stream<Address> scheduledValidators(ValidatorHistory history) {
    return history.epochs().stream().skip(1).flatMap(epoch -> epoch.validators().stream());
  }

  /**
   * Admits the validators of every recorded epoch to P2P, so a newly added one can join; on an
   * open chain only: on a permissioned one governance decides (GOV-14), and a validator it removed
   * must not be admitted again for having voted once.
   */
  private void admitValidators(ValidatorHistory history) {
    if (membership == null) {
      transport.allowPeers(scheduledValidators(history).map(NodeId::new).collect(Collectors.toSet()));
    }
  }

  /**
   * On a permissioned chain, applies governance's membership from the height after
   * {@code committedHeight} to P2P (NODE-23); nothing on an open chain.
   */
  private void followGovernance(long committedHeight) {
    if (membership != null) {
      membership.update(execution.governedNodes().orElseThrow(),
          execution.validatorHistory().epochs(), committedHeight + 1);
    }
  }

  /** The validators of the next height: those who vote on the block being decided now. */
  private ValidatorSet currentValidators() {
    return application.validatorSet(application.head().number() + 1);
  }

  /**
   * Transport bounds: the defaults (peer cap, inbound handshake budgets, per-address limits,
   * docs/spec/network.md NETWORK-17..21), with frames large enough for a proposal of a full block.
   */
  public static TransportLimits transportLimits() {
    return TransportLimits.defaults().withFrameBytesMax(Transport.FRAME_BYTES_MAX);
  }

  /** This node's address: its P2P id, and its validator address when it is one. */
  /** Peers connected and authenticated right now, for {@code net_peerCount}. */
  public int peerCount() {
    return transport.connectedPeers().size();
  }

  public Address address() {
    return address;
  }

  /** Whether this node votes at the next height: its address is in that height's validator set. */
  public boolean validator() {
    return currentValidators().contains(address);
  }

  /**
   * The validator set of {@code height} (up to the head + 2) as this node's consensus uses it:
   * the genesis set changed by the epochs governance recorded (docs/adr/0009).
   */
  public ValidatorSet validatorSet(long height) {
    return application.validatorSet(height);
  }

  /** The engine's height, round and counters after its last event. */
  public EngineStatus status() {
    return driver.status();
  }

  /** Milliseconds since this node last committed a block (or since consensus started). */
  public long lastCommitAgeMillis(Clock clock) {
    return java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(clock.nanoTime() - application.lastCommitNanos());
  }

  /** Whether a bulk block sync runs now (the engine is paused meanwhile). */
  public boolean syncing() {
    return driver.syncing();
  }

  /** Where the P2P transport listens (the real port when the configuration said 0). */
  public InetSocketAddress p2pAddress() {
    return transport.listenAddress();
  }

  /** Peers connected and authenticated now. */
  public Set<Address> connectedPeers() {
    return transport.connectedPeers().stream().map(NodeId::address).collect(Collectors.toSet());
  }

  /** Why consensus stopped, if it did; a healthy node answers empty. */
  public Optional<Throwable> failure() {
    return Optional.ofNullable(driver.failure());
  }

  ConsensusDriver driver() {
    return driver;
  }

  TransactionGossip gossip() {
    return gossip;
  }

  BlockServer server() {
    return server;
  }

  SocketTransport transport() {
    return transport;
  }

  long unknownChannelMessages() {
    return unknownChannel.get();
  }

  ExecutionApplication application() {
    return application;
  }

  @Override
  public void close() {
    RuntimeException failure = null;
    while (!started.isEmpty()) {
      try {
        started.pop().close();
      } catch (Exception e) {
        if (failure == null) {
          failure = new IllegalStateException("closing consensus: " + e.getMessage(), e);
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  /**
   * The transport's handler, on its I/O threads: hands each message to its protocol's queue and
   * returns. Wired after construction, since the protocols need the transport; it starts only
   * after wiring, so no message arrives before.
   */
  private static final class Dispatch implements MessageHandler {
    private volatile ConsensusService service;

    void wire(ConsensusService value) {
      service = value;
    }

    @Override
    public void onMessage(NodeId peer, int channel, byte[] payload) {
      ConsensusService current = service;
      switch (channel) {
        case P2pChannels.CONSENSUS -> current.driver.onConsensusMessage(peer, payload);
        case P2pChannels.TRANSACTIONS -> current.gossip.onMessage(payload);
        case P2pChannels.BLOCK_SYNC -> current.driver.onSyncMessage(peer, payload);
        default -> current.unknownChannel.incrementAndGet();
      }
    }

    @Override
    public void onPeerConnected(NodeId peer) {
      service.driver.onPeerConnected(peer);
    }

    @Override
    public void onPeerDisconnected(NodeId peer) {
      service.driver.onPeerDisconnected(peer);
    }
  }
}

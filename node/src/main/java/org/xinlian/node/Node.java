package org.xinlian.node;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.system.DiskSpaceMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Deque;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.xinlian.common.Address;
import org.xinlian.common.Clock;
import org.xinlian.common.Hash;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.evm.transaction.FeeMode;
import org.xinlian.execution.ExecutionPort;
import org.xinlian.execution.ExecutionSettings;
import org.xinlian.execution.Executions;
import org.xinlian.execution.genesis.Genesis;
import org.xinlian.execution.governance.Governance;
import org.xinlian.execution.governance.GovernanceState;
import org.xinlian.execution.genesis.GenesisConfig;
import org.xinlian.execution.genesis.GenesisMismatchException;
import org.xinlian.execution.pool.PoolConfig;
import org.xinlian.execution.pool.PoolStateView;
import org.xinlian.execution.pool.TransactionPool;
import org.xinlian.ledger.LedgerNamespaces;
import org.xinlian.storage.StorageException;
import org.xinlian.ledger.chain.LedgerSchema;
import org.xinlian.ledger.chain.BlockStore;
import org.xinlian.ledger.state.StateDatabase;
import org.xinlian.node.backup.AdminBackup;
import org.xinlian.node.backup.BackupService;
import org.xinlian.node.consensus.ConsensusService;
import org.xinlian.rpc.ChainInfo;
import org.xinlian.rpc.HealthReport;
import org.xinlian.rpc.HealthSource;
import org.xinlian.rpc.auth.SubjectRoles;
import org.xinlian.rpc.eth.EthereumRpc;
import org.xinlian.rpc.eth.EthereumRpcDependencies;
import org.xinlian.rpc.governance.GovernanceRpc;
import org.xinlian.rpc.server.RpcServer;
import org.xinlian.storage.KeyValueStore;
import org.xinlian.storage.KeyValueStores;
import org.xinlian.storage.StoreOptions;
import org.xinlian.types.block.BlockHeader;

/**
 * A running node (docs/spec/node.md): the ledger on RocksDB, the transaction pool, the execution
 * port, JSON-RPC, and either the single-validator block producer or, with a {@code p2p} section,
 * BFT consensus with its peers; wired in dependency order and closed in reverse. Every block is committed in one atomic batch, so a node killed at any moment restarts
 * with every transaction that had a receipt.
 */
public final class Node implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(Node.class.getName());

  /** Queue of the signature-verification executor: beyond it, the caller verifies itself. */
  static final int SIGNATURE_QUEUE_MAX = 4_096;

  private final GenesisConfig genesis;
  private final CryptoSuite suite;
  private final KeyValueStore store;
  private final StateDatabase states;
  private final BlockStore blocks;
  private final ExecutionPort execution;
  private final TransactionPool pool;
  private final PrometheusMeterRegistry meters;
  private final ThreadPoolExecutor signatureExecutor;
  /** The single-validator producer, or null on a BFT network. */
  private final BlockProducer producer;
  /** BFT consensus over P2P, or null for a single-validator node. */
  private final ConsensusService consensus;
  private final RpcServer rpc;
  private final Address coinbase;
  private final Deque<AutoCloseable> started;
  private final FailStop failStop;
  private final HealthConfig healthConfig;
  private final Clock clock;
  /** Set once every component has started: until then the node is alive but not ready. */
  private volatile boolean startedUp;
  private boolean closed;

  private Node(NodeConfig config, Clock clock, int syncLagHeights,
      Function<StoreOptions, KeyValueStore> stores, Deque<AutoCloseable> started) {
    this.started = started;
    this.healthConfig = config.health();
    this.clock = clock;
    try {
      this.genesis = GenesisConfig.load(config.genesisFile());
    } catch (IllegalArgumentException e) {
      throw new NodeStartException("genesis file " + config.genesisFile() + ": " + e.getMessage(), e);
    }
    this.suite = CryptoSuites.byName(genesis.suite());
    if (genesis.permissioned()) {
      LOG.log(System.Logger.Level.INFO, "chain {0}: permissioned; governance at {1} (docs/spec/governance.md)",
          genesis.chainId(), Governance.ADDRESS);
    } else {
      LOG.log(System.Logger.Level.WARNING, "chain {0}: an open development chain (no governance section in {1}):"
          + " anyone who reaches this node may transact and deploy (GOV-1)", genesis.chainId(), config.genesisFile());
    }
    // The keys first: a wrong passphrase or PIN stops the start before anything opens (OPS-31).
    ConsensusService.NodeKeys nodeKeys = null;
    if (config.p2p().isPresent()) {
      try {
        nodeKeys = ConsensusService.readKeys(config.nodeKeyFile().orElse(null), config.keys(),
            config.p2p().get(), suite);
      } catch (IllegalArgumentException e) {
        throw new NodeStartException("cannot start consensus: " + e.getMessage(), e);
      }
    }
    try {
      this.store = stores.apply(StoreOptions.of(config.dataDirectory(), LedgerNamespaces.ALL));
    } catch (RuntimeException e) {
      throw new NodeStartException("cannot open the data directory " + config.dataDirectory() + ": "
          + e.getMessage(), e);
    }
    started.push(store);
    try {
      // docs/spec/operations.md OPS-86: an older store names 'xinlian db migrate', a newer one is refused.
      LedgerSchema.check(store, LedgerNamespaces.ALL, config.dataDirectory().toString());
    } catch (StorageException e) {
      throw new NodeStartException("cannot start on the data directory " + config.dataDirectory() + ": "
          + e.getMessage(), e);
    }
    try {
      Genesis.initialize(genesis, store);
    } catch (GenesisMismatchException e) {
      throw new NodeStartException("the data directory " + config.dataDirectory()
          + " holds another chain than the genesis file " + config.genesisFile() + ": " + e.getMessage(), e);
    }
    this.states = new StateDatabase(store, suite, config.stateRetention());
    this.blocks = BlockStore.open(store, suite);
    this.signatureExecutor = signatureExecutor();
    started.push(signatureExecutor::shutdownNow);
    boolean priced = genesis.feeMode() == FeeMode.ETHEREUM;
    this.pool = new TransactionPool(new PoolConfig(suite, genesis.chainId(), false,
        genesis.blockGasLimit(),
        priced ? org.xinlian.execution.pool.FeeMode.PRICED : org.xinlian.execution.pool.FeeMode.ZERO_PRICE,
        config.minimumPriorityFeePerGas(), config.pool()), stateView(head().stateRoot()), clock);
    this.failStop = new FailStop(pool);
    // The pool recovered every pooled transaction's sender on admission; a proposed block's
    // transactions are mostly pooled already, so validators do not recover them twice (EXECUTION-12).
    this.execution = Executions.overLedger(ExecutionSettings.of(genesis), store, states, blocks,
        signatureExecutor, pool::get);
    this.meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    started.push(meters::close);
    bindJvmAndProcessMetrics(meters, started);
    // disk_free_bytes and disk_total_bytes{path=<data directory>}: the disk-filling alert (OPS-61).
    new DiskSpaceMetrics(config.dataDirectory().toFile()).bindTo(meters);
    Gauge.builder("xinlian.chain.height", blocks, b -> b.head().map(BlockHeader::number).orElse(0L))
        .description("number of the head block").register(meters);
    Gauge.builder("xinlian.pool.pending", pool, TransactionPool::pendingCount)
        .description("executable transactions in the pool").register(meters);
    Gauge.builder("xinlian.pool.queued", pool, TransactionPool::queuedCount)
        .description("transactions held back behind nonce gaps").register(meters);
    Gauge.builder("xinlian.node.failed", failStop, f -> f.failure().isPresent() ? 1 : 0)
        .description("1 once the node failed stop (a failed write): it exits for a restart")
        .register(meters);
    Timer executionTimer = Timer.builder("xinlian.block.execution")
        .description("time to build, execute and commit one block").register(meters);
    ChainInfo chainInfo = new ChainInfo(genesis.chainId(), genesis.permissioned());
    EthereumRpcDependencies rpcDependencies = new EthereumRpcDependencies(chainInfo, suite, blocks, states,
        execution, pool, clock, this::peerCount);
    EthereumRpc ethereum = EthereumRpc.create(rpcDependencies, config.rpc().limits(), meters);
    // Closed after the server and the producer or consensus (reverse order): its notification
    // thread outlives everything that still tells it of commits.
    started.push(ethereum);
    this.coinbase = config.coinbase().orElse(genesis.validators().get(0));
    this.producer = config.p2p().isPresent() ? null : new BlockProducer(execution, blocks, pool,
        this::stateView, ethereum.events(), suite, coinbase, config.blockProduction(), clock, executionTimer,
        cause -> failStop.fail("block production", cause));
    RpcServer.Builder rpcBuilder = RpcServer.builder(config.rpc(), chainInfo)
        .methods(ethereum.methods())
        .methods(GovernanceRpc.methods(rpcDependencies, genesis))
        .methods(List.of(new AdminBackup(new BackupService(config.backup(), store, config.dataDirectory(),
            genesis.chainId(), clock))))
        .subscriptionSources(ethereum.subscriptionSources())
        .meterRegistry(meters)
        .clock(clock)
        .health(healthSource());
    RpcSecurity security = rpcSecurity(config);
    security.tls.ifPresent(rpcBuilder::tls);
    security.authenticator.ifPresent(rpcBuilder::authenticator);
    this.rpc = rpcBuilder.build();
    try {
      rpc.start();
    } catch (IllegalStateException e) {
      throw new NodeStartException(e.getMessage(), e);
    }
    started.push(rpc);
    if (producer != null) {
      producer.start();
      started.push(producer);
      this.consensus = null;
    } else {
      this.consensus = startConsensus(config, nodeKeys, clock, syncLagHeights, ethereum,
          executionTimer);
      started.push(consensus);
    }
    startedUp = true;
  }

  /**
   * The JVM's and the process's own meters (NODE-19): heap and non-heap memory and buffer pools,
   * garbage collections and their pauses, threads, loaded classes, CPU use and load, open file
   * descriptors against their limit, uptime — what an operator reads first when a node slows.
   */
  private static void bindJvmAndProcessMetrics(PrometheusMeterRegistry meters, Deque<AutoCloseable> started) {
    new JvmMemoryMetrics().bindTo(meters);
    JvmGcMetrics gc = new JvmGcMetrics();
    gc.bindTo(meters);
    started.push(gc::close);
    new JvmThreadMetrics().bindTo(meters);
    new ClassLoaderMetrics().bindTo(meters);
    new ProcessorMetrics().bindTo(meters);
    new FileDescriptorMetrics().bindTo(meters);
    new UptimeMetrics().bindTo(meters);
  }

  /** The RPC listener's TLS and authenticator (OPS-1 to OPS-10); roles read from the head state. */
  private RpcSecurity rpcSecurity(NodeConfig config) {
    Optional<SubjectRoles> roles = genesis.permissioned()
        ? Optional.of(subject -> RpcSecurity.roles(GovernanceState.of(suite, states.stateAt(head().stateRoot())), subject))
        : Optional.empty();
    try {
      return RpcSecurity.of(config.rpcSecurity(), suite, clock, roles, config.keys());
    } catch (IllegalArgumentException e) {
      throw new NodeStartException("JSON-RPC security: " + e.getMessage(), e);
    }
  }

  /** Connected P2P peers; 0 for a single node or before consensus has started. */
  private int peerCount() {
    ConsensusService service = consensus;
    return service == null ? 0 : service.peerCount();
  }

  private ConsensusService startConsensus(NodeConfig config, ConsensusService.NodeKeys nodeKeys,
      Clock clock, int syncLagHeights, EthereumRpc ethereum, Timer executionTimer) {
    try {
      return ConsensusService.start(new ConsensusService.Context(config.dataDirectory(),
          nodeKeys, config.keys(), config.p2p().orElseThrow(),
          config.consensus(),
          suite, genesis.validators(), execution, blocks, pool, this::stateView, ethereum.events(), signatureExecutor, clock,
          meters, executionTimer, syncLagHeights, cause -> failStop.fail("consensus", cause)));
    } catch (Exception e) {
      // Unreadable credentials, a damaged write-ahead state (a DecodingException: resuming
      // without it could sign twice), or the P2P port in use (Netty throws the BindException
      // undeclared): each is the operator's to fix, with the cause attached.
      throw new NodeStartException("cannot start consensus: " + e.getMessage(), e);
    }
  }

  /**
   * Opens the ledger in {@code config.dataDirectory()} (creating it with the genesis on first
   * start), starts JSON-RPC and the block producer. Timestamps of new blocks come from
   * {@code clock}.
   *
   * @throws NodeStartException if the node cannot start; whatever was opened is closed again
   */
  public static Node start(NodeConfig config, Clock clock) {
    return start(config, clock, ConsensusService.SYNC_LAG_HEIGHTS_DEFAULT);
  }

  /** As {@link #start(NodeConfig, Clock)}, with the lag that starts a bulk block sync (tests). */
  static Node start(NodeConfig config, Clock clock, int syncLagHeights) {
    return start(config, clock, syncLagHeights, KeyValueStores::openRocksDb);
  }

  /** As {@link #start(NodeConfig, Clock, int)}, opening the store with {@code stores} (tests). */
  static Node start(NodeConfig config, Clock clock, int syncLagHeights,
      Function<StoreOptions, KeyValueStore> stores) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(clock, "clock");
    Deque<AutoCloseable> started = new ArrayDeque<>();
    try {
      return new Node(config, clock, syncLagHeights, stores, started);
    } catch (RuntimeException | Error e) {
      closeAll(started, e);
      throw e;
    }
  }

  private static ThreadPoolExecutor signatureExecutor() {
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    AtomicInteger count = new AtomicInteger();
    ThreadFactory factory = runnable -> {
      Thread thread = new Thread(runnable, "xinlian-signatures-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
    return new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(SIGNATURE_QUEUE_MAX), factory, new ThreadPoolExecutor.CallerRunsPolicy());
  }

  private PoolStateView stateView(Hash root) {
    BigInteger baseFee = genesis.feeMode() == FeeMode.ETHEREUM
        ? genesis.baseFeePerGas().toBigInteger() : BigInteger.ZERO;
    // Asked at each admission: the gas limits of the next block, which a vote may change (GOV-15).
    return new HeadStateView(states, baseFee, this::refuseSender,
        () -> execution.parametersAt(head().number() + 1));
  }

  /**
   * The pool's admission question, answered by execution's access policy (GOV-8). The pool is
   * made before the execution port, which looks transactions up in it; nothing is admitted before
   * the RPC server and the network start, after both exist.
   */
  private Optional<String> refuseSender(Address sender, boolean creates) {
    return execution.refuseSender(sender, creates);
  }

  /** The head block's header; a started node always has at least its genesis. */
  public BlockHeader head() {
    return blocks.head().orElseThrow(() -> new IllegalStateException("no genesis in the store"));
  }

  public GenesisConfig genesis() {
    return genesis;
  }

  public CryptoSuite suite() {
    return suite;
  }

  public TransactionPool pool() {
    return pool;
  }

  public BlockStore blocks() {
    return blocks;
  }

  public StateDatabase states() {
    return states;
  }

  public ExecutionPort execution() {
    return execution;
  }

  /** Who receives the priority fees of produced blocks. */
  public Address coinbase() {
    return coinbase;
  }

  /** Where JSON-RPC listens (the real port when the configuration asked for port 0). */
  public InetSocketAddress rpcAddress() {
    return rpc.address();
  }

  /**
   * Why block production stopped, if it did: the single-validator producer's failure, or on a
   * BFT network consensus's. A healthy node answers empty.
   */
  public java.util.Optional<Throwable> producerFailure() {
    return producer != null ? java.util.Optional.ofNullable(producer.failure()) : consensus.failure();
  }

  /** Why the node failed stop, if it did (NODE-17); a healthy node answers empty. */
  public java.util.Optional<NodeFailure> failure() {
    return failStop.failure();
  }

  /**
   * Runs {@code listener} once the node fails stop, on the failing thread (at once if it has); the
   * node's runner exits on it for a supervisor to restart the node.
   */
  public void onFailure(Runnable listener) {
    failStop.onFailure(listener);
  }

  /**
   * The node's health (NODE-18): alive unless it failed stop; ready when alive and, on a BFT
   * network, not in a bulk sync, with enough authenticated peers for a quorum ({@code
   * health.readyPeersMin}, by default quorum − 1 of the next height's validators, at least 1),
   * and a commit within {@code health.readyCommitAgeMaxMs}.
   */
  public NodeHealth health() {
    List<String> problems = new ArrayList<>();
    Optional<NodeFailure> failed = failStop.failure();
    failed.ifPresent(failure -> problems.add("node stopped: " + failure.summary()));
    long height = head().number();
    int peers = 0;
    Optional<Long> commitAge = Optional.empty();
    if (!startedUp) {
      problems.add("starting");
    } else if (consensus != null) {
      peers = consensus.peerCount();
      org.xinlian.consensus.ValidatorSet validators = consensus.validatorSet(height + 1);
      int needed = healthConfig.readyPeersMin()
          .orElse(Math.max(1, Math.min(validators.size() - 1, quorumSize(validators) - 1)));
      if (peers < needed) {
        problems.add("peers: " + peers + " connected, " + needed + " needed");
      }
      if (consensus.syncing()) {
        problems.add("syncing: a bulk block sync is running");
      }
      long age = consensus.lastCommitAgeMillis(clock);
      commitAge = Optional.of(age);
      if (age > healthConfig.readyCommitAgeMaxMs()) {
        problems.add("no commit for " + age + " ms (at most " + healthConfig.readyCommitAgeMaxMs() + ")");
      }
    }
    return new NodeHealth(failed.isEmpty(), problems.isEmpty(), problems, height, peers, commitAge);
  }

  /** /health and /ready (NODE-18, RPC-29) from {@link #health()}. */
  private HealthSource healthSource() {
    return new HealthSource() {
      @Override
      public HealthReport health() {
        NodeHealth health = Node.this.health();
        List<String> problems = health.alive() ? List.of() : health.problems();
        return new HealthReport(health.alive(), health.alive() ? "ok" : "failed", problems,
            health.height(), health.peers());
      }

      @Override
      public HealthReport readiness() {
        NodeHealth health = Node.this.health();
        return new HealthReport(health.ready(), health.ready() ? "ready" : "not ready",
            health.problems(), health.height(), health.peers());
      }
    };
  }

  /** How many validators of {@code validators} make a quorum (more than two thirds of equal power). */
  private static int quorumSize(org.xinlian.consensus.ValidatorSet validators) {
    int count = 0;
    long power = 0;
    for (org.xinlian.consensus.Validator validator : validators.validators()) {
      power += validator.votingPower();
      count++;
      if (validators.isQuorum(power)) {
        return count;
      }
    }
    return count;
  }

  /** BFT consensus over P2P, when the configuration has a {@code p2p} section. */
  public java.util.Optional<ConsensusService> consensus() {
    return java.util.Optional.ofNullable(consensus);
  }

  /**
   * Stops block production (the producer after the block in progress, or consensus: gossip, the
   * driver after its event in progress, block sync, the P2P transport), then JSON-RPC, then the
   * signature executor and the store: reverse start order, so nothing writes to a closed store.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    closeAll(started, null);
  }

  private static void closeAll(Deque<AutoCloseable> started, Throwable primary) {
    RuntimeException failure = null;
    while (!started.isEmpty()) {
      try {
        started.pop().close();
      } catch (Exception e) {
        if (primary != null) {
          primary.addSuppressed(e);
        } else if (failure == null) {
          failure = new IllegalStateException("closing the node: " + e.getMessage(), e);
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}

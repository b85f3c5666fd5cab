package org.xinlian.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.xinlian.common.Address;
import org.xinlian.common.RandomSource;
import org.xinlian.consensus.Applications;
import org.xinlian.consensus.ConsensusAction;
import org.xinlian.consensus.ConsensusEngine;
import org.xinlian.consensus.ConsensusEvent;
import org.xinlian.consensus.EngineStatus;
import org.xinlian.consensus.bft.BftEngines;
import org.xinlian.consensus.bft.BftSettings;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.KeyPair;

/**
 * One node of the simulated cluster: a consensus engine, the key-value application in front of
 * its ledger, and its persisted write-ahead state. A crash discards the engine and the
 * application (and its timers, by generation); the ledger and the last persisted state survive
 * and a restart builds a new engine from them, exactly as a real node restarts from disk.
 *
 * <p>The application's work (building, executing and committing blocks) runs one job at a time,
 * each taking the simulated time {@link ExecutionConditions} gives it, while the engine goes on
 * handling messages and timers; its result is computed when the job ends and handed back as an
 * event, as the node's execution thread does (CONSENSUS-20, CONSENSUS-22). A crash loses the
 * jobs not yet done; a commit is all or nothing.
 */
final class SimulatedNode {
  private final Address address;
  private final KeyPair key;
  private final Optional<ByzantineTransform> byzantine;
  private final boolean silent;
  private final KeyValueLedger ledger;
  private final Cluster cluster;
  private final RandomSource random;
  private ConsensusEngine engine;
  private KeyValueApplication application;
  /** When the application's last queued job ends, in simulated milliseconds. */
  private long applicationBusyUntil;
  private Optional<byte[]> persisted = Optional.empty();
  private int generation;
  private long restarts;
  private EngineStatus lastStatus;

  /** What the node needs from the cluster around it. */
  interface Cluster {
    Scheduler scheduler();

    SimulatedNetwork network();

    CryptoSuite suite();

    BftSettings settings();

    List<Address> addresses();

    /** Whether a crash may strike in the middle of carrying out actions now (chaos phase). */
    boolean crashesMidActions();

    /** Called when a node crashed by itself, so the cluster can schedule its restart. */
    void crashed(SimulatedNode node);

    /** Sees every message an honest node actually sent. */
    void sentByHonest(Address node, byte[] bytes);

    /** How long the application's work takes. */
    ExecutionConditions execution();

    /** The chain's own timing by height. */
    TimingSchedule timing();
  }

  SimulatedNode(Address address, KeyPair key, Optional<ByzantineTransform> byzantine, boolean silent,
      KeyValueLedger ledger, Cluster cluster, RandomSource random) {
    this.address = address;
    this.key = key;
    this.byzantine = byzantine;
    this.silent = silent;
    this.ledger = ledger;
    this.cluster = cluster;
    this.random = random;
  }

  Address address() {
    return address;
  }

  boolean honest() {
    return byzantine.isEmpty() && !silent;
  }

  boolean up() {
    return engine != null;
  }

  long committedHeight() {
    return ledger.height();
  }

  KeyValueLedger ledger() {
    return ledger;
  }

  long restarts() {
    return restarts;
  }

  /** The engine's status, or the last one before it crashed. */
  Optional<EngineStatus> status() {
    return Optional.ofNullable(engine != null ? engine.status() : lastStatus);
  }

  void start() {
    if (silent || engine != null) {
      return;
    }
    application = new KeyValueApplication(ledger, cluster.suite(), cluster.scheduler(), random, cluster.timing());
    applicationBusyUntil = cluster.scheduler().now();
    engine = BftEngines.create(cluster.settings(), application, cluster.suite(), key, persisted);
    handle(new ConsensusEvent.Start());
  }

  void crash() {
    if (engine != null) {
      lastStatus = engine.status();
      engine = null;
      application = null;
      generation++;
      restarts++;
    }
  }

  void deliver(Address from, byte[] bytes) {
    if (engine != null) {
      handle(new ConsensusEvent.MessageReceived(from, bytes));
    }
  }

  private void handle(ConsensusEvent event) {
    List<ConsensusAction> actions = engine.handle(event);
    int carriedOut = actions.size();
    if (honest() && !actions.isEmpty() && cluster.crashesMidActions() && random.nextInt(1000) < 1) {
      carriedOut = random.nextInt(actions.size());
    }
    for (int i = 0; i < carriedOut; i++) {
      execute(actions.get(i));
    }
    if (carriedOut < actions.size()) {
      crash();
      cluster.crashed(this);
    }
  }

  /**
   * Queues application work behind the jobs already queued; it runs when it ends, so it sees the
   * application as the jobs before it left it, and its answer goes to the engine then.
   */
  private void queueWork(long durationMillis, java.util.function.Supplier<ConsensusEvent> work) {
    int queuedIn = generation;
    long now = cluster.scheduler().now();
    applicationBusyUntil = Math.max(applicationBusyUntil, now) + durationMillis;
    cluster.scheduler().after(applicationBusyUntil - now, () -> {
      if (engine != null && generation == queuedIn) {
        handle(work.get());
      }
    });
  }

  /**
   * A build takes a normal execution time (the proposer bounds it), checking a block the time
   * the block's hash gives, and committing a block already executed the shortest time.
   */
  private long workMillis(ConsensusAction work) {
    if (work instanceof ConsensusAction.BuildBlock) {
      return cluster.execution().normalMillis(random.nextInt(1_000));
    }
    if (work instanceof ConsensusAction.ExecuteBlock check) {
      return cluster.execution().executionMillis(check.blockHash());
    }
    return cluster.execution().executionMinMillis();
  }

  private void execute(ConsensusAction action) {
    if (Applications.isWork(action)) {
      queueWork(workMillis(action), () -> Applications.answer(application, action));
    } else if (action instanceof ConsensusAction.PersistState persist) {
      persisted = Optional.of(persist.state());
    } else if (action instanceof ConsensusAction.ScheduleTimeout timeout) {
      int scheduledIn = generation;
      cluster.scheduler().after(timeout.durationMillis(), () -> {
        if (engine != null && generation == scheduledIn) {
          handle(new ConsensusEvent.TimeoutElapsed(timeout.timeout()));
        }
      });
    } else if (action instanceof ConsensusAction.Broadcast broadcast) {
      if (byzantine.isPresent()) {
        List<Address> peers = new ArrayList<>(cluster.addresses());
        peers.remove(address);
        byzantine.get().broadcast(broadcast.bytes(), peers,
            (peer, bytes) -> cluster.network().send(address, peer, bytes));
      } else {
        cluster.sentByHonest(address, broadcast.bytes());
        cluster.network().broadcast(address, broadcast.bytes());
      }
    } else if (action instanceof ConsensusAction.SendTo send) {
      if (honest()) {
        cluster.sentByHonest(address, send.bytes());
      }
      byte[] bytes = byzantine.map(transform -> transform.answer(send.bytes())).orElse(send.bytes());
      cluster.network().send(address, send.peer(), bytes);
    }
  }
}

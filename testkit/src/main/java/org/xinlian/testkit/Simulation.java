package org.xinlian.testkit;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.xinlian.common.Address;
import org.xinlian.common.RandomSource;
import org.xinlian.consensus.DropReason;
import org.xinlian.consensus.EngineStatus;
import org.xinlian.consensus.ValidatorSet;
import org.xinlian.consensus.bft.BftSettings;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.crypto.KeyPair;

/**
 * A deterministic cluster simulation in the manner of TigerBeetle's VOPR: all nodes on one
 * thread, one seeded random, simulated time. A run has two phases. During the chaos the network
 * drops, duplicates, delays and reorders messages and partitions nodes, and honest nodes crash
 * (sometimes halfway through carrying out an engine's actions) and restart from their persisted
 * storage; up to f validators are Byzantine throughout. Then the network heals, every crashed
 * honest node restarts, and every honest node must gain {@link Scenario#livenessHeights()}
 * heights before the deadline. The safety and signing checkers watch every commit and every
 * message of honest nodes from the first event to the last.
 */
public final class Simulation implements SimulatedNode.Cluster {
  /** Simulated time allowed after the heal for every honest node to gain the liveness heights. */
  public static final long LIVENESS_DEADLINE_MILLIS = 60_000;

  /** Events one run may execute; a run that needs more is reported as stuck rather than looping. */
  public static final long EVENTS_MAX = 3_000_000;

  private final Scenario scenario;
  private final CryptoSuite suite;
  private final Scheduler scheduler = new Scheduler();
  private final RandomSource random;
  private final SimulatedNetwork network;
  private final SigningChecker signing;
  private final SafetyChecker safety;
  private final List<SimulatedNode> nodes = new ArrayList<>();
  private final List<Address> addresses = new ArrayList<>();
  private final Set<Address> honest = new HashSet<>();
  private final Set<Long> decidedHeights = new HashSet<>();
  private boolean chaos;

  private Simulation(Scenario scenario, CommitListener observer) {
    this.scenario = scenario;
    this.suite = CryptoSuites.byName(scenario.suite());
    this.random = RandomSource.seeded(scenario.seed());
    this.network = new SimulatedNetwork(scheduler, RandomSource.seeded(~scenario.seed()));
    this.signing = new SigningChecker(scenario.seed(), suite);
    int total = scenario.validators() + (scenario.validatorChangeHeight() > 0 ? 1 : 0);
    List<KeyPair> keys = new ArrayList<>();
    for (int i = 0; i < total; i++) {
      keys.add(key(i));
      addresses.add(suite.address(keys.get(i).publicKey()));
    }
    List<Integer> byzantineIndexes = pick(scenario.validators(), scenario.byzantine().size());
    for (int i = 0; i < total; i++) {
      if (!byzantineIndexes.contains(i)) {
        honest.add(addresses.get(i));
      }
    }
    KeyValueLedger.ValidatorScript script = script(byzantineIndexes);
    this.safety = new SafetyChecker(scenario.seed(), suite, script, honest::contains);
    for (int i = 0; i < total; i++) {
      int slot = byzantineIndexes.indexOf(i);
      ByzantineBehaviour behaviour = slot < 0 ? null : scenario.byzantine().get(slot);
      KeyPair nodeKey = keys.get(i);
      Optional<ByzantineTransform> transform = Optional.ofNullable(behaviour)
          .filter(b -> b != ByzantineBehaviour.SILENT)
          .map(b -> new ByzantineTransform(b, suite, nodeKey, key(1_000),
              RandomSource.seeded(scenario.seed() + slot)));
      KeyValueLedger ledger = new KeyValueLedger(addresses.get(i), suite, script,
          (node, block, certificate, root) -> {
            safety.committed(node, block, certificate, root);
            if (honest.contains(node)) {
              observer.committed(node, block, certificate, root);
              isolateFirstDecider(node, block.header().number());
            }
          });
      SimulatedNode node = new SimulatedNode(addresses.get(i), keys.get(i), transform,
          behaviour == ByzantineBehaviour.SILENT, ledger, this,
          RandomSource.seeded(scenario.seed() * 31 + i));
      nodes.add(node);
      network.attach(node);
    }
  }

  /**
   * Runs {@code scenario} to the end.
   *
   * @throws SimulationFailure when a checker finds a violation
   */
  public static SimulationReport run(Scenario scenario) {
    return run(scenario, (node, block, certificate, root) -> { });
  }

  /** As {@link #run(Scenario)}, also telling {@code observer} of every honest node's commit. */
  public static SimulationReport run(Scenario scenario, CommitListener observer) {
    try {
      return new Simulation(scenario, observer).run();
    } catch (SimulationFailure failure) {
      throw failure;
    } catch (RuntimeException e) {
      throw new SimulationFailure(scenario.seed(), "a node failed: " + e, e);
    }
  }

  private SimulationReport run() {
    nodes.forEach(SimulatedNode::start);
    chaos = scenario.chaosMillis() > 0;
    if (chaos) {
      network.conditions(randomConditions());
      scheduleChaos(0);
    }
    runUntil(scenario.chaosMillis(), () -> false);
    chaos = false;
    network.heal();
    network.conditions(NetworkConditions.calm());
    nodes.stream().filter(SimulatedNode::honest).forEach(SimulatedNode::start);
    long atHeal = honestNodes().stream().mapToLong(SimulatedNode::committedHeight).max().orElse(0);
    long target = atHeal + scenario.livenessHeights();
    long deadline = scheduler.now() + LIVENESS_DEADLINE_MILLIS;
    boolean reached = runUntil(deadline, () -> honestNodes().stream()
        .allMatch(node -> node.committedHeight() >= target));
    if (!reached) {
      throw new SimulationFailure(scenario.seed(), "LIVENESS: " + LIVENESS_DEADLINE_MILLIS
          + " ms after the heal, honest nodes are at heights " + heights() + ", not all at "
          + target + " (statuses " + statuses() + ")");
    }
    return report(atHeal);
  }

  /** Runs events until {@code until}, or until {@code done} holds; true if it held. */
  private boolean runUntil(long until, BooleanSupplier done) {
    while (!done.getAsBoolean()) {
      if (scheduler.executed() >= EVENTS_MAX) {
        throw new SimulationFailure(scenario.seed(), "more than " + EVENTS_MAX + " events");
      }
      if (!scheduler.runNext(until)) {
        scheduler.advanceTo(until);
        return done.getAsBoolean();
      }
    }
    return true;
  }

  /** One chaos step every 100 to 600 ms: new conditions, a partition, a heal, or a crash. */
  private void scheduleChaos(long delay) {
    scheduler.after(delay, () -> {
      if (!chaos) {
        return;
      }
      int step = random.nextInt(8);
      if (step <= 1) {
        network.conditions(randomConditions());
      } else if (step == 2) {
        network.partition(randomPartition());
      } else if (step == 3) {
        network.heal();
      } else if (step == 4 && scenario.crashes()) {
        SimulatedNode node = honestNodes().get(random.nextInt(honestNodes().size()));
        node.crash();
        crashed(node);
      }
      scheduleChaos(100 + random.nextInt(500));
    });
  }

  private NetworkConditions randomConditions() {
    long minimum = random.nextInt(20);
    return new NetworkConditions(random.nextInt(300), random.nextInt(200), minimum,
        minimum + 10 + random.nextInt(490));
  }

  private List<Set<Address>> randomPartition() {
    Set<Address> side = new HashSet<>();
    if (random.nextInt(2) == 0) {
      side.add(addresses.get(random.nextInt(addresses.size())));
    } else {
      addresses.stream().filter(address -> random.nextInt(2) == 0).forEach(side::add);
    }
    return List.of(side);
  }

  /**
   * The schedule that tests locking hardest: the first node to decide a height is cut off at
   * once (its commits still in flight are lost with it), so the others must not decide anything
   * else at that height in later rounds. Done for one height in four during the chaos.
   */
  private void isolateFirstDecider(Address node, long height) {
    if (chaos && decidedHeights.add(height) && random.nextInt(4) == 0) {
      network.partition(List.of(Set.of(node)));
    }
  }

  @Override
  public void crashed(SimulatedNode node) {
    scheduler.after(200 + random.nextInt(2_800), () -> {
      if (chaos) {
        node.start();
      }
    });
  }

  @Override
  public void sentByHonest(Address node, byte[] bytes) {
    signing.sent(node, bytes);
  }

  @Override
  public ExecutionConditions execution() {
    return scenario.execution();
  }

  @Override
  public TimingSchedule timing() {
    return scenario.timing();
  }

  @Override
  public boolean crashesMidActions() {
    return chaos && scenario.crashes();
  }

  @Override
  public Scheduler scheduler() {
    return scheduler;
  }

  @Override
  public SimulatedNetwork network() {
    return network;
  }

  @Override
  public CryptoSuite suite() {
    return suite;
  }

  @Override
  public BftSettings settings() {
    return scenario.settings();
  }

  @Override
  public List<Address> addresses() {
    return addresses;
  }

  private List<SimulatedNode> honestNodes() {
    return nodes.stream().filter(SimulatedNode::honest).toList();
  }

  private List<Long> heights() {
    return honestNodes().stream().map(SimulatedNode::committedHeight).toList();
  }

  private List<String> statuses() {
    return honestNodes().stream().map(node -> node.status()
        .map(s -> s.height() + "/" + s.round() + (node.up() ? "" : " down"))
        .orElse("none")).toList();
  }

  private SimulationReport report(long atHeal) {
    Map<DropReason, Long> dropped = new EnumMap<>(DropReason.class);
    long roundChanges = 0;
    long deferred = 0;
    long restarts = 0;
    for (SimulatedNode node : honestNodes()) {
      restarts += node.restarts();
      Optional<EngineStatus> status = node.status();
      if (status.isPresent()) {
        roundChanges += status.get().roundChanges();
        deferred += status.get().deadlinesDeferred();
        status.get().dropped().forEach((reason, count) -> dropped.merge(reason, count, Long::sum));
      }
    }
    long lowest = heights().stream().mapToLong(Long::longValue).min().orElse(0);
    return new SimulationReport(scenario, atHeal, lowest, safety.commits(), roundChanges, restarts,
        dropped, network.sent(), network.delivered(), scheduler.executed(), scheduler.now(),
        heights(), deferred);
  }

  /** The genesis set of all initial validators, and the scripted change if the scenario has one. */
  private KeyValueLedger.ValidatorScript script(List<Integer> byzantineIndexes) {
    ValidatorSet genesis = ValidatorSet.equalPower(addresses.subList(0, scenario.validators()));
    if (scenario.validatorChangeHeight() == 0) {
      return new KeyValueLedger.ValidatorScript(genesis, Map.of());
    }
    List<Integer> honestValidators = new ArrayList<>();
    for (int i = 0; i < scenario.validators(); i++) {
      if (!byzantineIndexes.contains(i)) {
        honestValidators.add(i);
      }
    }
    int removed = honestValidators.get(random.nextInt(honestValidators.size()));
    List<Address> next = new ArrayList<>(addresses);
    next.remove(removed);
    return new KeyValueLedger.ValidatorScript(genesis,
        Map.of(scenario.validatorChangeHeight(), ValidatorSet.equalPower(next)));
  }

  private List<Integer> pick(int bound, int count) {
    List<Integer> picked = new ArrayList<>();
    while (picked.size() < count) {
      int index = random.nextInt(bound);
      if (!picked.contains(index)) {
        picked.add(index);
      }
    }
    return picked;
  }

  /** A key derived from the seed and an index, so every run of a seed has the same validators. */
  private KeyPair key(int index) {
    for (int attempt = 0; ; attempt++) {
      byte[] material = ByteBuffer.allocate(20).putLong(scenario.seed()).putInt(index)
          .putLong(attempt).array();
      try {
        return suite.keyPairFromPrivateKey(suite.hash(material));
      } catch (IllegalArgumentException outOfRange) {
        // A hash at or above the curve order (probability about 2^-128): derive another.
      }
    }
  }
}

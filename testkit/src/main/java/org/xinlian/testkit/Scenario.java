package org.xinlian.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.xinlian.common.RandomSource;
import org.xinlian.consensus.bft.BftSettings;
import org.xinlian.crypto.CryptoSuites;

/**
 * One simulated run, entirely determined by its fields (and so by the seed it was drawn from).
 *
 * @param seed drives keys, the network, crashes, Byzantine choices and the transactions
 * @param suite {@code standard} or {@code gm}
 * @param validators the initial validator count (4 tolerates 1 fault, 7 tolerates 2)
 * @param byzantine the behaviour of each Byzantine validator; at most (validators - 1) / 3
 * @param validatorChangeHeight 0 for none, else the height whose commit replaces one honest
 *     validator by a spare node (effective two heights later)
 * @param chaosMillis how long the network misbehaves and nodes crash before it heals
 * @param crashes whether honest nodes crash and restart during the chaos
 * @param settings the engines' timing
 * @param livenessHeights how many heights every honest node must gain after the heal
 * @param execution how long blocks take to build, execute and commit, slow blocks included
 * @param timing the chain's own timing by height (a governance vote on the block interval or the
 *     round timeout, CONSENSUS-23), or none
 */
public record Scenario(
    long seed,
    String suite,
    int validators,
    List<ByzantineBehaviour> byzantine,
    long validatorChangeHeight,
    long chaosMillis,
    boolean crashes,
    BftSettings settings,
    int livenessHeights,
    ExecutionConditions execution,
    TimingSchedule timing) {
  public Scenario {
    Objects.requireNonNull(suite, "suite");
    Objects.requireNonNull(timing, "timing");
    byzantine = List.copyOf(byzantine);
    Objects.requireNonNull(execution, "execution");
    if (validators < 1 || byzantine.size() > (validators - 1) / 3) {
      throw new IllegalArgumentException(
          "scenario: " + byzantine.size() + " Byzantine of " + validators + " exceeds f");
    }
  }

  /** The simulator's engine timing: fast rounds on a fast simulated network. */
  public static BftSettings simulatedSettings() {
    return new BftSettings(20, 200, 5, 150);
  }

  /** A run drawn from {@code seed}: 4 or 7 validators, up to f Byzantine, faults, sometimes a validator change. */
  public static Scenario random(long seed, String suite) {
    RandomSource random = RandomSource.seeded(seed * 0x9E3779B97F4A7C15L + 1);
    int validators = random.nextInt(10) < 7 ? 4 : 7;
    int faulty = random.nextInt((validators - 1) / 3 + 1);
    ByzantineBehaviour[] behaviours = ByzantineBehaviour.values();
    List<ByzantineBehaviour> byzantine = new ArrayList<>();
    for (int i = 0; i < faulty; i++) {
      byzantine.add(behaviours[random.nextInt(behaviours.length)]);
    }
    long change = random.nextInt(5) == 0 ? 2 + random.nextInt(4) : 0;
    BftSettings settings = new BftSettings(random.nextInt(40), 150 + random.nextInt(150), 5,
        100 + random.nextInt(100));
    long chaos = 1_000 + random.nextInt(5_000);
    // One run in four has blocks that execute for longer than a round lasts (CONSENSUS-22).
    ExecutionConditions execution = random.nextInt(4) == 0
        ? new ExecutionConditions(1, 20, 50 + random.nextInt(250),
            settings.roundTimeoutMillis(0) + 50 + random.nextInt((int) settings.roundTimeoutBaseMillis()))
        : new ExecutionConditions(1, 1 + random.nextInt(20), 0, 0);
    // One run in four has the chain change its own timing every few heights (GOV-15, CONSENSUS-23).
    TimingSchedule timing = random.nextInt(4) == 0
        ? new TimingSchedule(2 + random.nextInt(4), random.nextLong()) : TimingSchedule.none();
    return new Scenario(seed, suite, validators, byzantine, change, chaos, true, settings, 3,
        execution, timing);
  }

  /** A calm, all-honest run of {@code validators} on the standard suite. */
  public static Scenario honest(long seed, int validators) {
    return new Scenario(seed, CryptoSuites.STANDARD, validators, List.of(), 0, 0, false,
        simulatedSettings(), 5, ExecutionConditions.quick(), TimingSchedule.none());
  }

  public Scenario withSuite(String name) {
    return new Scenario(seed, name, validators, byzantine, validatorChangeHeight, chaosMillis,
        crashes, settings, livenessHeights, execution, timing);
  }

  public Scenario withByzantine(List<ByzantineBehaviour> behaviours) {
    return new Scenario(seed, suite, validators, behaviours, validatorChangeHeight, chaosMillis,
        crashes, settings, livenessHeights, execution, timing);
  }

  public Scenario withValidatorChangeAt(long height) {
    return new Scenario(seed, suite, validators, byzantine, height, chaosMillis, crashes, settings,
        livenessHeights, execution, timing);
  }

  public Scenario withChaos(long millis, boolean crashesToo) {
    return new Scenario(seed, suite, validators, byzantine, validatorChangeHeight, millis,
        crashesToo, settings, livenessHeights, execution, timing);
  }

  public Scenario withLivenessHeights(int heights) {
    return new Scenario(seed, suite, validators, byzantine, validatorChangeHeight, chaosMillis,
        crashes, settings, heights, execution, timing);
  }

  public Scenario withExecution(ExecutionConditions conditions) {
    return new Scenario(seed, suite, validators, byzantine, validatorChangeHeight, chaosMillis,
        crashes, settings, livenessHeights, conditions, timing);
  }

  public Scenario withTiming(TimingSchedule schedule) {
    return new Scenario(seed, suite, validators, byzantine, validatorChangeHeight, chaosMillis,
        crashes, settings, livenessHeights, execution, schedule);
  }
}

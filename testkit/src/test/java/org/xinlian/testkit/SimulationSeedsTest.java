package org.xinlian.testkit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.xinlian.crypto.CryptoSuites;

/**
 * The simulator's seeds (docs/spec/consensus.md CONSENSUS-17): every run checks safety on every
 * honest commit and message, and liveness after the heal. A failure names its seed; {@code
 * -Dsim.seed=N} replays exactly that run (seeds from 1,000,000 on the gm suite, as they were run;
 * {@code -Dsim.suite} overrides).
 * {@code -Dsim.seeds} and {@code -Dsim.firstSeed} choose other seeds to explore.
 */
class SimulationSeedsTest {
  private static final long FIRST_SEED = Long.getLong("sim.firstSeed", 1);
  private static final int STANDARD_SEEDS = Integer.getInteger("sim.seeds", 200);
  private static final int GM_SEEDS = Integer.getInteger("sim.gmSeeds", 8);
  /** gm seeds are drawn from their own range so they are not the standard runs again. */
  private static final long GM_SEED_OFFSET = 1_000_000;

  private static final List<SimulationReport> REPORTS = new ArrayList<>();

  @TestFactory
  @DisplayName("CONSENSUS-17, CONSENSUS-18: seeded runs keep safety and regain liveness after the heal")
  Stream<DynamicTest> seeds() {
    String replay = System.getProperty("sim.seed");
    if (replay != null) {
      long seed = Long.parseLong(replay);
      String suite = System.getProperty("sim.suite",
          seed >= GM_SEED_OFFSET ? CryptoSuites.GM : CryptoSuites.STANDARD);
      return Stream.of(run(seed, suite));
    }
    Stream<DynamicTest> standard = LongStream.range(FIRST_SEED, FIRST_SEED + STANDARD_SEEDS)
        .mapToObj(seed -> run(seed, CryptoSuites.STANDARD));
    Stream<DynamicTest> gm = LongStream.range(FIRST_SEED, FIRST_SEED + GM_SEEDS)
        .mapToObj(seed -> run(GM_SEED_OFFSET + seed, CryptoSuites.GM));
    return Stream.concat(standard, gm);
  }

  private static DynamicTest run(long seed, String suite) {
    return DynamicTest.dynamicTest("seed " + seed + " (" + suite + ")", () -> {
      SimulationReport report = Simulation.run(Scenario.random(seed, suite));
      assertTrue(report.honestCommits() > 0, "seed " + seed + ": no honest commit");
      synchronized (REPORTS) {
        REPORTS.add(report);
      }
    });
  }

  @Test
  @DisplayName("CONSENSUS-17: the default seeds cover 4 and 7 validators, every Byzantine behaviour, validator changes and crashes")
  void theSeedsCoverTheFaultModel() {
    Set<Integer> sizes = new java.util.HashSet<>();
    Set<ByzantineBehaviour> behaviours = EnumSet.noneOf(ByzantineBehaviour.class);
    int changes = 0;
    int maximalFaults = 0;
    for (long seed = FIRST_SEED; seed < FIRST_SEED + STANDARD_SEEDS; seed++) {
      Scenario scenario = Scenario.random(seed, CryptoSuites.STANDARD);
      sizes.add(scenario.validators());
      behaviours.addAll(scenario.byzantine());
      changes += scenario.validatorChangeHeight() > 0 ? 1 : 0;
      maximalFaults += scenario.byzantine().size() == (scenario.validators() - 1) / 3 ? 1 : 0;
    }
    assertTrue(sizes.containsAll(Set.of(4, 7)), "validator counts: " + sizes);
    assertTrue(behaviours.containsAll(EnumSet.allOf(ByzantineBehaviour.class)), "behaviours: " + behaviours);
    assertTrue(changes >= 10, "validator changes: " + changes);
    assertTrue(maximalFaults >= 40, "runs with f Byzantine validators: " + maximalFaults);
  }

  @AfterAll
  static void summary() {
    if (REPORTS.isEmpty()) {
      return;
    }
    long commits = REPORTS.stream().mapToLong(SimulationReport::honestCommits).sum();
    long rounds = REPORTS.stream().mapToLong(SimulationReport::roundChanges).sum();
    long restarts = REPORTS.stream().mapToLong(SimulationReport::restarts).sum();
    long events = REPORTS.stream().mapToLong(SimulationReport::events).sum();
    long gm = REPORTS.stream().filter(r -> r.scenario().suite().equals(CryptoSuites.GM)).count();
    System.out.printf("Simulation: %d seeds (%d standard, %d gm), %d honest commits checked,"
            + " %d round changes, %d crash restarts, %d events%n", REPORTS.size(),
        REPORTS.size() - gm, gm, commits, rounds, restarts, events);
  }
}

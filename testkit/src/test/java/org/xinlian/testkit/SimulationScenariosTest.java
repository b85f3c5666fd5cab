package org.xinlian.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xinlian.common.Address;
import org.xinlian.consensus.CommitCertificate;
import org.xinlian.consensus.ConsensusSignatures;
import org.xinlian.consensus.DropReason;
import org.xinlian.consensus.ValidatorSet;
import org.xinlian.consensus.bft.BftSettings;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.types.block.Block;

class SimulationScenariosTest {
  @Test
  @DisplayName("CONSENSUS-17: a calm, honest cluster of four decides every height with nothing dropped but repeats")
  void calmHonestCluster() {
    SimulationReport report = Simulation.run(Scenario.honest(11, 4));
    assertTrue(report.lowestFinalHeight() >= 5, "heights " + report.finalHeights());
    for (DropReason reason : DropReason.values()) {
      if (reason != DropReason.DUPLICATE && reason != DropReason.STALE
          && reason != DropReason.RATE_LIMITED) {
        assertEquals(0, report.dropped(reason), reason.name());
      }
    }
  }

  @Test
  @DisplayName("CONSENSUS-18, CONSENSUS-19: seven validators with an equivocating proposer and a double voter stay safe and live through chaos")
  void twoByzantineOfSeven() {
    SimulationReport report = Simulation.run(Scenario.honest(12, 7)
        .withByzantine(List.of(ByzantineBehaviour.EQUIVOCATING_PROPOSER, ByzantineBehaviour.DOUBLE_VOTER))
        .withChaos(3_000, true));
    assertTrue(report.dropped(DropReason.EQUIVOCATION) > 0, "dropped " + report.dropped());
    assertTrue(report.honestCommits() > 0);
  }

  @Test
  @DisplayName("CONSENSUS-19: seven validators, two of them silent, keep deciding")
  void twoSilentOfSeven() {
    SimulationReport report = Simulation.run(Scenario.honest(13, 7)
        .withByzantine(List.of(ByzantineBehaviour.SILENT, ByzantineBehaviour.SILENT)));
    assertTrue(report.lowestFinalHeight() >= 5, "heights " + report.finalHeights());
  }

  @Test
  @DisplayName("CONSENSUS-13, CONSENSUS-18: honest nodes crash and restart through chaos and never sign twice")
  void crashesAndRestarts() {
    SimulationReport report = Simulation.run(Scenario.honest(14, 4).withChaos(6_000, true));
    assertTrue(report.restarts() > 0, "no crash happened");
  }

  @Test
  @DisplayName("CONSENSUS-9, CONSENSUS-14: on the gm suite a validator sending wrong signatures and garbage is dropped and counted")
  void gmWithWrongSignatures() {
    SimulationReport report = Simulation.run(Scenario.honest(15, 4).withSuite(CryptoSuites.GM)
        .withByzantine(List.of(ByzantineBehaviour.WRONG_SIGNATURES)));
    long refused = report.dropped(DropReason.NOT_A_VALIDATOR) + report.dropped(DropReason.BAD_SIGNATURE)
        + report.dropped(DropReason.MALFORMED);
    assertTrue(refused > 0, "dropped " + report.dropped());
    assertTrue(report.lowestFinalHeight() >= 5);
  }

  @Test
  @DisplayName("CONSENSUS-16: a scripted change at height 3 is certified by the old set up to height 4 and by the new set from height 5")
  void scriptedValidatorChange() {
    Map<Long, CommitCertificate> certificates = new TreeMap<>();
    Map<Long, Block> blocks = new TreeMap<>();
    Scenario scenario = Scenario.honest(16, 4).withValidatorChangeAt(3).withLivenessHeights(8);
    Simulation.run(scenario, (node, block, certificate, root) -> {
      certificates.putIfAbsent(block.header().number(), certificate);
      blocks.putIfAbsent(block.header().number(), block);
    });
    CryptoSuite suite = CryptoSuites.standard();
    List<Address> before = signersUpTo(suite, certificates, 4);
    List<Address> after = signersFrom(suite, certificates, 5);
    assertTrue(!before.isEmpty() && !after.isEmpty());
    Address added = after.stream().filter(a -> !before.contains(a)).findFirst().orElseThrow();
    Address removed = before.stream().filter(a -> !after.contains(a)).findFirst().orElseThrow();
    ValidatorSet oldSet = ValidatorSet.equalPower(distinct(before));
    ValidatorSet newSet = ValidatorSet.equalPower(distinct(after));
    assertTrue(oldSet.contains(removed) && !oldSet.contains(added));
    for (Map.Entry<Long, CommitCertificate> entry : certificates.entrySet()) {
      ValidatorSet governing = entry.getKey() <= 4 ? oldSet : newSet;
      assertTrue(entry.getValue().verifyFor(blocks.get(entry.getKey()).header(), governing, suite)
          .isValid(), "height " + entry.getKey());
    }
  }

  @Test
  @DisplayName("CONSENSUS-20, CONSENSUS-22: when every block takes longer to execute than the round lasts, every height is still decided in round 0")
  void everyBlockSlowerThanTheRound() {
    BftSettings settings = Scenario.simulatedSettings();
    long slow = settings.roundTimeoutMillis(0) * 3 / 2;
    Map<Long, Integer> decidedInRound = new TreeMap<>();
    SimulationReport report = Simulation.run(Scenario.honest(17, 4)
        .withExecution(new ExecutionConditions(1, 5, 1000, slow)),
        (node, block, certificate, root) -> decidedInRound.put(block.header().number(), certificate.round()));
    assertTrue(report.lowestFinalHeight() >= 5, "heights " + report.finalHeights());
    assertTrue(decidedInRound.values().stream().allMatch(round -> round == 0),
        "rounds of decision by height: " + decidedInRound);
    assertTrue(report.deadlinesDeferred() > 0, "no deadline ever waited: the blocks were not slow");
  }

  @Test
  @DisplayName("CONSENSUS-20, CONSENSUS-22: slow blocks among quick ones, with chaos, crashes and a Byzantine proposer, stay safe and live")
  void someSlowBlocksThroughChaos() {
    BftSettings settings = Scenario.simulatedSettings();
    SimulationReport report = Simulation.run(Scenario.honest(18, 4)
        .withByzantine(List.of(ByzantineBehaviour.EQUIVOCATING_PROPOSER))
        .withChaos(4_000, true)
        .withExecution(new ExecutionConditions(1, 20, 300, settings.roundTimeoutMillis(0) * 2)));
    assertTrue(report.honestCommits() > 0);
    assertTrue(report.deadlinesDeferred() > 0, "no deadline waited for a slow block");
  }

  @Test
  @DisplayName("CONSENSUS-23, GOV-15: the chain changing its own block interval and round timeout every two heights, through chaos, crashes and a Byzantine proposer, stays safe and live")
  void chainTimingChangesByHeightThroughChaos() {
    TimingSchedule schedule = new TimingSchedule(2, 91);
    assertTrue(schedule.at(2).isPresent() && schedule.at(2).equals(schedule.at(3)), "one timing per period");
    assertTrue(java.util.stream.LongStream.range(2, 40).mapToObj(schedule::at).distinct().count() > 5,
        "the timing changes from period to period");
    assertTrue(schedule.at(1).isEmpty(), "the engines' own settings before the first change");
    SimulationReport report = Simulation.run(Scenario.honest(19, 4)
        .withByzantine(List.of(ByzantineBehaviour.EQUIVOCATING_PROPOSER))
        .withChaos(4_000, true)
        .withTiming(schedule));
    assertTrue(report.lowestFinalHeight() >= 6, "heights " + report.finalHeights());
  }

  @Test
  @DisplayName("CONSENSUS-17: the same seed gives the same run, event for event")
  void sameSeedSameRun() {
    Scenario scenario = Scenario.random(77, CryptoSuites.STANDARD);
    assertEquals(Simulation.run(scenario), Simulation.run(scenario));
  }

  @Test
  @DisplayName("CONSENSUS-3: a scenario with more than f Byzantine validators is refused")
  void moreThanFIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> Scenario.honest(1, 4)
        .withByzantine(List.of(ByzantineBehaviour.SILENT, ByzantineBehaviour.SILENT)));
  }

  private static List<Address> signersUpTo(CryptoSuite suite, Map<Long, CommitCertificate> all, long last) {
    List<Address> signers = new ArrayList<>();
    all.forEach((height, certificate) -> {
      if (height <= last) {
        signers.addAll(signers(suite, certificate));
      }
    });
    return signers;
  }

  private static List<Address> signersFrom(CryptoSuite suite, Map<Long, CommitCertificate> all, long first) {
    List<Address> signers = new ArrayList<>();
    all.forEach((height, certificate) -> {
      if (height >= first) {
        signers.addAll(signers(suite, certificate));
      }
    });
    return signers;
  }

  private static List<Address> signers(CryptoSuite suite, CommitCertificate certificate) {
    byte[] digest = ConsensusSignatures.commitDigest(suite, certificate.height(), certificate.round(),
        certificate.blockHash());
    return certificate.seals().stream()
        .map(seal -> ConsensusSignatures.signer(suite, digest, seal).orElseThrow()).toList();
  }

  private static List<Address> distinct(List<Address> addresses) {
    return addresses.stream().distinct().toList();
  }
}

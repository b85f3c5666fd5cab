package org.xinlian.consensus.bft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xinlian.common.Hash;
import org.xinlian.consensus.ConsensusAction;
import org.xinlian.consensus.HeightTiming;
import org.xinlian.consensus.TimeoutStep;
import org.xinlian.types.block.Block;

/** CONSENSUS-23 (GOV-15 on a node): the application times each height as the engine enters it. */
class BftEngineTimingTest {
  private static long duration(List<ConsensusAction> actions, TimeoutStep step) {
    List<ConsensusAction.ScheduleTimeout> found = Harness.timeouts(actions, step);
    assertEquals(1, found.size(), step + " scheduled once");
    return found.get(0).durationMillis();
  }

  /** Decides height 1 as a non-proposer: the proposal, then two other validators' prepares and commits. */
  private static List<ConsensusAction> decideHeightOne(Harness harness) {
    int proposer = harness.proposerOf(1, 0);
    Block block = harness.application.next((byte) 7);
    Hash hash = harness.hash(block);
    harness.deliver(proposer, harness.proposal(1, block));
    List<Integer> voters = List.of(proposer, harness.others(proposer).get(0));
    for (int voter : voters) {
      harness.deliver(voter, harness.signer(voter).prepare(1, 0, hash));
    }
    harness.deliver(voters.get(0), harness.signer(voters.get(0)).commit(1, 0, hash));
    List<ConsensusAction> entered = harness.deliver(voters.get(1), harness.signer(voters.get(1)).commit(1, 0, hash));
    assertEquals(2, harness.status().height(), "height 1 decided and committed");
    return entered;
  }

  @Test
  @DisplayName("CONSENSUS-23: a height the application times uses its proposal delay and round deadline; an untimed one keeps the settings")
  void eachHeightIsTimedAsTheApplicationSays() {
    Harness harness = new Harness(4, new Harness(4, 0).proposerOf(2, 0));
    assertTrue(harness.proposerOf(1, 0) != harness.self, "not the proposer of height 1");
    harness.application.timings.put(2L, new HeightTiming(300, 4_000));

    List<ConsensusAction> started = harness.start();
    assertEquals(Harness.SETTINGS.roundTimeoutMillis(0), duration(started, TimeoutStep.ROUND));
    assertEquals(Harness.SETTINGS.retransmitIntervalMillis(), duration(started, TimeoutStep.RETRANSMIT));

    List<ConsensusAction> entered = decideHeightOne(harness);
    assertEquals(300, duration(entered, TimeoutStep.PROPOSAL_DELAY));
    assertEquals(300 + 4_000, duration(entered, TimeoutStep.ROUND));
    assertEquals(Harness.SETTINGS.retransmitIntervalMillis(), duration(entered, TimeoutStep.RETRANSMIT));
    // Later rounds of the height double the chain's deadline, not the configured one.
    assertEquals(8_000, duration(harness.timeout(2, 0, TimeoutStep.ROUND), TimeoutStep.ROUND));
    assertEquals(Harness.SETTINGS.retransmitIntervalMillis(),
        duration(harness.timeout(2, 1, TimeoutStep.RETRANSMIT), TimeoutStep.RETRANSMIT));
  }

  @Test
  @DisplayName("CONSENSUS-23: a chain deadline shorter than the configured retransmission halves it, so the round still retransmits")
  void retransmissionFitsAShortDeadline() {
    BftSettings timed = Harness.SETTINGS.forHeight(new HeightTiming(0, 400));
    assertEquals(200, timed.retransmitIntervalMillis());
    assertEquals(400, timed.roundTimeoutMillis(0));
    assertEquals(Harness.SETTINGS.roundTimeoutDoublingsMax(), timed.roundTimeoutDoublingsMax());
    assertThrows(IllegalArgumentException.class, () -> new HeightTiming(0, 0));
    assertThrows(IllegalArgumentException.class, () -> new HeightTiming(-1, 1_000));
  }
}

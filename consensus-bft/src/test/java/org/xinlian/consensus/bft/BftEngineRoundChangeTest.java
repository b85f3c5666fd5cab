package org.xinlian.consensus.bft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xinlian.common.Hash;
import org.xinlian.consensus.ConsensusAction;
import org.xinlian.consensus.DropReason;
import org.xinlian.consensus.PreparedRound;
import org.xinlian.consensus.TimeoutStep;
import org.xinlian.consensus.message.ConsensusMessage;
import org.xinlian.consensus.message.Proposal;
import org.xinlian.consensus.message.RoundChange;
import org.xinlian.consensus.message.SignedRoundChange;
import org.xinlian.consensus.message.Vote;
import org.xinlian.consensus.message.VoteKind;
import org.xinlian.types.block.Block;

class BftEngineRoundChangeTest {
  @Test
  @DisplayName("CONSENSUS-5: round deadlines double with the round and stop growing at the cap")
  void roundTimeoutsGrowAndStopGrowing() {
    BftSettings settings = new BftSettings(50, 1_000, 3, 500);
    assertEquals(1_050, settings.roundTimeoutMillis(0));
    assertEquals(List.of(2_000L, 4_000L, 8_000L, 8_000L, 8_000L),
        List.of(settings.roundTimeoutMillis(1), settings.roundTimeoutMillis(2),
            settings.roundTimeoutMillis(3), settings.roundTimeoutMillis(4),
            settings.roundTimeoutMillis(1_000_000)));

    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> new BftSettings(0, BftSettings.ROUND_TIMEOUT_BASE_MILLIS_MAX + 1, 3, 500));
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> new BftSettings(0, 1_000, BftSettings.ROUND_TIMEOUT_DOUBLINGS_LIMIT + 1, 500));

    Harness harness = Harness.notProposing(4);
    harness.start();
    List<Long> durations = new ArrayList<>();
    for (int round = 0; round < 6; round++) {
      List<ConsensusAction> actions = harness.timeout(1, round, TimeoutStep.ROUND);
      durations.add(Harness.timeouts(actions, TimeoutStep.ROUND).get(0).durationMillis());
    }
    assertEquals(List.of(2_000L, 4_000L, 8_000L, 8_000L, 8_000L, 8_000L), durations);
    assertEquals(6, harness.status().round());
  }

  @Test
  @DisplayName("CONSENSUS-11: when the round's deadline passes the validator moves on and announces it with a round change")
  void timeoutMovesToTheNextRoundWithARoundChange() {
    Harness harness = Harness.notProposing(4);
    harness.start();
    List<ConsensusAction> actions = harness.timeout(1, 0, TimeoutStep.ROUND);
    List<ConsensusMessage> sent = harness.broadcasts(actions);
    RoundChange change = assertInstanceOf(RoundChange.class, sent.get(0));
    assertEquals(1, change.round());
    assertTrue(change.signed().prepared().isEmpty());
    assertEquals(1, harness.status().round());
    BftEngineNormalCaseTest.assertPersistedBeforeEachBroadcast(harness, actions);
    assertTrue(harness.timeout(1, 0, TimeoutStep.ROUND).isEmpty(), "the old round's deadline is ignored");
  }

  @Test
  @DisplayName("CONSENSUS-11: round changes of a weak quorum for a higher round are followed; one alone is not")
  void weakQuorumOfRoundChangesIsFollowed() {
    Harness harness = Harness.notProposing(4);
    harness.start();
    List<Integer> others = harness.others();
    harness.deliver(others.get(0), roundChange(harness, others.get(0), 5));
    assertEquals(0, harness.status().round());
    List<ConsensusAction> actions = harness.deliver(others.get(1), roundChange(harness, others.get(1), 7));
    assertEquals(5, harness.status().round(), "the highest round a weak quorum reached");
    RoundChange own = assertInstanceOf(RoundChange.class, harness.broadcasts(actions).get(0));
    assertEquals(5, own.round());
  }

  @Test
  @DisplayName("CONSENSUS-11: a proposal above round 0 needs round changes from a quorum; with them it moves the validator to its round")
  void proposalWithoutQuorumOfRoundChangesIsRefused() {
    Harness harness = Harness.notProposing(4);
    harness.start();
    int round = harness.proposerOf(1, 2) != harness.self ? 2 : 3;
    int proposer = harness.proposerOf(1, round);
    List<Integer> voters = new ArrayList<>(harness.others());
    Block block = harness.application.next((byte) 4);
    List<SignedRoundChange> two = List.of(signedChange(harness, voters.get(0), round),
        signedChange(harness, voters.get(1), round));
    Proposal thin = harness.signer(proposer).proposal(1, round, block, harness.hash(block), two, List.of());
    assertTrue(harness.broadcasts(harness.deliver(proposer, thin)).isEmpty());
    assertEquals(1, harness.status().dropped(DropReason.INVALID_JUSTIFICATION));
    assertEquals(0, harness.status().round());

    List<SignedRoundChange> three = new ArrayList<>(two);
    three.add(signedChange(harness, voters.get(2), round));
    Proposal justified = harness.signer(proposer).proposal(1, round, block, harness.hash(block), three, List.of());
    List<ConsensusMessage> sent = harness.broadcasts(harness.deliver(proposer, justified));
    assertEquals(round, harness.status().round());
    assertEquals(List.of(harness.signer(harness.self).prepare(1, round, harness.hash(block))), sent);
  }

  @Test
  @DisplayName("CONSENSUS-11: a validator locked on a block reports it, and refuses a later proposal of another block that ignores the lock")
  void lockedBlockMustBeReproposed() {
    Harness harness = Harness.notProposing(4);
    harness.start();
    int proposer = harness.proposerOf(1, 0);
    Block locked = harness.application.next((byte) 1);
    Hash hash = harness.hash(locked);
    harness.deliver(proposer, harness.proposal(1, locked));
    List<Vote> prepares = new ArrayList<>();
    prepares.add(harness.signer(harness.self).prepare(1, 0, hash));
    for (int other : harness.others(proposer).subList(0, 1)) {
      prepares.add(harness.signer(other).prepare(1, 0, hash));
      harness.deliver(other, prepares.get(prepares.size() - 1));
    }
    prepares.add(harness.signer(proposer).prepare(1, 0, hash));
    harness.deliver(proposer, prepares.get(2));
    assertEquals(0, harness.status().lockedRound().getAsInt());

    RoundChange announced = assertInstanceOf(RoundChange.class,
        harness.broadcasts(harness.timeout(1, 0, TimeoutStep.ROUND)).get(0));
    assertEquals(Optional.of(new PreparedRound(0, hash)), announced.signed().prepared());
    assertEquals(locked, announced.certificate().orElseThrow().block());

    int next = harness.proposerOf(1, 1);
    List<SignedRoundChange> justification = new ArrayList<>();
    justification.add(announced.signed());
    for (int other : harness.others(next)) {
      if (justification.size() < 3) {
        justification.add(signedChange(harness, other, 1));
      }
    }
    if (justification.size() < 3) {
      justification.add(signedChange(harness, next, 1));
    }
    Block other = harness.application.next((byte) 2);
    Proposal ignoringLock = harness.signer(next).proposal(1, 1, other, harness.hash(other), justification, List.of());
    assertTrue(harness.broadcasts(harness.deliver(next, ignoringLock)).isEmpty());
    assertEquals(1, harness.status().dropped(DropReason.INVALID_JUSTIFICATION));

    Proposal reproposal = harness.signer(next).proposal(1, 1, locked, hash, justification, prepares);
    List<ConsensusMessage> sent = harness.broadcasts(harness.deliver(next, reproposal));
    Vote prepare = assertInstanceOf(Vote.class, sent.get(0));
    assertEquals(VoteKind.PREPARE, prepare.kind());
    assertEquals(1, prepare.round());
    assertEquals(hash, prepare.blockHash());
  }

  @Test
  @DisplayName("CONSENSUS-11: the next proposer, given a quorum of round changes, re-proposes the highest prepared block they report")
  void nextProposerReproposesTheHighestPreparedBlock() {
    Harness probe = new Harness(4, 0);
    Harness harness = new Harness(4, probe.proposerOf(1, 1));
    harness.start();
    Block block = harness.application.next((byte) 6);
    Hash hash = harness.hash(block);
    List<Vote> prepares = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      prepares.add(harness.signer(i).prepare(1, 0, hash));
    }
    List<Integer> others = harness.others();
    RoundChange lockedChange = new RoundChange(
        harness.signer(others.get(0)).roundChange(1, 1, Optional.of(new PreparedRound(0, hash))),
        Optional.of(new org.xinlian.consensus.message.PreparedCertificate(block, prepares)));
    harness.deliver(others.get(0), lockedChange);
    List<ConsensusAction> actions = harness.deliver(others.get(1), roundChange(harness, others.get(1), 1));
    assertEquals(1, harness.status().round(), "a weak quorum moved the proposer to round 1");
    Proposal proposal = harness.broadcasts(actions).stream()
        .filter(Proposal.class::isInstance).map(Proposal.class::cast).findFirst().orElseThrow();
    assertEquals(block, proposal.block());
    assertEquals(3, proposal.roundChanges().size());
    assertEquals(prepares, proposal.prepares());
  }

  private static RoundChange roundChange(Harness harness, int from, int round) {
    return new RoundChange(signedChange(harness, from, round), Optional.empty());
  }

  private static SignedRoundChange signedChange(Harness harness, int from, int round) {
    return harness.signer(from).roundChange(1, round, Optional.empty());
  }
}

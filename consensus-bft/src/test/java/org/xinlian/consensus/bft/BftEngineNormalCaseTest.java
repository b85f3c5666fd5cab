package org.xinlian.consensus.bft;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xinlian.common.Hash;
import org.xinlian.consensus.CommitCertificate;
import org.xinlian.consensus.ConsensusAction;
import org.xinlian.consensus.DropReason;
import org.xinlian.consensus.TimeoutStep;
import org.xinlian.consensus.message.ConsensusMessage;
import org.xinlian.consensus.message.Proposal;
import org.xinlian.consensus.message.Vote;
import org.xinlian.consensus.message.VoteKind;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.types.block.Block;

class BftEngineNormalCaseTest {
  @Test
  @DisplayName("CONSENSUS-1, CONSENSUS-5: the round-0 proposer waits the proposal delay, then proposes and prepares, persisting before each send")
  void proposerProposesAfterTheDelay() {
    Harness harness = new Harness(4, new Harness(4, 0).proposerOf(1, 0));
    List<ConsensusAction> started = harness.start();
    assertTrue(harness.broadcasts(started).isEmpty());
    assertEquals(List.of(Harness.SETTINGS.proposalDelayMillis()),
        Harness.timeouts(started, TimeoutStep.PROPOSAL_DELAY).stream()
            .map(ConsensusAction.ScheduleTimeout::durationMillis).toList());
    assertEquals(Harness.SETTINGS.roundTimeoutMillis(0),
        Harness.timeouts(started, TimeoutStep.ROUND).get(0).durationMillis());

    List<ConsensusAction> proposed = harness.timeout(1, 0, TimeoutStep.PROPOSAL_DELAY);
    List<ConsensusMessage> sent = harness.broadcasts(proposed);
    assertEquals(2, sent.size());
    Proposal proposal = assertInstanceOf(Proposal.class, sent.get(0));
    Vote prepare = assertInstanceOf(Vote.class, sent.get(1));
    assertEquals(VoteKind.PREPARE, prepare.kind());
    assertEquals(harness.hash(proposal.block()), prepare.blockHash());
    assertPersistedBeforeEachBroadcast(harness, proposed);
  }

  @Test
  @DisplayName("CONSENSUS-10: with four validators a proposal, three prepares and three commits decide the block with a verifiable certificate")
  void fourValidatorsDecideAndCertify() {
    Harness harness = Harness.notProposing(4);
    harness.start();
    int proposer = harness.proposerOf(1, 0);
    Block block = harness.application.next((byte) 9);
    Hash hash = harness.hash(block);

    List<ConsensusMessage> afterProposal = harness.broadcasts(harness.deliver(proposer, harness.proposal(1, block)));
    assertEquals(List.of(harness.signer(harness.self).prepare(1, 0, hash)), afterProposal);

    List<Integer> others = harness.others(proposer);
    assertTrue(harness.broadcasts(harness.deliver(proposer, harness.signer(proposer).prepare(1, 0, hash))).isEmpty());
    List<ConsensusAction> prepared = harness.deliver(others.get(0), harness.signer(others.get(0)).prepare(1, 0, hash));
    assertEquals(List.of(harness.signer(harness.self).commit(1, 0, hash)), harness.broadcasts(prepared));
    assertEquals(OptionalInt.of(0), harness.status().lockedRound());
    assertPersistedBeforeEachBroadcast(harness, prepared);

    harness.deliver(proposer, harness.signer(proposer).commit(1, 0, hash));
    assertEquals(1, harness.application.chain.size(), "two commits are not a quorum of four");
    harness.deliver(others.get(0), harness.signer(others.get(0)).commit(1, 0, hash));

    assertEquals(2, harness.application.chain.size());
    assertEquals(block, harness.application.chain.get(1));
    CommitCertificate certificate = harness.application.certificates.get(1);
    assertEquals(3, certificate.seals().size());
    assertTrue(certificate.verifyFor(block.header(), harness.validators, harness.suite).isValid());
    assertEquals(2, harness.status().height());
    assertEquals(1, harness.status().blocksCommitted());
  }

  @Test
  @DisplayName("CONSENSUS-10: a block the application rejects is not prepared, and the rejection is counted")
  void invalidBlockIsNotPrepared() {
    Harness harness = Harness.notProposing(4);
    harness.start();
    Block invalid = harness.application.next(TestApplication.INVALID);
    List<ConsensusAction> actions = harness.deliver(harness.proposerOf(1, 0), harness.proposal(1, invalid));
    assertTrue(harness.broadcasts(actions).isEmpty());
    assertEquals(1, harness.status().dropped(DropReason.INVALID_BLOCK));
  }

  @Test
  @DisplayName("CONSENSUS-6: the retransmission timer re-sends this validator's messages of the current round and re-arms itself")
  void retransmitsTheCurrentRoundsMessages() {
    Harness harness = Harness.notProposing(4);
    harness.start();
    Block block = harness.application.next((byte) 3);
    harness.deliver(harness.proposerOf(1, 0), harness.proposal(1, block));
    List<ConsensusAction> resent = harness.timeout(1, 0, TimeoutStep.RETRANSMIT);
    assertEquals(List.of(harness.signer(harness.self).prepare(1, 0, harness.hash(block))),
        harness.broadcasts(resent));
    assertTrue(Harness.lastPersisted(resent).isEmpty(), "nothing new was signed");
    assertEquals(1, Harness.timeouts(resent, TimeoutStep.RETRANSMIT).size());
    assertTrue(harness.timeout(1, 3, TimeoutStep.RETRANSMIT).isEmpty(), "a stale timer does nothing");
    List<ConsensusAction> again = harness.deliver(harness.proposerOf(1, 0), harness.proposal(1, block));
    assertTrue(again.isEmpty(), "a repeated message is dropped before any work");
    assertEquals(1, harness.status().dropped(DropReason.DUPLICATE));
  }

  @Test
  @DisplayName("CONSENSUS-1: two engines given the same events return byte-identical actions")
  void sameEventsGiveSameActions() {
    Harness first = Harness.notProposing(4);
    Harness second = Harness.notProposing(4);
    assertActionsEqual(first.start(), second.start());
    int proposer = first.proposerOf(1, 0);
    Block block = first.application.next((byte) 5);
    assertActionsEqual(first.deliver(proposer, first.proposal(1, block)),
        second.deliver(proposer, second.proposal(1, block)));
    for (int other : first.others()) {
      Hash hash = first.hash(block);
      assertActionsEqual(first.deliver(other, first.signer(other).prepare(1, 0, hash)),
          second.deliver(other, second.signer(other).prepare(1, 0, hash)));
      assertActionsEqual(first.deliver(other, first.signer(other).commit(1, 0, hash)),
          second.deliver(other, second.signer(other).commit(1, 0, hash)));
    }
    assertActionsEqual(first.timeout(2, 0, TimeoutStep.ROUND), second.timeout(2, 0, TimeoutStep.ROUND));
    assertEquals(first.status(), second.status());
  }

  @Test
  @DisplayName("CONSENSUS-10, CONSENSUS-16: a cluster of four decides height after height, a follower decides too without sending")
  void clusterDecidesHeightAfterHeight() {
    Harness keys = new Harness(4, 0);
    InstantCluster cluster = new InstantCluster(keys.suite, keys.keys.subList(0, 5), keys.validators, Map.of());
    cluster.start();
    cluster.runUntilHeight(6);
    for (TestApplication application : cluster.applications) {
      assertEquals(cluster.applications.get(0).chain.subList(0, 7), application.chain.subList(0, 7));
    }
    assertEquals(null, cluster.broadcastsByNode.get(4), "the follower signed nothing");
  }

  @Test
  @DisplayName("CONSENSUS-10: the same run decides on the gm suite with SM2 votes")
  void gmClusterDecides() {
    Harness keys = new Harness(CryptoSuites.gm(), 4, 0);
    InstantCluster cluster = new InstantCluster(keys.suite, keys.keys.subList(0, 4), keys.validators, Map.of());
    cluster.start();
    cluster.runUntilHeight(2);
    TestApplication application = cluster.applications.get(0);
    assertTrue(application.certificates.get(2)
        .verifyFor(application.chain.get(2).header(), keys.validators, keys.suite).isValid());
  }

  private static void assertActionsEqual(List<ConsensusAction> a, List<ConsensusAction> b) {
    assertEquals(a.size(), b.size());
    for (int i = 0; i < a.size(); i++) {
      ConsensusAction x = a.get(i);
      ConsensusAction y = b.get(i);
      assertEquals(x.getClass(), y.getClass());
      if (x instanceof ConsensusAction.Broadcast bx) {
        assertArrayEquals(bx.bytes(), ((ConsensusAction.Broadcast) y).bytes());
      } else if (x instanceof ConsensusAction.PersistState px) {
        assertArrayEquals(px.state(), ((ConsensusAction.PersistState) y).state());
      } else if (x instanceof ConsensusAction.SendTo sx) {
        assertEquals(sx.peer(), ((ConsensusAction.SendTo) y).peer());
        assertArrayEquals(sx.bytes(), ((ConsensusAction.SendTo) y).bytes());
      } else {
        assertEquals(x, y);
      }
    }
  }

  /** Every broadcast of a newly signed message is preceded by a persisted state that records it. */
  static void assertPersistedBeforeEachBroadcast(Harness harness, List<ConsensusAction> actions) {
    PersistedStateCodec codec = new PersistedStateCodec(harness.suite);
    PersistedState persisted = null;
    for (ConsensusAction action : actions) {
      if (action instanceof ConsensusAction.PersistState persist) {
        persisted = codec.decode(persist.state());
      } else if (action instanceof ConsensusAction.Broadcast broadcast) {
        ConsensusMessage message = harness.codec.decode(broadcast.bytes());
        PersistedState state = persisted;
        assertTrue(state != null && (state.proposal().filter(message::equals).isPresent()
            || state.prepare().filter(message::equals).isPresent()
            || state.commit().filter(message::equals).isPresent()
            || state.roundChange().filter(message::equals).isPresent()),
            "sent before being persisted: " + message);
      }
    }
  }
}

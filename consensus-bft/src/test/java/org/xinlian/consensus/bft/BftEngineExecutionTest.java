package org.xinlian.consensus.bft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xinlian.common.Hash;
import org.xinlian.consensus.CommitCertificate;
import org.xinlian.consensus.CommittedBlock;
import org.xinlian.consensus.ConsensusAction;
import org.xinlian.consensus.ConsensusEvent;
import org.xinlian.consensus.ConsensusSignatures;
import org.xinlian.consensus.DropReason;
import org.xinlian.consensus.TimeoutStep;
import org.xinlian.consensus.message.ConsensusMessage;
import org.xinlian.consensus.message.DecidedBlock;
import org.xinlian.consensus.message.Proposal;
import org.xinlian.consensus.message.RoundChange;
import org.xinlian.consensus.message.Vote;
import org.xinlian.consensus.message.VoteKind;
import org.xinlian.crypto.Signature;
import org.xinlian.types.block.Block;

/** Application work happens off the engine's thread and comes back as events (CONSENSUS-20). */
class BftEngineExecutionTest {
  private static Harness waitingHarness() {
    Harness harness = Harness.notProposing(4);
    harness.instantApplication = false;
    harness.start();
    return harness;
  }

  private static <T> List<T> only(List<ConsensusAction> actions, Class<T> kind) {
    return actions.stream().filter(kind::isInstance).map(kind::cast).toList();
  }

  @Test
  @DisplayName("CONSENSUS-20: a proposal is executed by the application off the engine; votes keep counting meanwhile and the prepare follows the verdict")
  void votesFlowWhileTheProposalExecutes() {
    Harness harness = waitingHarness();
    int proposer = harness.proposerOf(1, 0);
    Block block = harness.application.next((byte) 9);
    Hash hash = harness.hash(block);

    List<ConsensusAction> received = harness.deliver(proposer, harness.proposal(1, block));
    ConsensusAction.ExecuteBlock execute = only(received, ConsensusAction.ExecuteBlock.class).get(0);
    assertEquals(hash, execute.blockHash());
    assertTrue(harness.broadcasts(received).isEmpty(), "no vote before the verdict");

    List<Integer> others = harness.others(proposer);
    harness.deliver(proposer, harness.signer(proposer).prepare(1, 0, hash));
    harness.deliver(others.get(0), harness.signer(others.get(0)).prepare(1, 0, hash));
    assertTrue(harness.deliver(proposer, harness.proposal(1, block)).isEmpty(),
        "the same proposal again is a duplicate, not a second execution");

    List<ConsensusMessage> afterVerdict = harness.broadcasts(harness.completeWork());
    Vote prepare = assertInstanceOf(Vote.class, afterVerdict.get(0));
    Vote commit = assertInstanceOf(Vote.class, afterVerdict.get(1));
    assertEquals(VoteKind.PREPARE, prepare.kind());
    assertEquals(VoteKind.COMMIT, commit.kind(), "the prepares that came meanwhile already make a quorum");
    assertTrue(harness.pendingWork.isEmpty());
  }

  @Test
  @DisplayName("CONSENSUS-20: a proposal whose valid header carries another body is refused before execution; the genuine copy still counts")
  void aSwappedBodyIsRefusedBeforeExecution() {
    Harness harness = waitingHarness();
    int proposer = harness.proposerOf(1, 0);
    Block block = harness.application.next((byte) 9);
    Hash hash = harness.hash(block);
    Proposal genuine = harness.proposal(1, block);
    Block swapped = new Block(block.header(), List.of(org.xinlian.types.transaction.TransactionCodec.of(harness.suite)
        .sign(new org.xinlian.types.transaction.UnsignedTransaction.Legacy(0, java.math.BigInteger.ONE, 21_000,
            java.util.Optional.empty(), java.math.BigInteger.ZERO, new byte[0], java.util.OptionalLong.of(1)),
            harness.keys.get(0).privateKey())));
    Proposal forged = new Proposal(genuine.height(), genuine.round(), swapped, genuine.signature(),
        genuine.roundChanges(), genuine.prepares());
    assertEquals(hash, harness.hash(swapped), "the same header, so the same hash and signature");

    List<ConsensusAction> refused = harness.deliver(harness.others(proposer).get(0), forged);
    assertTrue(only(refused, ConsensusAction.ExecuteBlock.class).isEmpty(), "nothing executed");
    assertEquals(1, harness.status().dropped(DropReason.INVALID_BLOCK));

    List<ConsensusAction> taken = harness.deliver(proposer, genuine);
    assertEquals(block, only(taken, ConsensusAction.ExecuteBlock.class).get(0).block());
    assertInstanceOf(Vote.class, harness.broadcasts(harness.completeWork()).get(0));
  }

  @Test
  @DisplayName("CONSENSUS-20: the round's deadline waits for the executing proposal once, then the round gets a whole deadline again")
  void theDeadlineWaitsForTheExecutingProposal() {
    Harness harness = waitingHarness();
    int proposer = harness.proposerOf(1, 0);
    Block block = harness.application.next((byte) 9);
    harness.deliver(proposer, harness.proposal(1, block));

    List<ConsensusAction> atDeadline = harness.timeout(1, 0, TimeoutStep.ROUND);
    assertTrue(harness.broadcasts(atDeadline).isEmpty(), "no round change while executing");
    assertEquals(0, harness.status().round());
    assertEquals(1, harness.status().deadlinesDeferred());

    List<ConsensusAction> verdict = harness.completeWork();
    assertInstanceOf(Vote.class, harness.broadcasts(verdict).get(0));
    List<ConsensusAction.ScheduleTimeout> deadline = Harness.timeouts(verdict, TimeoutStep.ROUND);
    assertEquals(1, deadline.size());
    assertEquals(Harness.SETTINGS.roundTimeoutMillis(0), deadline.get(0).durationMillis());

    RoundChange change = assertInstanceOf(RoundChange.class,
        harness.broadcasts(harness.timeout(1, 0, TimeoutStep.ROUND)).get(0));
    assertEquals(1, change.round(), "the granted deadline expires normally");
  }

  @Test
  @DisplayName("CONSENSUS-20: a deadline that waited for a block the application rejects passes as soon as the verdict arrives")
  void aRejectedBlockEndsTheWaitingRoundAtOnce() {
    Harness harness = waitingHarness();
    int proposer = harness.proposerOf(1, 0);
    harness.deliver(proposer, harness.proposal(1, harness.application.next(TestApplication.INVALID)));
    harness.timeout(1, 0, TimeoutStep.ROUND);
    assertEquals(0, harness.status().round());

    List<ConsensusAction> verdict = harness.completeWork();
    RoundChange change = assertInstanceOf(RoundChange.class, harness.broadcasts(verdict).get(0));
    assertEquals(1, change.round());
    assertEquals(1, harness.status().dropped(DropReason.INVALID_BLOCK));
  }

  @Test
  @DisplayName("CONSENSUS-20: with nothing executing the deadline passes at once")
  void withNothingExecutingTheDeadlinePasses() {
    Harness harness = waitingHarness();
    assertInstanceOf(RoundChange.class,
        harness.broadcasts(harness.timeout(1, 0, TimeoutStep.ROUND)).get(0));
    assertEquals(0, harness.status().deadlinesDeferred());
  }

  @Test
  @DisplayName("CONSENSUS-20: the proposer asks the application to build, proposes when the block comes back, and ignores a block for a round it left")
  void theProposerProposesWhatTheApplicationBuilt() {
    Harness harness = new Harness(4, new Harness(4, 0).proposerOf(1, 0));
    harness.instantApplication = false;
    harness.start();
    List<ConsensusAction> asked = harness.timeout(1, 0, TimeoutStep.PROPOSAL_DELAY);
    ConsensusAction.BuildBlock build = only(asked, ConsensusAction.BuildBlock.class).get(0);
    assertEquals(1, build.request().height());
    assertEquals(0, build.request().round());
    assertTrue(harness.broadcasts(asked).isEmpty());

    List<ConsensusMessage> proposed = harness.broadcasts(harness.completeWork());
    Proposal proposal = assertInstanceOf(Proposal.class, proposed.get(0));
    assertInstanceOf(Vote.class, proposed.get(1));
    assertTrue(harness.pendingWork.isEmpty(), "its own block is not executed again");

    Harness late = new Harness(4, new Harness(4, 0).proposerOf(1, 0));
    late.instantApplication = false;
    late.start();
    late.timeout(1, 0, TimeoutStep.PROPOSAL_DELAY);
    late.timeout(1, 0, TimeoutStep.ROUND);
    assertEquals(1, late.status().round());
    assertTrue(late.broadcasts(late.completeWork()).isEmpty(), "round 0 is over: nothing proposed");
    assertEquals(proposal.height(), 1);
  }

  @Test
  @DisplayName("CONSENSUS-20: a decision is committed by the application; the next height starts only when it is durable, with what arrived meanwhile")
  void theNextHeightWaitsForTheCommit() {
    Harness harness = waitingHarness();
    int proposer = harness.proposerOf(1, 0);
    Block block = harness.application.next((byte) 9);
    Hash hash = harness.hash(block);
    harness.deliver(proposer, harness.proposal(1, block));
    harness.completeWork();
    for (int validator : harness.others()) {
      harness.deliver(validator, harness.signer(validator).prepare(1, 0, hash));
    }
    List<ConsensusAction> decided = List.of();
    for (int validator : harness.others()) {
      decided = harness.deliver(validator, harness.signer(validator).commit(1, 0, hash));
      if (!only(decided, ConsensusAction.CommitBlock.class).isEmpty()) {
        break;
      }
    }
    assertEquals(hash, only(decided, ConsensusAction.CommitBlock.class).get(0).decision().certificate().blockHash());
    assertEquals(1, harness.status().height(), "still at height 1 until the commit is done");
    assertEquals(1, harness.application.chain.size());

    // The next proposer is already on height 2: its proposal waits in the future buffer.
    Block next = TestApplication.block(2, hash, harness.address(harness.proposerOf(2, 0)), (byte) 3);
    harness.deliver(harness.proposerOf(2, 0), harness.proposal(2, next));

    List<ConsensusAction> committed = harness.completeWork();
    assertEquals(2, harness.status().height());
    assertEquals(2, harness.application.chain.size());
    assertEquals(harness.hash(next),
        only(committed, ConsensusAction.ExecuteBlock.class).get(0).blockHash(),
        "the buffered proposal of height 2 is handled on entering it");
  }

  @Test
  @DisplayName("CONSENSUS-12, CONSENSUS-20: a decided block from a peer is executed before it is committed")
  void aDecidedBlockWaitsForItsVerdict() {
    Harness harness = waitingHarness();
    Block block = harness.application.next((byte) 7);
    Hash hash = harness.hash(block);
    List<Signature> seals = harness.others().stream().map(signer -> harness.suite.sign(
        harness.keys.get(signer).privateKey(),
        ConsensusSignatures.commitDigest(harness.suite, 1, 2, hash))).toList();
    CommitCertificate certificate = new CommitCertificate(1, 2, hash, seals);
    List<ConsensusAction> received = harness.deliver(harness.others().get(0),
        new DecidedBlock(new CommittedBlock(block, certificate)));
    assertEquals(1, only(received, ConsensusAction.ExecuteBlock.class).size());
    assertTrue(only(received, ConsensusAction.CommitBlock.class).isEmpty());

    List<ConsensusAction> verdict = harness.completeWork();
    assertEquals(1, only(verdict, ConsensusAction.CommitBlock.class).size());
    harness.completeWork();
    assertEquals(2, harness.status().height());
    assertEquals(certificate, harness.application.certificates.get(1));
  }

  @Test
  @DisplayName("CONSENSUS-20: a stale verdict or build for another height changes nothing")
  void staleAnswersAreIgnored() {
    Harness harness = waitingHarness();
    Block block = harness.application.next((byte) 9);
    assertTrue(harness.handle(new ConsensusEvent.BlockExecuted(7, harness.hash(block),
        org.xinlian.consensus.ProposalVerdict.accept())).isEmpty());
    assertTrue(harness.handle(new ConsensusEvent.BlockExecuted(1, harness.hash(block),
        org.xinlian.consensus.ProposalVerdict.accept())).isEmpty(), "a verdict nobody asked for");
    assertEquals(1, harness.status().height());
  }
}

package org.xinlian.consensus.bft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xinlian.common.Hash;
import org.xinlian.consensus.CommitCertificate;
import org.xinlian.consensus.CommittedBlock;
import org.xinlian.consensus.ConsensusAction;
import org.xinlian.consensus.ConsensusSignatures;
import org.xinlian.consensus.DropReason;
import org.xinlian.consensus.ValidatorSet;
import org.xinlian.consensus.message.CommitRequest;
import org.xinlian.consensus.message.DecidedBlock;
import org.xinlian.crypto.Signature;
import org.xinlian.types.block.Block;

class BftEngineCatchUpTest {
  private static CommitCertificate certificate(Harness harness, Block block, List<Integer> signers) {
    Hash hash = harness.hash(block);
    List<Signature> seals = new ArrayList<>();
    for (int signer : signers) {
      seals.add(harness.suite.sign(harness.keys.get(signer).privateKey(),
          ConsensusSignatures.commitDigest(harness.suite, block.header().number(), 4, hash)));
    }
    return new CommitCertificate(block.header().number(), 4, hash, seals);
  }

  @Test
  @DisplayName("CONSENSUS-12: a decided block whose certificate verifies is committed without the round's votes")
  void decidedBlockWithValidCertificateIsCommitted() {
    Harness harness = Harness.notProposing(4);
    harness.start();
    Block block = harness.application.next((byte) 7);
    CommitCertificate certificate = certificate(harness, block, harness.others());
    harness.deliver(harness.others().get(0), new DecidedBlock(new CommittedBlock(block, certificate)));
    assertEquals(2, harness.status().height());
    assertEquals(certificate, harness.application.certificates.get(1));
  }

  @Test
  @DisplayName("CONSENSUS-12: a decided block with too few seals is refused and counted")
  void forgedCertificateIsRefused() {
    Harness harness = Harness.notProposing(4);
    harness.start();
    Block block = harness.application.next((byte) 7);
    CommitCertificate thin = certificate(harness, block, harness.others().subList(0, 2));
    harness.deliver(harness.others().get(0), new DecidedBlock(new CommittedBlock(block, thin)));
    assertEquals(1, harness.status().height());
    assertEquals(1, harness.status().dropped(DropReason.INVALID_CERTIFICATE));
  }

  @Test
  @DisplayName("CONSENSUS-12: a commit request for a committed height is answered with the block and its certificate, once per period")
  void commitRequestIsAnswered() {
    Harness harness = Harness.notProposing(4);
    harness.start();
    Block block = harness.application.next((byte) 7);
    CommitCertificate certificate = certificate(harness, block, harness.others());
    harness.deliver(harness.others().get(0), new DecidedBlock(new CommittedBlock(block, certificate)));

    int asker = harness.others().get(1);
    List<ConsensusAction> answer = harness.deliver(asker, new CommitRequest(1));
    ConsensusAction.SendTo send = assertInstanceOf(ConsensusAction.SendTo.class, answer.get(0));
    assertEquals(harness.address(asker), send.peer());
    DecidedBlock decided = assertInstanceOf(DecidedBlock.class, harness.codec.decode(send.bytes()));
    assertEquals(block, decided.committed().block());

    assertTrue(harness.deliver(asker, new CommitRequest(1)).isEmpty());
    assertEquals(1, harness.status().dropped(DropReason.RATE_LIMITED), "answered once per period");
    harness.timeout(2, 0, org.xinlian.consensus.TimeoutStep.RETRANSMIT);
    assertEquals(1, harness.deliver(asker, new CommitRequest(1)).size(), "answered again next period");
    assertTrue(harness.deliver(asker, new CommitRequest(9)).isEmpty());
    assertEquals(1, harness.status().dropped(DropReason.STALE), "height 9 is not committed here");
  }

  @Test
  @DisplayName("CONSENSUS-12: a validator seen at a higher height is asked for the block of this node's height")
  void aheadPeerIsAsked() {
    Harness harness = Harness.notProposing(4);
    harness.start();
    int ahead = harness.others().get(0);
    List<ConsensusAction> actions = harness.deliver(ahead, harness.signer(ahead).prepare(2, 0, Hash.ZERO));
    ConsensusAction.SendTo request = assertInstanceOf(ConsensusAction.SendTo.class, actions.get(0));
    assertEquals(harness.address(ahead), request.peer());
    assertEquals(new CommitRequest(1), harness.codec.decode(request.bytes()));
    assertTrue(harness.deliver(ahead, harness.signer(ahead).prepare(2, 1, Hash.ZERO)).isEmpty(),
        "one request per height per retransmission period");
  }

  @Test
  @DisplayName("CONSENSUS-16: a validator set change reported at height 1 governs height 3, not height 2")
  void validatorSetChangeTakesEffectTwoHeightsLater() {
    Harness keys = new Harness(4, 0);
    List<org.xinlian.common.Address> next = new ArrayList<>();
    for (int i : List.of(0, 1, 2, 4)) {
      next.add(keys.address(i));
    }
    ValidatorSet changed = ValidatorSet.equalPower(next);
    InstantCluster cluster = new InstantCluster(keys.suite, keys.keys.subList(0, 5), keys.validators,
        Map.of(1L, changed));
    cluster.start();
    cluster.runUntilHeight(4);
    TestApplication application = cluster.applications.get(0);
    for (long height = 1; height <= 4; height++) {
      ValidatorSet governing = height < 3 ? keys.validators : changed;
      CommitCertificate certificate = application.certificates.get((int) height);
      Block block = application.chain.get((int) height);
      assertTrue(certificate.verifyFor(block.header(), governing, keys.suite).isValid(), "height " + height);
      assertTrue(signers(keys, certificate).stream().allMatch(governing::contains), "height " + height);
    }
    assertTrue(!cluster.engines.get(3).status().validator() && cluster.engines.get(4).status().validator());
    // The removed validator signs at heights 1 and 2 only, the new one from height 3 on.
    assertEquals(java.util.Set.of(1L, 2L), heightsBetween(cluster.broadcastHeights.get(3), 1, 4));
    assertEquals(java.util.Set.of(3L, 4L), heightsBetween(cluster.broadcastHeights.get(4), 1, 4));
    for (TestApplication each : cluster.applications) {
      assertEquals(application.chain.subList(0, 5), each.chain.subList(0, 5));
    }
  }

  private static java.util.Set<Long> heightsBetween(java.util.Set<Long> heights, long from, long to) {
    return heights.stream().filter(h -> h >= from && h <= to).collect(java.util.stream.Collectors.toSet());
  }

  private static List<org.xinlian.common.Address> signers(Harness keys, CommitCertificate certificate) {
    byte[] digest = ConsensusSignatures.commitDigest(keys.suite, certificate.height(),
        certificate.round(), certificate.blockHash());
    return certificate.seals().stream()
        .map(seal -> ConsensusSignatures.signer(keys.suite, digest, seal).orElseThrow()).toList();
  }
}

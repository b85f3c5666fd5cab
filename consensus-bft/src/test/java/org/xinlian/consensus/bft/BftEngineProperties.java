package org.xinlian.consensus.bft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import org.xinlian.common.Hash;
import org.xinlian.common.RandomSource;
import org.xinlian.consensus.CommitCertificate;
import org.xinlian.consensus.CommittedBlock;
import org.xinlian.consensus.ConsensusAction;
import org.xinlian.consensus.PreparedRound;
import org.xinlian.consensus.TimeoutStep;
import org.xinlian.consensus.message.CommitRequest;
import org.xinlian.consensus.message.ConsensusMessage;
import org.xinlian.consensus.message.DecidedBlock;
import org.xinlian.consensus.message.MessageSigner;
import org.xinlian.consensus.message.PreparedCertificate;
import org.xinlian.consensus.message.Proposal;
import org.xinlian.consensus.message.RoundChange;
import org.xinlian.consensus.message.Vote;
import org.xinlian.consensus.message.VoteKind;
import org.xinlian.types.block.Block;

class BftEngineProperties {
  private static final int INPUTS = 60;

  @Property(tries = 80)
  @Label("CONSENSUS-13, CONSENSUS-14: under random hostile input the engine never throws, never signs two different messages of one kind in a round, never commits an invalid block")
  void hostileInput(@ForAll long seed) {
    RandomSource random = RandomSource.seeded(seed);
    Harness harness = new Harness(4, random.nextInt(4));
    Map<String, Object> signed = new HashMap<>();
    record(harness, harness.start(), signed);
    for (int i = 0; i < INPUTS; i++) {
      record(harness, step(harness, random), signed);
    }
    for (Block block : harness.application.chain.subList(1, harness.application.chain.size())) {
      assertNotEquals(TestApplication.INVALID, block.header().extraData()[0]);
    }
    assertEquals(harness.application.chain.size(), harness.status().height());
  }

  private static List<ConsensusAction> step(Harness harness, RandomSource random) {
    int sender = random.nextInt(harness.keys.size());
    MessageSigner signer = harness.signer(sender);
    long height = Math.max(1, harness.application.chain.size() - 1 + random.nextInt(3));
    int round = random.nextInt(6);
    Block block = TestApplication.block(height, random.nextInt(4) == 0 ? Hash.ZERO
        : harness.application.headHash(), harness.address(sender),
        random.nextInt(5) == 0 ? TestApplication.INVALID : (byte) random.nextInt(3));
    Hash hash = harness.hash(block);
    switch (random.nextInt(9)) {
      case 0 -> {
        byte[] bytes = new byte[random.nextInt(120)];
        random.nextBytes(bytes);
        return harness.deliverBytes(sender, bytes);
      }
      case 1, 2 -> {
        VoteKind kind = random.nextInt(2) == 0 ? VoteKind.PREPARE : VoteKind.COMMIT;
        return harness.deliver(sender, signer.vote(kind, height, round, hash));
      }
      case 3 -> {
        return harness.deliver(sender, signer.proposal(height, round, block, hash, List.of(), List.of()));
      }
      case 4 -> {
        Optional<PreparedRound> prepared = random.nextInt(2) == 0 ? Optional.empty()
            : Optional.of(new PreparedRound(Math.max(0, round - 1), hash));
        Optional<PreparedCertificate> certificate = prepared.map(p -> new PreparedCertificate(block,
            List.of(signer.prepare(height, p.round(), hash))));
        return harness.deliver(sender, new RoundChange(signer.roundChange(height, round + 1, prepared), certificate));
      }
      case 5 -> {
        List<org.xinlian.crypto.Signature> seals = new ArrayList<>();
        for (int i = 0; i < 1 + random.nextInt(4); i++) {
          seals.add(harness.signer(random.nextInt(harness.keys.size())).commit(height, round, hash).signature());
        }
        return harness.deliver(sender, new DecidedBlock(new CommittedBlock(block,
            new CommitCertificate(height, round, hash, seals))));
      }
      case 6 -> {
        return harness.deliver(sender, new CommitRequest(1 + random.nextInt(3)));
      }
      default -> {
        TimeoutStep step = TimeoutStep.values()[random.nextInt(TimeoutStep.values().length)];
        long current = harness.status().height();
        return harness.timeout(current, random.nextInt(2) == 0 ? harness.status().round() : round, step);
      }
    }
  }

  /** Records what the engine signed; a second, different message in the same slot fails the property. */
  private static void record(Harness harness, List<ConsensusAction> actions, Map<String, Object> signed) {
    for (ConsensusMessage message : harness.broadcasts(actions)) {
      String slot;
      Object content;
      if (message instanceof Proposal proposal) {
        slot = "proposal/" + proposal.height() + "/" + proposal.round();
        content = harness.hash(proposal.block());
      } else if (message instanceof Vote vote) {
        slot = vote.kind() + "/" + vote.height() + "/" + vote.round();
        content = vote.blockHash();
      } else if (message instanceof RoundChange change) {
        slot = "roundChange/" + change.height() + "/" + change.round();
        content = change.signed().prepared();
      } else {
        continue;
      }
      Object previous = signed.putIfAbsent(slot, content);
      if (previous != null) {
        assertEquals(previous, content, "two different messages in " + slot);
      }
    }
  }
}

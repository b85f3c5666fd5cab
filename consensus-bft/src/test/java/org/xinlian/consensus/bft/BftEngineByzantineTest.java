package org.xinlian.consensus.bft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xinlian.common.Hash;
import org.xinlian.consensus.ConsensusSignatures;
import org.xinlian.consensus.DropReason;
import org.xinlian.consensus.message.Vote;
import org.xinlian.consensus.message.VoteKind;
import org.xinlian.crypto.Signature;
import org.xinlian.types.block.Block;

class BftEngineByzantineTest {
  @Test
  @DisplayName("CONSENSUS-14: garbage, outsiders, unrecoverable signatures and wrong proposers are dropped and counted, and the height is still decided")
  void byzantineInputIsDroppedAndCounted() {
    Harness harness = Harness.notProposing(4);
    harness.start();
    int proposer = harness.proposerOf(1, 0);
    int outsider = 5;
    Block block = harness.application.next((byte) 8);
    Hash hash = harness.hash(block);
    int other = harness.others(proposer).get(0);

    assertTrue(harness.deliverBytes(other, new byte[] {1, 2, 3}).isEmpty());
    harness.deliver(outsider, harness.signer(outsider).prepare(1, 0, hash));
    harness.deliver(other, new Vote(VoteKind.PREPARE, 1, 0, hash, unrecoverable(harness, hash)));
    harness.deliver(other, harness.signer(other).proposal(1, 0, block, hash, List.of(), List.of()));
    assertEquals(1, harness.status().dropped(DropReason.MALFORMED));
    assertEquals(1, harness.status().dropped(DropReason.NOT_A_VALIDATOR));
    assertEquals(1, harness.status().dropped(DropReason.BAD_SIGNATURE));
    assertEquals(1, harness.status().dropped(DropReason.WRONG_PROPOSER));

    harness.deliver(proposer, harness.proposal(1, block));
    for (int voter : List.of(proposer, other)) {
      harness.deliver(voter, harness.signer(voter).prepare(1, 0, hash));
    }
    for (int voter : List.of(proposer, other)) {
      harness.deliver(voter, harness.signer(voter).commit(1, 0, hash));
    }
    assertEquals(2, harness.status().height());
  }

  @Test
  @DisplayName("CONSENSUS-9, CONSENSUS-14: a message above the size limit is dropped as malformed before it is even hashed")
  void oversizedMessageIsDropped() {
    Harness harness = Harness.notProposing(4);
    harness.start();
    byte[] oversized = new byte[org.xinlian.consensus.ConsensusLimits.MESSAGE_BYTES_MAX + 1];
    assertTrue(harness.deliverBytes(harness.others().get(0), oversized).isEmpty());
    assertEquals(1, harness.status().dropped(DropReason.MALFORMED));
    assertEquals(1, harness.status().messagesReceived());
  }

  @Test
  @DisplayName("CONSENSUS-14: a validator's second, different commit is equivocation and adds no power")
  void doubleVotesAddNoPower() {
    Harness harness = Harness.notProposing(4);
    harness.start();
    int proposer = harness.proposerOf(1, 0);
    Block block = harness.application.next((byte) 2);
    Hash hash = harness.hash(block);
    Hash other = harness.hash(harness.application.next((byte) 3));
    List<Integer> others = harness.others(proposer);
    harness.deliver(proposer, harness.proposal(1, block));
    harness.deliver(proposer, harness.signer(proposer).prepare(1, 0, hash));
    harness.deliver(others.get(0), harness.signer(others.get(0)).prepare(1, 0, hash));

    harness.deliver(proposer, harness.signer(proposer).commit(1, 0, other));
    harness.deliver(proposer, harness.signer(proposer).commit(1, 0, hash));
    assertEquals(1, harness.status().dropped(DropReason.EQUIVOCATION));
    harness.deliver(others.get(0), harness.signer(others.get(0)).commit(1, 0, hash));
    assertEquals(1, harness.status().height(), "own commit and one more are two of four: no quorum");
    harness.deliver(others.get(1), harness.signer(others.get(1)).commit(1, 0, hash));
    assertEquals(2, harness.status().height());
  }

  @Test
  @DisplayName("CONSENSUS-14: an equivocating proposer's second block is not prepared")
  void equivocatingProposerIsIgnored() {
    Harness harness = Harness.notProposing(4);
    harness.start();
    int proposer = harness.proposerOf(1, 0);
    Block first = harness.application.next((byte) 1);
    Block second = harness.application.next((byte) 2);
    assertEquals(1, harness.broadcasts(harness.deliver(proposer, harness.proposal(1, first))).size());
    assertTrue(harness.broadcasts(harness.deliver(proposer, harness.proposal(1, second))).isEmpty());
    assertEquals(1, harness.status().dropped(DropReason.EQUIVOCATION));
  }

  @Test
  @DisplayName("CONSENSUS-14: messages for the next heights are buffered within bounds, the rest dropped and counted")
  void futureMessagesAreBounded() {
    Harness harness = Harness.notProposing(4);
    harness.start();
    int from = harness.others().get(0);
    for (int round = 0; round < 100; round++) {
      harness.deliver(from, harness.signer(from).prepare(2, round, Hash.ZERO));
    }
    assertEquals(100 - FutureMessages.FUTURE_MESSAGES_PER_PEER_MAX,
        harness.status().dropped(DropReason.FUTURE_BUFFER_FULL));
    harness.deliver(from, harness.signer(from).prepare(1 + FutureMessages.FUTURE_HEIGHTS_MAX + 1, 0, Hash.ZERO));
    assertEquals(1, harness.status().dropped(DropReason.HEIGHT_TOO_FAR_AHEAD));
    harness.deliver(from, harness.signer(from).prepare(1, Height.ROUNDS_AHEAD_MAX + 1, Hash.ZERO));
    assertEquals(1, harness.status().dropped(DropReason.ROUND_TOO_FAR_AHEAD));
  }

  @Test
  @DisplayName("CONSENSUS-14: a proposal for the next height, received early, is prepared as soon as that height starts")
  void earlyProposalIsReplayed() {
    Harness probe = new Harness(4, 0);
    int self = 0;
    while (self == probe.proposerOf(1, 0) || self == probe.proposerOf(2, 0)) {
      self++;
    }
    Harness harness = new Harness(4, self);
    harness.start();
    int proposer = harness.proposerOf(1, 0);
    Block first = harness.application.next((byte) 1);
    Hash hash = harness.hash(first);
    Block second = TestApplication.block(2, hash, harness.address(harness.proposerOf(2, 0)), (byte) 1);
    harness.deliver(harness.proposerOf(2, 0), harness.proposal(2, second));
    harness.deliver(proposer, harness.proposal(1, first));
    List<Integer> voters = harness.others(proposer);
    harness.deliver(proposer, harness.signer(proposer).prepare(1, 0, hash));
    harness.deliver(voters.get(0), harness.signer(voters.get(0)).prepare(1, 0, hash));
    harness.deliver(proposer, harness.signer(proposer).commit(1, 0, hash));
    var actions = harness.deliver(voters.get(0), harness.signer(voters.get(0)).commit(1, 0, hash));
    assertEquals(List.of(harness.signer(harness.self).prepare(2, 0, harness.hash(second))),
        harness.broadcasts(actions));
  }

  /** A vote signature from which no secp256k1 key can be recovered. */
  private static Signature unrecoverable(Harness harness, Hash hash) {
    byte[] digest = ConsensusSignatures.prepareDigest(harness.suite, 1, 0, hash);
    for (int r = 1; ; r++) {
      Signature candidate = Signature.recoverable(BigInteger.valueOf(r), BigInteger.TWO, 0);
      if (ConsensusSignatures.signer(harness.suite, digest, candidate).isEmpty()) {
        return candidate;
      }
    }
  }
}

package org.xinlian.testkit;

import java.util.HashMap;
import java.util.Map;
import org.xinlian.common.Address;
import org.xinlian.consensus.message.ConsensusMessage;
import org.xinlian.consensus.message.MessageCodec;
import org.xinlian.consensus.message.Proposal;
import org.xinlian.consensus.message.RoundChange;
import org.xinlian.consensus.message.Vote;
import org.xinlian.crypto.CryptoSuite;

/**
 * Watches everything honest nodes actually put on the network, across their crashes and
 * restarts, and fails the run if one ever signed two different proposals, prepares, commits or
 * round changes for the same height and round: the write-ahead state exists to prevent exactly
 * that (CONSENSUS-13).
 */
final class SigningChecker {
  private record Slot(Address node, String kind, long height, int round) {}

  private final long seed;
  private final CryptoSuite suite;
  private final MessageCodec codec;
  private final Map<Slot, Object> signed = new HashMap<>();

  SigningChecker(long seed, CryptoSuite suite) {
    this.seed = seed;
    this.suite = suite;
    this.codec = MessageCodec.of(suite);
  }

  void sent(Address node, byte[] bytes) {
    ConsensusMessage message = codec.decode(bytes);
    Slot slot;
    Object content;
    if (message instanceof Proposal proposal) {
      slot = new Slot(node, "proposal", proposal.height(), proposal.round());
      content = proposal.block().hash(suite);
    } else if (message instanceof Vote vote) {
      slot = new Slot(node, vote.kind().name(), vote.height(), vote.round());
      content = vote.blockHash();
    } else if (message instanceof RoundChange change) {
      slot = new Slot(node, "roundChange", change.height(), change.round());
      content = change.signed().prepared();
    } else {
      return;
    }
    Object previous = signed.putIfAbsent(slot, content);
    if (previous != null && !previous.equals(content)) {
      throw new SimulationFailure(seed, "SAFETY: honest node " + node + " signed two different "
          + slot.kind() + " messages at height " + slot.height() + ", round " + slot.round()
          + ": " + previous + " and " + content);
    }
  }
}

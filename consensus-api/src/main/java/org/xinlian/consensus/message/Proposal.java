package org.xinlian.consensus.message;

import java.util.List;
import java.util.Objects;
import org.xinlian.common.Hash;
import org.xinlian.consensus.ConsensusSignatures;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.Signature;
import org.xinlian.types.block.Block;

/**
 * A block proposed for one round, signed by the round's proposer over the block's hash. Above
 * round 0 it carries its justification: a quorum of round changes for the round and, if any of
 * them reports a prepared block, the prepares for the highest such round; the block must then be
 * that prepared block (CONSENSUS-11). A receiver checks all of it without any other message.
 */
public record Proposal(
    long height,
    int round,
    Block block,
    Signature signature,
    List<SignedRoundChange> roundChanges,
    List<Vote> prepares)
    implements ConsensusMessage {
  public Proposal {
    Objects.requireNonNull(block, "proposal.block");
    Objects.requireNonNull(signature, "proposal.signature");
    roundChanges = List.copyOf(roundChanges);
    prepares = List.copyOf(prepares);
  }

  /** The digest the signature covers, for the block whose hash is {@code blockHash}. */
  public static byte[] digest(CryptoSuite suite, long height, int round, Hash blockHash) {
    return ConsensusSignatures.proposalDigest(suite, height, round, blockHash);
  }
}

package org.xinlian.consensus.message;

import java.util.Objects;
import org.xinlian.common.Hash;
import org.xinlian.consensus.ConsensusSignatures;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.Signature;

/**
 * A prepare or commit vote for a block in one round. A commit's signature is also the commit seal
 * that goes into the block's certificate.
 */
public record Vote(VoteKind kind, long height, int round, Hash blockHash, Signature signature)
    implements ConsensusMessage {
  public Vote {
    Objects.requireNonNull(kind, "vote.kind");
    Objects.requireNonNull(blockHash, "vote.blockHash");
    Objects.requireNonNull(signature, "vote.signature");
  }

  /** The digest the signature covers. */
  public byte[] digest(CryptoSuite suite) {
    return kind == VoteKind.PREPARE
        ? ConsensusSignatures.prepareDigest(suite, height, round, blockHash)
        : ConsensusSignatures.commitDigest(suite, height, round, blockHash);
  }
}

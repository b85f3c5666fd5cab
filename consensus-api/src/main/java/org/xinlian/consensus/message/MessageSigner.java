package org.xinlian.consensus.message;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.xinlian.common.Address;
import org.xinlian.common.Hash;
import org.xinlian.consensus.ConsensusSignatures;
import org.xinlian.consensus.PreparedRound;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.KeyPair;
import org.xinlian.crypto.NodeSigner;
import org.xinlian.types.block.Block;

/**
 * Signs consensus messages with one validator's key and the chain's suite (secp256k1 on standard
 * chains, SM2 on gm chains). The engine uses it for its own messages; tests use it to play other
 * validators, honest or not.
 */
public final class MessageSigner {
  private final CryptoSuite suite;
  private final NodeSigner key;
  private final Address address;

  public MessageSigner(CryptoSuite suite, KeyPair key) {
    this(suite, NodeSigner.inMemory(suite, Objects.requireNonNull(key, "key")));
  }

  /** Signs with a node key wherever it is held (in memory, PKCS#11, a remote signer). */
  public MessageSigner(CryptoSuite suite, NodeSigner key) {
    this.suite = Objects.requireNonNull(suite, "suite");
    this.key = Objects.requireNonNull(key, "key");
    this.address = suite.address(key.publicKey());
  }

  /** The validator address this signer's votes recover to. */
  public Address address() {
    return address;
  }

  public Vote prepare(long height, int round, Hash blockHash) {
    return vote(VoteKind.PREPARE, height, round, blockHash);
  }

  public Vote commit(long height, int round, Hash blockHash) {
    return vote(VoteKind.COMMIT, height, round, blockHash);
  }

  public Vote vote(VoteKind kind, long height, int round, Hash blockHash) {
    byte[] digest = kind == VoteKind.PREPARE
        ? ConsensusSignatures.prepareDigest(suite, height, round, blockHash)
        : ConsensusSignatures.commitDigest(suite, height, round, blockHash);
    return new Vote(kind, height, round, blockHash, key.sign(digest));
  }

  /** A proposal of {@code block} (whose hash the caller computed) with its justification. */
  public Proposal proposal(
      long height,
      int round,
      Block block,
      Hash blockHash,
      List<SignedRoundChange> roundChanges,
      List<Vote> prepares) {
    byte[] digest = ConsensusSignatures.proposalDigest(suite, height, round, blockHash);
    return new Proposal(height, round, block, key.sign(digest), roundChanges,
        prepares);
  }

  public SignedRoundChange roundChange(long height, int round, Optional<PreparedRound> prepared) {
    byte[] digest = ConsensusSignatures.roundChangeDigest(suite, height, round, prepared);
    return new SignedRoundChange(height, round, prepared, key.sign(digest));
  }
}

package org.xinlian.consensus;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.xinlian.common.Address;
import org.xinlian.common.Hash;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.InvalidSignatureException;
import org.xinlian.crypto.Signature;
import org.xinlian.types.rlp.RlpWriter;

/**
 * What validators sign. Every signed payload starts with a domain tag, so a prepare can never be
 * replayed as a commit or a proposal, and a commit seal never as a transaction; the block hash in
 * it chains to the genesis, which keeps seals of one chain from counting on another
 * (docs/spec/consensus.md CONSENSUS-8).
 */
public final class ConsensusSignatures {
  private static final byte[] PROPOSAL = tag("xinlian-consensus-proposal");
  private static final byte[] PREPARE = tag("xinlian-consensus-prepare");
  private static final byte[] COMMIT = tag("xinlian-consensus-commit");
  private static final byte[] ROUND_CHANGE = tag("xinlian-consensus-round-change");

  private ConsensusSignatures() {}

  /** The digest a proposer signs: {@code hash(rlp([tag, height, round, blockHash]))}. */
  public static byte[] proposalDigest(CryptoSuite suite, long height, int round, Hash blockHash) {
    return blockDigest(suite, PROPOSAL, height, round, blockHash);
  }

  /** The digest of a prepare vote. */
  public static byte[] prepareDigest(CryptoSuite suite, long height, int round, Hash blockHash) {
    return blockDigest(suite, PREPARE, height, round, blockHash);
  }

  /** The digest of a commit vote; its signature is the commit seal a certificate collects. */
  public static byte[] commitDigest(CryptoSuite suite, long height, int round, Hash blockHash) {
    return blockDigest(suite, COMMIT, height, round, blockHash);
  }

  /**
   * The digest of a round change: {@code hash(rlp([tag, height, round, []]))} when the sender has
   * prepared nothing, {@code hash(rlp([tag, height, round, [preparedRound, preparedHash]]))} else.
   */
  public static byte[] roundChangeDigest(
      CryptoSuite suite, long height, int round, Optional<PreparedRound> prepared) {
    RlpWriter writer = new RlpWriter(128);
    writer.startList().writeBytes(ROUND_CHANGE).writeUnsignedLong(height).writeUnsignedLong(round);
    writer.startList();
    prepared.ifPresent(
        value -> writer.writeUnsignedLong(value.round()).writeBytes(value.blockHash().toArray()));
    writer.endList();
    return suite.hash(writer.endList().toByteArray());
  }

  /**
   * The address that signed {@code digest}, or empty when the signature establishes none (a
   * signature that does not verify, or from which no key can be recovered).
   */
  public static Optional<Address> signer(CryptoSuite suite, byte[] digest, Signature signature) {
    try {
      return Optional.of(suite.address(suite.recoverSigner(digest, signature)));
    } catch (InvalidSignatureException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static byte[] blockDigest(
      CryptoSuite suite, byte[] tag, long height, int round, Hash blockHash) {
    RlpWriter writer = new RlpWriter(96);
    writer.startList().writeBytes(tag).writeUnsignedLong(height).writeUnsignedLong(round);
    writer.writeBytes(blockHash.toArray());
    return suite.hash(writer.endList().toByteArray());
  }

  private static byte[] tag(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}

package org.xinlian.sdk.governance;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.PrivateKey;
import org.xinlian.types.rlp.Rlp;

/**
 * What a governor signs to vote offline (GOV-6), computed as the contract computes it: the suite
 * hash of {@code rlp(["xinlian-governance-vote", chainId, genesisHash, id, payloadHash, choice])},
 * where {@code payloadHash} is the suite hash of {@code rlp([kind, payload, executeAt])}.
 */
public final class VoteDigest {
  private static final byte[] TAG = "xinlian-governance-vote".getBytes(StandardCharsets.US_ASCII);

  private VoteDigest() {}

  /** The suite hash of {@code rlp([kind, payload, executeAt])}: binds a vote to what is voted on. */
  public static byte[] payloadHash(CryptoSuite suite, ProposalKind kind, byte[] payload, long executeAt) {
    return suite.hash(Rlp.encodeList(List.of(Rlp.encodeUnsignedLong(kind.code()), Rlp.encodeBytes(payload),
        Rlp.encodeUnsignedLong(executeAt))));
  }

  /** The digest a vote of {@code choice} on {@code subject} signs. */
  public static byte[] digest(CryptoSuite suite, VoteSubject subject, Choice choice) {
    byte[] payloadHash = payloadHash(suite, subject.kind(), subject.payload(), subject.executeAt());
    return suite.hash(Rlp.encodeList(List.of(Rlp.encodeBytes(TAG), Rlp.encodeUnsignedLong(subject.chainId()),
        Rlp.encodeBytes(subject.genesisHash().toArray()), Rlp.encodeUnsignedLong(subject.id()),
        Rlp.encodeBytes(payloadHash), Rlp.encodeUnsignedLong(choice.code()))));
  }

  /**
   * Signs a vote without any connection (an air-gapped governor): the suite's compact signature
   * over {@link #digest}.
   *
   * @throws IllegalArgumentException if {@code key} is of another suite
   */
  public static SignedVote sign(CryptoSuite suite, PrivateKey key, VoteSubject subject, Choice choice) {
    if (!suite.name().equals(key.suite())) {
      throw new IllegalArgumentException("key: a " + key.suite() + " key cannot vote on a " + suite.name() + " chain");
    }
    return new SignedVote(choice, suite.encodeSignature(suite.sign(key, digest(suite, subject, choice))));
  }
}

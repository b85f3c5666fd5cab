package org.xinlian.execution.governance;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.xinlian.common.Hash;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.types.rlp.Rlp;

/** What a governor signs to vote offline (GOV-6). */
public final class GovernanceVotes {
  private static final byte[] TAG = "xinlian-governance-vote".getBytes(StandardCharsets.US_ASCII);

  private GovernanceVotes() {}

  /** The suite hash of {@code rlp([kind, payload, executeAt])}: binds a vote to what is voted on. */
  public static byte[] payloadHash(CryptoSuite suite, ProposalKind kind, byte[] payload, long executeAt) {
    return suite.hash(Rlp.encodeList(List.of(Rlp.encodeUnsignedLong(kind.code()), Rlp.encodeBytes(payload),
        Rlp.encodeUnsignedLong(executeAt))));
  }

  /**
   * The suite hash of {@code rlp(["xinlian-governance-vote", chainId, genesisHash, id, payloadHash,
   * choice])}: a signature counts on this chain, for this proposal and payload, for this choice only.
   */
  public static byte[] digest(CryptoSuite suite, long chainId, Hash genesisHash, long id, byte[] payloadHash,
      Choice choice) {
    return suite.hash(Rlp.encodeList(List.of(Rlp.encodeBytes(TAG), Rlp.encodeUnsignedLong(chainId),
        Rlp.encodeBytes(genesisHash.toArray()), Rlp.encodeUnsignedLong(id), Rlp.encodeBytes(payloadHash),
        Rlp.encodeUnsignedLong(choice.code()))));
  }
}

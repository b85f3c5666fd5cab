package org.xinlian.sdk.governance;

import java.util.Objects;
import org.xinlian.common.Hash;

/**
 * Everything an offline vote is bound to (GOV-6): the chain (id and genesis hash), the proposal's
 * id and what it would do (kind, payload, execution height). A governor's air-gapped machine needs
 * only this to sign; a signature made for another chain, proposal or payload counts for no one.
 */
public record VoteSubject(long chainId, Hash genesisHash, long id, ProposalKind kind, byte[] payload, long executeAt) {
  public VoteSubject {
    Objects.requireNonNull(genesisHash, "genesisHash");
    Objects.requireNonNull(kind, "kind");
    payload = payload.clone();
    if (chainId < 1) {
      throw new IllegalArgumentException("chainId: " + chainId + " is not positive");
    }
    if (id < 1) {
      throw new IllegalArgumentException("id: " + id + " is not a proposal id (1, 2, …)");
    }
    if (executeAt < 0) {
      throw new IllegalArgumentException("executeAt: " + executeAt + " is negative");
    }
  }

  @Override
  public byte[] payload() {
    return payload.clone();
  }
}

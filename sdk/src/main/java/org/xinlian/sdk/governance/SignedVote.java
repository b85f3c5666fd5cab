package org.xinlian.sdk.governance;

import java.util.Objects;

/**
 * A vote signed offline (GOV-6): the choice and the suite's compact signature over {@link
 * VoteDigest#digest} — 65 bytes (r, s, v) on standard chains, 128 bytes (r, s and the public key)
 * on gm chains — which anyone submits with {@link GovernanceClient#submitVotes}.
 */
public record SignedVote(Choice choice, byte[] signature) {
  public SignedVote {
    Objects.requireNonNull(choice, "choice");
    signature = signature.clone();
  }

  @Override
  public byte[] signature() {
    return signature.clone();
  }
}

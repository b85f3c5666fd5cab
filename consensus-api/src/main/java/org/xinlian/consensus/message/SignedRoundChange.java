package org.xinlian.consensus.message;

import java.util.Objects;
import java.util.Optional;
import org.xinlian.consensus.ConsensusSignatures;
import org.xinlian.consensus.PreparedRound;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.Signature;

/**
 * The signed part of a round change: "I am moving to {@code round} of {@code height}, and the
 * latest block I saw prepared is {@code prepared}". A proposal for a round above 0 carries a
 * quorum of these as its justification (CONSENSUS-11).
 */
public record SignedRoundChange(
    long height, int round, Optional<PreparedRound> prepared, Signature signature) {
  public SignedRoundChange {
    Objects.requireNonNull(prepared, "roundChange.prepared");
    Objects.requireNonNull(signature, "roundChange.signature");
  }

  /** The digest the signature covers. */
  public byte[] digest(CryptoSuite suite) {
    return ConsensusSignatures.roundChangeDigest(suite, height, round, prepared);
  }
}

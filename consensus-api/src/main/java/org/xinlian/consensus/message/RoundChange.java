package org.xinlian.consensus.message;

import java.util.Objects;
import java.util.Optional;

/**
 * A round change with, when its sender prepared a block, the block and the prepares that prove
 * it; the certificate is present exactly when {@code signed.prepared()} is.
 */
public record RoundChange(SignedRoundChange signed, Optional<PreparedCertificate> certificate)
    implements ConsensusMessage {
  public RoundChange {
    Objects.requireNonNull(signed, "roundChange.signed");
    Objects.requireNonNull(certificate, "roundChange.certificate");
    if (signed.prepared().isPresent() != certificate.isPresent()) {
      throw new IllegalArgumentException(
          "roundChange.certificate: present exactly when a prepared round is reported");
    }
  }

  @Override
  public long height() {
    return signed.height();
  }

  public int round() {
    return signed.round();
  }
}

package org.xinlian.consensus;

import java.util.Objects;
import java.util.Optional;

/**
 * The answer of {@link CommitCertificate#verify}: valid, or the first problem found with a
 * sentence naming the signature (by its position) or the values involved, so a light client or an
 * operator can tell a forged certificate from a wrong validator set.
 */
public record CertificateVerdict(Optional<CertificateProblem> problem, String detail) {
  private static final CertificateVerdict VALID = new CertificateVerdict(Optional.empty(), "valid");

  public CertificateVerdict {
    Objects.requireNonNull(problem, "problem");
    Objects.requireNonNull(detail, "detail");
  }

  public static CertificateVerdict valid() {
    return VALID;
  }

  public static CertificateVerdict invalid(CertificateProblem problem, String detail) {
    return new CertificateVerdict(Optional.of(problem), detail);
  }

  public boolean isValid() {
    return problem.isEmpty();
  }
}

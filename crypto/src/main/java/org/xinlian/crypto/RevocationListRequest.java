package org.xinlian.crypto;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What an organisation's CA puts in its certificate revocation list (X.509 v2 CRL, RFC 5280 §5):
 * the serial numbers of the certificates it revokes. Times are explicit: issuing a list is an
 * operator action, never part of execution.
 *
 * @param issuerCertificate the CA whose certificates are revoked, and which signs the list
 * @param revokedSerials the serial numbers revoked, at most {@link #REVOKED_MAX}
 * @param revocationTime when they were revoked (also the list's thisUpdate)
 * @param nextUpdate when a newer list is due
 * @param number the CRL number, increasing with every list the CA issues
 */
public record RevocationListRequest(X509Certificate issuerCertificate, List<BigInteger> revokedSerials,
    Instant revocationTime, Instant nextUpdate, BigInteger number) {
  /** A CA of a consortium revokes a handful of node certificates; this bounds a list to ~1 MB. */
  public static final int REVOKED_MAX = 20_000;

  public RevocationListRequest {
    Objects.requireNonNull(issuerCertificate, "revocationListRequest.issuerCertificate");
    Objects.requireNonNull(revocationTime, "revocationListRequest.revocationTime");
    Objects.requireNonNull(nextUpdate, "revocationListRequest.nextUpdate");
    revokedSerials = List.copyOf(revokedSerials);
    if (revokedSerials.size() > REVOKED_MAX) {
      throw new IllegalArgumentException("revocationListRequest.revokedSerials: at most "
          + REVOKED_MAX + ", got " + revokedSerials.size());
    }
    for (BigInteger serial : revokedSerials) {
      if (serial.signum() <= 0) {
        throw new IllegalArgumentException("revocationListRequest.revokedSerials: must be positive");
      }
    }
    if (number == null || number.signum() <= 0) {
      throw new IllegalArgumentException("revocationListRequest.number: must be positive");
    }
    if (!nextUpdate.isAfter(revocationTime)) {
      throw new IllegalArgumentException("revocationListRequest.nextUpdate: must be after revocationTime");
    }
  }
}

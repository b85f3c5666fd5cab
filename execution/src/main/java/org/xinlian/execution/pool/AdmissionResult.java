package org.xinlian.execution.pool;

import java.util.Objects;
import java.util.Optional;
import org.xinlian.common.Hash;

/**
 * The pool's verdict on one transaction, in the form eth_sendRawTransaction needs: the hash to
 * return on success, or a refusal whose {@link #message} starts with go-ethereum's wording.
 *
 * @param status where the transaction went, or {@link Status#REFUSED}
 * @param hash the transaction hash; empty only when the bytes could not be decoded
 * @param refusal why it was refused; empty when admitted
 * @param message the refusal text followed by specifics (for example {@code "nonce too low:
 *     next nonce 5, tx nonce 3"}); {@code "ok"} when admitted
 * @param replaced the hash of the pooled transaction this one replaced, if any
 */
public record AdmissionResult(
    Status status,
    Optional<Hash> hash,
    Optional<Refusal> refusal,
    String message,
    Optional<Hash> replaced) {
  /** Where an admitted transaction went. */
  public enum Status {
    /** Executable now: its nonce continues the sender's run from the account nonce. */
    PENDING,
    /** Held back behind a nonce gap. */
    QUEUED,
    /** Not admitted. */
    REFUSED
  }

  public AdmissionResult {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(refusal, "refusal");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(replaced, "replaced");
    if ((status == Status.REFUSED) != refusal.isPresent()) {
      throw new IllegalArgumentException("refusal: present exactly when the status is REFUSED");
    }
  }

  static AdmissionResult admitted(Status status, Hash hash, Optional<Hash> replaced) {
    return new AdmissionResult(status, Optional.of(hash), Optional.empty(), "ok", replaced);
  }

  static AdmissionResult refused(Refusal refusal, Optional<Hash> hash, String detail) {
    String message = detail.isEmpty() ? refusal.message() : refusal.message() + ": " + detail;
    return new AdmissionResult(
        Status.REFUSED, hash, Optional.of(refusal), message, Optional.empty());
  }

  public boolean accepted() {
    return status != Status.REFUSED;
  }
}

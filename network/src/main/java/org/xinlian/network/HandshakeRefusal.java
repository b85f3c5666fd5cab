package org.xinlian.network;

import java.security.cert.CertificateException;

/**
 * A refusal with its reason. It extends {@link CertificateException} so the TLS trust manager can
 * throw it through the JDK's TLS stack and the transport can find the reason again in the cause
 * chain of the failed handshake.
 */
final class HandshakeRefusal extends CertificateException {
  private static final long serialVersionUID = 1L;

  private final RefusalReason reason;

  HandshakeRefusal(RefusalReason reason, String detail) {
    super(reason + ": " + detail);
    this.reason = reason;
  }

  RefusalReason reason() {
    return reason;
  }

  /** The refusal in a failed handshake's cause chain, or null. */
  static HandshakeRefusal find(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof HandshakeRefusal refusal) {
        return refusal;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return null;
  }
}

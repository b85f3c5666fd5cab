package org.xinlian.rpc.auth;

/**
 * A credential refused, with the reason a client is told (HTTP 401 and JSON-RPC error {@link
 * #CODE}): no credential, malformed, bad signature, expired, not yet valid, too long-lived,
 * oversized, an algorithm not accepted, a certificate from no configured authority.
 */
public final class RpcAuthException extends Exception {
  /** Besu's JSON-RPC error code for an unauthorised call, so its clients read ours alike. */
  public static final int CODE = -40100;

  public RpcAuthException(String message) {
    super(message, null, false, false);
  }
}

package org.xinlian.rpc.auth;

import java.util.List;
import java.util.Optional;
import org.xinlian.common.Address;

/**
 * Who a JSON-RPC connection or request acts for, once authenticated (OPS-4): the name to log, how
 * it proved itself, its governance subject, what it may call and until when.
 *
 * @param name the token's {@code sub}, a client certificate's subject, or {@code anonymous}
 * @param scheme {@code HS256}, {@code ES256}, {@code SM2SM3}, {@code client-certificate} or
 *     {@code none}
 * @param subject the governance account the token names, when its {@code sub} is an address
 * @param granted what the token or the certificate's authority grants
 * @param roleGrants when governance roles limit the grant (OPS-9): what the subject's roles allow,
 *     one entry per role held (a method is allowed when any role allows it); empty when roles do not
 *     limit
 * @param expiresAtMillis when the credential stops being valid, in the node clock's milliseconds;
 *     {@link Long#MAX_VALUE} for none
 */
public record RpcPrincipal(
    String name,
    String scheme,
    Optional<Address> subject,
    RpcPermissions granted,
    Optional<List<RpcPermissions>> roleGrants,
    long expiresAtMillis) {
  public static final String ANONYMOUS = "anonymous";

  public RpcPrincipal {
    roleGrants = roleGrants.map(List::copyOf);
  }

  /** The caller of a listener without authentication: today's behaviour, every served method. */
  public static RpcPrincipal anonymous() {
    return new RpcPrincipal(ANONYMOUS, "none", Optional.empty(), RpcPermissions.ALL, Optional.empty(), Long.MAX_VALUE);
  }

  /** Whether this caller may call {@code method}: the grant allows it and, if roles limit, a role does. */
  public boolean allows(String method) {
    if (!granted.allows(method)) {
      return false;
    }
    return roleGrants.map(grants -> grants.stream().anyMatch(grant -> grant.allows(method))).orElse(true);
  }

  /** Why {@code method} is refused, for the error message; call only when {@link #allows} is false. */
  public String refusal(String method) {
    if (!granted.allows(method)) {
      return "permission denied: the " + scheme + " credential of " + name + " lacks permission for method "
          + method + " (it grants " + granted + ")";
    }
    return "permission denied: the governance role of " + name + " does not allow method " + method;
  }

  public boolean expired(long nowMillis) {
    return nowMillis >= expiresAtMillis;
  }
}

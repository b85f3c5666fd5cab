package org.xinlian.rpc.auth;

import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * A client certificate authority accepted on the JSON-RPC listener (OPS-7), as FISCO BCOS's SDK
 * authenticates with a certificate from its organisation's CA: a client whose TLS certificate this
 * authority issued gets {@code permissions}.
 *
 * @param authority the organisation's CA certificate
 * @param permissions what its clients may call
 */
public record ClientCertificateGrant(X509Certificate authority, RpcPermissions permissions) {
  public ClientCertificateGrant {
    Objects.requireNonNull(authority, "authority");
    Objects.requireNonNull(permissions, "permissions");
  }
}

package org.xinlian.rpc;

import java.util.List;
import java.util.Set;
import org.xinlian.common.Invariants;

/**
 * Where and how the JSON-RPC server listens. The defaults serve only 127.0.0.1 and only PUBLIC
 * methods, so a node is never exposed by accident.
 *
 * @param host interface to bind, default 127.0.0.1
 * @param port TCP port, default 8545; 0 picks a free port (tests)
 * @param corsAllowedOrigins browser origins allowed to call; "*" allows any; empty allows none
 * @param enabledPermissions permissions served besides PUBLIC (ADMIN, DEBUG)
 * @param limits input and queue bounds
 */
public record RpcServerConfig(
    String host,
    int port,
    List<String> corsAllowedOrigins,
    Set<RpcPermission> enabledPermissions,
    RpcLimits limits) {
  public static final String HOST_DEFAULT = "127.0.0.1";
  public static final int PORT_DEFAULT = 8545;

  public RpcServerConfig {
    Invariants.check(host != null && !host.isBlank(), "host is required");
    Invariants.check(port >= 0 && port <= 65535, "port %s out of range", port);
    corsAllowedOrigins = List.copyOf(corsAllowedOrigins);
    enabledPermissions = Set.copyOf(enabledPermissions);
    Invariants.check(limits != null, "limits are required");
  }

  public static RpcServerConfig defaults() {
    return new RpcServerConfig(HOST_DEFAULT, PORT_DEFAULT, List.of(), Set.of(), RpcLimits.defaults());
  }

  public RpcServerConfig withPort(int value) {
    return new RpcServerConfig(host, value, corsAllowedOrigins, enabledPermissions, limits);
  }

  public RpcServerConfig withCorsAllowedOrigins(List<String> value) {
    return new RpcServerConfig(host, port, value, enabledPermissions, limits);
  }

  public RpcServerConfig withEnabledPermissions(Set<RpcPermission> value) {
    return new RpcServerConfig(host, port, corsAllowedOrigins, value, limits);
  }

  public RpcServerConfig withLimits(RpcLimits value) {
    return new RpcServerConfig(host, port, corsAllowedOrigins, enabledPermissions, value);
  }

  /** Whether a browser page from {@code origin} may call the server. */
  public boolean allowsOrigin(String origin) {
    return corsAllowedOrigins.contains("*") || corsAllowedOrigins.contains(origin);
  }
}

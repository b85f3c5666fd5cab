package org.xinlian.node;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.xinlian.common.DecodingException;
import org.xinlian.execution.governance.Role;
import org.xinlian.node.consensus.P2pConfig;
import org.xinlian.rpc.auth.RpcAuthConfig;
import org.xinlian.rpc.auth.RpcPermissions;

/**
 * Reads {@code rpc.tls} and {@code rpc.auth} (OPS-10): unknown and out-of-range fields refused
 * naming them, and a listener on a non-loopback host refused unless it authenticates or the
 * configuration opts out explicitly with {@code "auth": {"required": false}}.
 */
final class RpcSecurityJson {
  static final Set<String> SECTION_FIELDS = Set.of("tls", "auth");
  private static final Set<String> TLS_FIELDS = Set.of("keyFile", "certificateFile");
  private static final Set<String> AUTH_FIELDS = Set.of("required", "hs256SecretFile", "es256PublicKeyFiles",
      "sm2PublicKeyFiles", "tokenBytesMax", "tokenLifetimeSecondsMax", "clockSkewSecondsMax",
      "clientCertificates", "roles");
  private static final Set<String> CLIENT_CA_FIELDS = Set.of("caFile", "permissions");

  private RpcSecurityJson() {}

  /**
   * The security of the listener on {@code host}; {@code p2p} supplies the default TLS key and
   * certificate (the node's transport identity from its organisation).
   */
  static RpcSecurityConfig parse(JsonNode rpc, String host, Optional<P2pConfig> p2p, Path base) {
    Optional<RpcSecurityConfig.Tls> tls = rpc != null && rpc.has("tls")
        ? Optional.of(tls(rpc.get("tls"), p2p, base)) : Optional.empty();
    Optional<RpcSecurityConfig.Auth> auth = rpc != null && rpc.has("auth")
        ? Optional.of(auth(rpc.get("auth"), base)) : Optional.empty();
    boolean loopback = isLoopback(host);
    boolean required = auth.map(RpcSecurityConfig.Auth::required).orElse(false);
    if (!loopback && auth.isEmpty()) {
      throw new DecodingException("rpc.auth", "required when rpc.host (" + host + ") is not a loopback address: "
          + "configure tokens or client certificates, or opt out explicitly with \"auth\": {\"required\": false}");
    }
    if (!loopback && required && tls.isEmpty()) {
      throw new DecodingException("rpc.tls", "required when rpc.host (" + host + ") is not a loopback address "
          + "and rpc.auth is required: a bearer token sent in clear text can be replayed by anyone on the path");
    }
    if (!required && auth.isPresent() && auth.get().roles().isPresent()) {
      throw new DecodingException("rpc.auth.roles", "needs rpc.auth.required: roles limit authenticated callers");
    }
    return new RpcSecurityConfig(tls, auth);
  }

  /** A literal loopback address or {@code localhost}; any other name counts as reachable from outside. */
  static boolean isLoopback(String host) {
    if ("localhost".equalsIgnoreCase(host)) {
      return true;
    }
    if (!host.matches("[0-9.]+|[0-9a-fA-F:]+")) {
      return false;
    }
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static RpcSecurityConfig.Tls tls(JsonNode value, Optional<P2pConfig> p2p, Path base) {
    JsonNode node = NodeConfigJson.object(value, "rpc.tls");
    NodeConfigJson.refuseUnknown(node, TLS_FIELDS, "rpc.tls.");
    Path key = node.has("keyFile") ? NodeConfigJson.path(node.get("keyFile"), "rpc.tls.keyFile", base)
        : p2p.map(P2pConfig::transportKeyFile).orElseThrow(() -> new DecodingException("rpc.tls.keyFile",
            "required without a p2p section (whose transportKeyFile is the default)"));
    Path certificate = node.has("certificateFile")
        ? NodeConfigJson.path(node.get("certificateFile"), "rpc.tls.certificateFile", base)
        : p2p.map(P2pConfig::transportCertificateFile).orElseThrow(() -> new DecodingException(
            "rpc.tls.certificateFile", "required without a p2p section (whose transportCertificateFile is the default)"));
    return new RpcSecurityConfig.Tls(key, certificate);
  }

  private static RpcSecurityConfig.Auth auth(JsonNode value, Path base) {
    JsonNode node = NodeConfigJson.object(value, "rpc.auth");
    NodeConfigJson.refuseUnknown(node, AUTH_FIELDS, "rpc.auth.");
    boolean required = true;
    if (node.has("required")) {
      if (!node.get("required").isBoolean()) {
        throw new DecodingException("rpc.auth.required", "must be true or false");
      }
      required = node.get("required").asBoolean();
    }
    Optional<Path> secret = node.has("hs256SecretFile")
        ? Optional.of(NodeConfigJson.path(node.get("hs256SecretFile"), "rpc.auth.hs256SecretFile", base))
        : Optional.empty();
    List<Path> es256 = paths(node, "es256PublicKeyFiles", base);
    List<Path> sm2 = paths(node, "sm2PublicKeyFiles", base);
    int tokenBytes = (int) NodeConfigJson.optionalLong(node, "tokenBytesMax", "rpc.auth.",
        RpcAuthConfig.TOKEN_BYTES_DEFAULT, RpcAuthConfig.TOKEN_BYTES_MIN, RpcAuthConfig.TOKEN_BYTES_MAX);
    long lifetime = NodeConfigJson.optionalLong(node, "tokenLifetimeSecondsMax", "rpc.auth.",
        RpcAuthConfig.TOKEN_LIFETIME_SECONDS_DEFAULT, 1, RpcAuthConfig.TOKEN_LIFETIME_SECONDS_MAX);
    long skew = NodeConfigJson.optionalLong(node, "clockSkewSecondsMax", "rpc.auth.",
        RpcAuthConfig.CLOCK_SKEW_SECONDS_DEFAULT, 0, RpcAuthConfig.CLOCK_SKEW_SECONDS_MAX);
    List<RpcSecurityConfig.ClientCa> clientCas = new ArrayList<>();
    if (node.has("clientCertificates")) {
      for (JsonNode entry : NodeConfigJson.array(node.get("clientCertificates"), "rpc.auth.clientCertificates")) {
        String prefix = "rpc.auth.clientCertificates." + clientCas.size() + ".";
        JsonNode ca = NodeConfigJson.object(entry, prefix.substring(0, prefix.length() - 1));
        NodeConfigJson.refuseUnknown(ca, CLIENT_CA_FIELDS, prefix);
        if (!ca.has("caFile") || !ca.has("permissions")) {
          throw new DecodingException(prefix + (ca.has("caFile") ? "permissions" : "caFile"), "required");
        }
        clientCas.add(new RpcSecurityConfig.ClientCa(NodeConfigJson.path(ca.get("caFile"), prefix + "caFile", base),
            permissions(ca.get("permissions"), prefix + "permissions")));
      }
    }
    Optional<Map<Role, RpcPermissions>> roles = node.has("roles") ? Optional.of(roles(node.get("roles")))
        : Optional.empty();
    RpcSecurityConfig.Auth auth = new RpcSecurityConfig.Auth(required, secret, es256, sm2, tokenBytes, lifetime, skew,
        clientCas, roles);
    if (required && !auth.hasVerifiers()) {
      throw new DecodingException("rpc.auth", "required, but none of hs256SecretFile, es256PublicKeyFiles, "
          + "sm2PublicKeyFiles or clientCertificates is set, so no caller could authenticate");
    }
    return auth;
  }

  /** {@code true} for the documented defaults, or an object of role name to permission list. */
  private static Map<Role, RpcPermissions> roles(JsonNode value) {
    if (value.isBoolean() && value.asBoolean()) {
      return RpcAuthConfig.RoleGrants.defaults();
    }
    if (!value.isObject()) {
      throw new DecodingException("rpc.auth.roles", "must be true (the default grants) or an object of role to permissions");
    }
    Map<Role, RpcPermissions> grants = new EnumMap<>(Role.class);
    for (Iterator<Map.Entry<String, JsonNode>> fields = value.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = fields.next();
      String field = "rpc.auth.roles." + entry.getKey();
      Role role = Role.ofJsonName(entry.getKey()).orElseThrow(() -> new DecodingException(field,
          "unknown role (known: user, operator, auditor, orgAdmin)"));
      grants.put(role, permissions(entry.getValue(), field));
    }
    return grants;
  }

  private static RpcPermissions permissions(JsonNode value, String field) {
    List<String> patterns = new ArrayList<>();
    for (JsonNode pattern : NodeConfigJson.array(value, field)) {
      patterns.add(NodeConfigJson.text(pattern, field + "." + patterns.size()));
    }
    try {
      return new RpcPermissions(patterns);
    } catch (DecodingException e) {
      String problem = e.getMessage().substring(e.field().length() + 2);
      throw new DecodingException(field + e.field().substring("permissions".length()), problem);
    }
  }

  private static List<Path> paths(JsonNode node, String name, Path base) {
    List<Path> paths = new ArrayList<>();
    if (node.has(name)) {
      for (JsonNode entry : NodeConfigJson.array(node.get(name), "rpc.auth." + name)) {
        paths.add(NodeConfigJson.path(entry, "rpc.auth." + name + "." + paths.size(), base));
      }
    }
    return paths;
  }
}

package org.xinlian.rpc.auth;

import java.security.interfaces.ECPublicKey;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.xinlian.common.Invariants;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.PublicKey;
import org.xinlian.execution.governance.Role;

/**
 * How the JSON-RPC listener authenticates its clients (docs/adr/0014-authenticated-rpc.md).
 *
 * @param required whether a call without a credential is refused; when false a call without one is
 *     served as today (every enabled method), and a call with an invalid one is still refused
 * @param hs256Secret the shared secret of HS256 tokens, at least {@link #HS256_SECRET_BYTES_MIN}
 *     bytes; empty refuses HS256
 * @param es256Keys the P-256 public keys ES256 tokens may be signed with
 * @param sm2Keys the SM2 public keys {@code SM2SM3} tokens may be signed with (gm chains)
 * @param suite the chain's suite, which verifies {@code SM2SM3} tokens
 * @param tokenBytesMax the longest token accepted, in bytes
 * @param tokenLifetimeSecondsMax the longest {@code exp - iat} a token may have
 * @param clockSkewSecondsMax how far the issuer's clock may be from the node's
 * @param clientCertificates the organisation CAs whose client certificates authenticate
 * @param roles when present, a token's {@code sub} must be an account, and what it may call is
 *     limited to what its governance roles allow (OPS-9)
 */
public record RpcAuthConfig(
    boolean required,
    Optional<byte[]> hs256Secret,
    List<ECPublicKey> es256Keys,
    List<PublicKey> sm2Keys,
    CryptoSuite suite,
    int tokenBytesMax,
    long tokenLifetimeSecondsMax,
    long clockSkewSecondsMax,
    List<ClientCertificateGrant> clientCertificates,
    Optional<RoleGrants> roles) {
  /** RFC 7518 §3.2: an HS256 key at least as long as the hash. */
  public static final int HS256_SECRET_BYTES_MIN = 32;
  public static final int HS256_SECRET_BYTES_MAX = 1024;
  public static final int TOKEN_BYTES_DEFAULT = 4096;
  public static final int TOKEN_BYTES_MIN = 128;
  /** Below the HTTP header block limit, so the size is refused with a reason, not a bare 431. */
  public static final int TOKEN_BYTES_MAX = 6144;
  public static final long TOKEN_LIFETIME_SECONDS_DEFAULT = 86_400;
  public static final long TOKEN_LIFETIME_SECONDS_MAX = 366L * 86_400;
  public static final long CLOCK_SKEW_SECONDS_DEFAULT = 30;
  public static final long CLOCK_SKEW_SECONDS_MAX = 300;
  /** Keys and authorities: a few per organisation. */
  public static final int KEYS_MAX = 256;

  public RpcAuthConfig {
    Objects.requireNonNull(suite, "suite");
    hs256Secret = hs256Secret.map(byte[]::clone);
    hs256Secret.ifPresent(secret -> Invariants.check(secret.length >= HS256_SECRET_BYTES_MIN
        && secret.length <= HS256_SECRET_BYTES_MAX, "rpc.auth hs256 secret: %s to %s bytes, got %s",
        HS256_SECRET_BYTES_MIN, HS256_SECRET_BYTES_MAX, secret.length));
    es256Keys = List.copyOf(es256Keys);
    sm2Keys = List.copyOf(sm2Keys);
    clientCertificates = List.copyOf(clientCertificates);
    Invariants.check(es256Keys.size() <= KEYS_MAX && sm2Keys.size() <= KEYS_MAX
        && clientCertificates.size() <= KEYS_MAX, "rpc.auth: at most %s keys or authorities of each kind", KEYS_MAX);
    Invariants.check(tokenBytesMax >= TOKEN_BYTES_MIN && tokenBytesMax <= TOKEN_BYTES_MAX,
        "rpc.auth.tokenBytesMax: %s to %s, got %s", TOKEN_BYTES_MIN, TOKEN_BYTES_MAX, tokenBytesMax);
    Invariants.check(tokenLifetimeSecondsMax >= 1 && tokenLifetimeSecondsMax <= TOKEN_LIFETIME_SECONDS_MAX,
        "rpc.auth.tokenLifetimeSecondsMax: 1 to %s, got %s", TOKEN_LIFETIME_SECONDS_MAX, tokenLifetimeSecondsMax);
    Invariants.check(clockSkewSecondsMax >= 0 && clockSkewSecondsMax <= CLOCK_SKEW_SECONDS_MAX,
        "rpc.auth.clockSkewSecondsMax: 0 to %s, got %s", CLOCK_SKEW_SECONDS_MAX, clockSkewSecondsMax);
    Objects.requireNonNull(roles, "roles");
  }

  /** No authentication: the loopback and dev-chain default. */
  public static RpcAuthConfig none(CryptoSuite suite) {
    return new RpcAuthConfig(false, Optional.empty(), List.of(), List.of(), suite, TOKEN_BYTES_DEFAULT,
        TOKEN_LIFETIME_SECONDS_DEFAULT, CLOCK_SKEW_SECONDS_DEFAULT, List.of(), Optional.empty());
  }

  /** Whether any credential can be checked at all. */
  public boolean hasVerifiers() {
    return hs256Secret.isPresent() || !es256Keys.isEmpty() || !sm2Keys.isEmpty() || !clientCertificates.isEmpty();
  }

  /**
   * What each governance role may call, and where the node reads an account's roles (OPS-9).
   *
   * @param grants per role; a role absent from the map allows nothing
   * @param source the node's view of accounts' roles at its head
   */
  public record RoleGrants(Map<Role, RpcPermissions> grants, SubjectRoles source) {
    public RoleGrants {
      grants = Map.copyOf(grants);
      Objects.requireNonNull(source, "source");
    }

    /**
     * The documented defaults: an auditor reads and never submits; an operator, a user and an
     * organisation administrator may call everything the listener serves.
     */
    public static Map<Role, RpcPermissions> defaults() {
      Map<Role, RpcPermissions> grants = new EnumMap<>(Role.class);
      grants.put(Role.AUDITOR, new RpcPermissions(List.of("*:*", "!eth_sendRawTransaction", "!eth_sendTransaction")));
      grants.put(Role.OPERATOR, RpcPermissions.ALL);
      grants.put(Role.USER, RpcPermissions.ALL);
      grants.put(Role.ORG_ADMIN, RpcPermissions.ALL);
      return grants;
    }
  }
}

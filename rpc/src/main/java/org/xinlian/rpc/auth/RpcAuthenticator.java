package org.xinlian.rpc.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.xinlian.common.Address;
import org.xinlian.common.Clock;
import org.xinlian.common.DecodingException;
import org.xinlian.execution.governance.Role;

/**
 * Checks a JSON-RPC client's credential (OPS-2 to OPS-9): a bearer token (HS256, ES256 or SM2SM3
 * JWS, checked against the configured keys, its size, its {@code exp}, {@code nbf}, {@code iat}
 * and lifetime on the node's clock, and its {@code permissions}), else a TLS client certificate
 * of a configured organisation CA, else nothing, which only a listener without {@code required}
 * accepts. Thread-safe and stateless: nothing a client sends is kept.
 */
public final class RpcAuthenticator {
  private static final String BEARER = "Bearer ";
  private final RpcAuthConfig config;
  private final Clock clock;
  private final List<JWSVerifier> hs256 = new ArrayList<>();
  private final List<JWSVerifier> es256 = new ArrayList<>();
  private final List<JWSVerifier> sm2 = new ArrayList<>();

  public RpcAuthenticator(RpcAuthConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
    try {
      if (config.hs256Secret().isPresent()) {
        hs256.add(new MACVerifier(config.hs256Secret().get()));
      }
      for (var key : config.es256Keys()) {
        es256.add(new ECDSAVerifier(key));
      }
    } catch (JOSEException e) {
      throw new IllegalArgumentException("rpc.auth: a verification key is unusable: " + e.getMessage(), e);
    }
    for (var key : config.sm2Keys()) {
      sm2.add(new Sm2Jws.Verifier(config.suite(), key));
    }
  }

  public RpcAuthConfig config() {
    return config;
  }

  /**
   * The principal of a request.
   *
   * @param authorization the request's {@code Authorization} header, or null
   * @param peerCertificates the client's TLS certificate chain, leaf first; empty without one
   */
  public RpcPrincipal authenticate(String authorization, List<X509Certificate> peerCertificates)
      throws RpcAuthException {
    if (authorization != null) {
      if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
        throw new RpcAuthException("unauthorized: the Authorization header must be \"Bearer <token>\"");
      }
      return token(authorization.substring(BEARER.length()).trim());
    }
    if (!peerCertificates.isEmpty() && !config.clientCertificates().isEmpty()) {
      return certificate(peerCertificates.get(0));
    }
    if (config.required()) {
      throw new RpcAuthException("unauthorized: this listener requires a bearer token"
          + (config.clientCertificates().isEmpty() ? "" : " or a client certificate of a configured organisation CA"));
    }
    return RpcPrincipal.anonymous();
  }

  RpcPrincipal token(String token) throws RpcAuthException {
    int bytes = token.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > config.tokenBytesMax()) {
      throw new RpcAuthException("unauthorized: token of " + bytes + " bytes exceeds the limit of "
          + config.tokenBytesMax() + " (tokenBytesMax)");
    }
    JWT jwt;
    try {
      jwt = JWTParser.parse(token);
    } catch (ParseException e) {
      throw new RpcAuthException("unauthorized: malformed token: " + e.getMessage());
    }
    if (jwt instanceof PlainJWT) {
      throw new RpcAuthException("unauthorized: token algorithm \"none\" is refused: tokens must be signed");
    }
    if (!(jwt instanceof SignedJWT signed)) {
      throw new RpcAuthException("unauthorized: encrypted tokens are not accepted, only signed (JWS) ones");
    }
    JWSHeader header = signed.getHeader();
    JWSAlgorithm algorithm = header.getAlgorithm();
    List<JWSVerifier> verifiers;
    if (JWSAlgorithm.HS256.equals(algorithm)) {
      verifiers = hs256;
    } else if (JWSAlgorithm.ES256.equals(algorithm)) {
      verifiers = es256;
    } else if (Sm2Jws.ALGORITHM.equals(algorithm)) {
      verifiers = sm2;
    } else {
      throw new RpcAuthException("unauthorized: token algorithm \"" + algorithm + "\" is refused (accepted: HS256, ES256, SM2SM3)");
    }
    if (verifiers.isEmpty()) {
      throw new RpcAuthException("unauthorized: token algorithm " + algorithm + " is not configured on this node");
    }
    if (header.getCriticalParams() != null && !header.getCriticalParams().isEmpty()) {
      throw new RpcAuthException("unauthorized: token header has critical parameters " + header.getCriticalParams());
    }
    if (!verified(signed, verifiers)) {
      throw new RpcAuthException("unauthorized: bad token signature (" + algorithm + ")");
    }
    JWTClaimsSet claims;
    try {
      claims = signed.getJWTClaimsSet();
    } catch (ParseException e) {
      throw new RpcAuthException("unauthorized: malformed token claims: " + e.getMessage());
    }
    long now = clock.currentTimeMillis();
    long expiresAt = checkTimes(claims, now);
    RpcPermissions permissions = permissions(claims);
    String subject = claims.getSubject();
    Optional<Address> account = subject != null && subject.matches("0x[0-9a-fA-F]{40}")
        ? Optional.of(Address.fromHex(subject)) : Optional.empty();
    Optional<List<RpcPermissions>> roleGrants = Optional.empty();
    if (config.roles().isPresent()) {
      if (account.isEmpty()) {
        throw new RpcAuthException("unauthorized: this node limits tokens by governance role, so a token's sub "
            + "must be an account address");
      }
      roleGrants = Optional.of(roleGrants(config.roles().get(), account.get()));
    }
    return new RpcPrincipal(subject == null ? "token" : subject, algorithm.getName(), account, permissions,
        roleGrants, expiresAt);
  }

  private static boolean verified(SignedJWT signed, List<JWSVerifier> verifiers) {
    for (JWSVerifier verifier : verifiers) {
      try {
        if (signed.verify(verifier)) {
          return true;
        }
      } catch (JOSEException | IllegalStateException e) {
        // Unusable with this key (a signature of the wrong length): try the next, else refuse.
      }
    }
    return false;
  }

  /** Checks exp, nbf, iat and the lifetime against the node's clock; returns exp in milliseconds. */
  private long checkTimes(JWTClaimsSet claims, long now) throws RpcAuthException {
    long skew = config.clockSkewSecondsMax() * 1000;
    Date exp = claims.getExpirationTime();
    if (exp == null) {
      throw new RpcAuthException("unauthorized: token has no exp (expiry) claim");
    }
    if (now >= exp.getTime() + skew) {
      throw new RpcAuthException("unauthorized: token expired at " + Instant.ofEpochMilli(exp.getTime()));
    }
    Date nbf = claims.getNotBeforeTime();
    if (nbf != null && now + skew < nbf.getTime()) {
      throw new RpcAuthException("unauthorized: token not yet valid: its nbf is " + Instant.ofEpochMilli(nbf.getTime()));
    }
    Date iat = claims.getIssueTime();
    if (iat != null && now + skew < iat.getTime()) {
      throw new RpcAuthException("unauthorized: token not yet valid: issued in the future at "
          + Instant.ofEpochMilli(iat.getTime()));
    }
    long from = iat != null ? iat.getTime() : nbf != null ? nbf.getTime() : now;
    long lifetimeSeconds = (exp.getTime() - from) / 1000;
    if (lifetimeSeconds > config.tokenLifetimeSecondsMax()) {
      throw new RpcAuthException("unauthorized: token lifetime of " + lifetimeSeconds + " s exceeds the limit of "
          + config.tokenLifetimeSecondsMax() + " s (tokenLifetimeSecondsMax)");
    }
    return exp.getTime() + skew;
  }

  private static RpcPermissions permissions(JWTClaimsSet claims) throws RpcAuthException {
    Object value = claims.getClaim(RpcTokens.PERMISSIONS_CLAIM);
    if (value == null) {
      throw new RpcAuthException("unauthorized: token has no permissions claim");
    }
    if (!(value instanceof List<?> list)) {
      throw new RpcAuthException("unauthorized: token permissions must be a list of strings");
    }
    List<String> patterns = new ArrayList<>();
    for (Object entry : list) {
      if (!(entry instanceof String text)) {
        throw new RpcAuthException("unauthorized: token permissions must be a list of strings");
      }
      patterns.add(text);
      if (patterns.size() > RpcPermissions.PATTERNS_MAX) {
        break;
      }
    }
    try {
      return new RpcPermissions(patterns);
    } catch (DecodingException e) {
      throw new RpcAuthException("unauthorized: token " + e.getMessage());
    }
  }

  private static List<RpcPermissions> roleGrants(RpcAuthConfig.RoleGrants roles, Address subject)
      throws RpcAuthException {
    Set<Role> held = roles.source().rolesOf(subject);
    List<RpcPermissions> grants = new ArrayList<>();
    for (Role role : held) {
      RpcPermissions grant = roles.grants().get(role);
      if (grant != null) {
        grants.add(grant);
      }
    }
    if (grants.isEmpty()) {
      throw new RpcAuthException("unauthorized: account " + subject + " holds no governance role that may use JSON-RPC");
    }
    return grants;
  }

  private RpcPrincipal certificate(X509Certificate leaf) throws RpcAuthException {
    for (ClientCertificateGrant grant : config.clientCertificates()) {
      X509Certificate authority = grant.authority();
      if (!authority.getSubjectX500Principal().equals(leaf.getIssuerX500Principal())) {
        continue;
      }
      try {
        leaf.verify(authority.getPublicKey());
        leaf.checkValidity(new Date(clock.currentTimeMillis()));
      } catch (GeneralSecurityException e) {
        throw new RpcAuthException("unauthorized: client certificate " + leaf.getSubjectX500Principal()
            + " is not valid: " + e.getMessage());
      }
      return new RpcPrincipal(leaf.getSubjectX500Principal().getName(), "client-certificate", Optional.empty(),
          grant.permissions(), Optional.empty(), leaf.getNotAfter().getTime());
    }
    throw new RpcAuthException("unauthorized: client certificate " + leaf.getSubjectX500Principal()
        + " is not issued by a configured client certificate authority");
  }
}

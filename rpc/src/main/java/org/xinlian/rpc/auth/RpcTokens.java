package org.xinlian.rpc.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.interfaces.ECPrivateKey;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import java.util.Optional;
import org.xinlian.crypto.CryptoException;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.PrivateKey;

/**
 * Issues JSON-RPC tokens (OPS-2, OPS-3, OPS-12): compact JWS with {@code iat}, {@code exp}, an
 * optional {@code sub} and a {@code permissions} list, signed HS256, ES256 or SM2SM3. Used by
 * {@code xinlian rpc token} and by tests; a deployment may issue the same tokens with any JWT
 * library.
 */
public final class RpcTokens {
  /** The claim that lists what the token may call, as Besu names it. */
  public static final String PERMISSIONS_CLAIM = "permissions";

  private RpcTokens() {}

  /**
   * What a token says.
   *
   * @param permissions what it may call
   * @param subject its {@code sub}: an account address when governance roles limit tokens
   * @param issuedAt its {@code iat}
   * @param expiresAt its {@code exp}
   */
  public record Claims(RpcPermissions permissions, Optional<String> subject, Instant issuedAt, Instant expiresAt) {
    public Claims {
      Objects.requireNonNull(permissions, "permissions");
      Objects.requireNonNull(subject, "subject");
      if (!expiresAt.isAfter(issuedAt)) {
        throw new IllegalArgumentException("token expiresAt: must be after issuedAt");
      }
    }
  }

  public static String hs256(byte[] secret, Claims claims) {
    try {
      return sign(JWSAlgorithm.HS256, new MACSigner(secret), claims);
    } catch (JOSEException e) {
      throw new CryptoException("HS256 token: " + e.getMessage(), e);
    }
  }

  public static String es256(java.security.PrivateKey key, Claims claims) {
    if (!(key instanceof ECPrivateKey ec)) {
      throw new IllegalArgumentException("ES256 token: the key must be a P-256 EC private key");
    }
    try {
      return sign(JWSAlgorithm.ES256, new ECDSASigner(ec), claims);
    } catch (JOSEException e) {
      throw new CryptoException("ES256 token: " + e.getMessage(), e);
    }
  }

  public static String sm2(CryptoSuite suite, PrivateKey key, Claims claims) {
    return sign(Sm2Jws.ALGORITHM, new Sm2Jws.Signer(suite, key), claims);
  }

  private static String sign(JWSAlgorithm algorithm, JWSSigner signer, Claims claims) {
    JWTClaimsSet.Builder body = new JWTClaimsSet.Builder()
        .issueTime(Date.from(claims.issuedAt()))
        .expirationTime(Date.from(claims.expiresAt()))
        .claim(PERMISSIONS_CLAIM, claims.permissions().patterns());
    claims.subject().ifPresent(body::subject);
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).type(JOSEObjectType.JWT).build(), body.build());
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new CryptoException(algorithm + " token: " + e.getMessage(), e);
    }
    return jwt.serialize();
  }
}

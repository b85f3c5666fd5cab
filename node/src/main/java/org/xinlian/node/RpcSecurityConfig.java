package org.xinlian.node;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.xinlian.execution.governance.Role;
import org.xinlian.rpc.auth.RpcAuthConfig;
import org.xinlian.rpc.auth.RpcPermissions;

/**
 * The {@code rpc.tls} and {@code rpc.auth} sections of a node configuration (docs/spec/
 * operations.md OPS-1 to OPS-10, docs/ops/rpc-auth.md): files and bounds, turned into a TLS
 * context and an authenticator when the node starts.
 *
 * @param tls HTTPS and WSS on the JSON-RPC port; empty serves plain HTTP
 * @param auth client authentication; empty serves every caller (only allowed on a loopback host)
 */
public record RpcSecurityConfig(Optional<Tls> tls, Optional<Auth> auth) {
  public RpcSecurityConfig {
    Objects.requireNonNull(tls, "tls");
    Objects.requireNonNull(auth, "auth");
  }

  /** Today's listener: plain HTTP, no authentication (loopback only). */
  public static RpcSecurityConfig none() {
    return new RpcSecurityConfig(Optional.empty(), Optional.empty());
  }

  /**
   * @param keyFile the P-256 private key (PKCS#8 PEM); by default the node's P2P transport key
   * @param certificateFile its certificate from the organisation's transport CA; by default the
   *     node's P2P transport certificate
   */
  public record Tls(Path keyFile, Path certificateFile) {
    public Tls {
      Objects.requireNonNull(keyFile, "rpc.tls.keyFile");
      Objects.requireNonNull(certificateFile, "rpc.tls.certificateFile");
    }
  }

  /**
   * @param required refuse calls without a credential; false only by explicit choice
   * @param hs256SecretFile the HS256 secret, hex ({@code xinlian rpc secret})
   * @param es256PublicKeyFiles P-256 public keys (PEM) ES256 tokens are checked with
   * @param sm2PublicKeyFiles SM2 public keys (PEM) SM2SM3 tokens are checked with (gm chains)
   * @param tokenBytesMax see {@link RpcAuthConfig#tokenBytesMax()}
   * @param tokenLifetimeSecondsMax see {@link RpcAuthConfig#tokenLifetimeSecondsMax()}
   * @param clockSkewSecondsMax see {@link RpcAuthConfig#clockSkewSecondsMax()}
   * @param clientCertificates organisation CAs whose client certificates authenticate
   * @param roles when present, tokens name an account and are limited to its roles' grants
   */
  public record Auth(
      boolean required,
      Optional<Path> hs256SecretFile,
      List<Path> es256PublicKeyFiles,
      List<Path> sm2PublicKeyFiles,
      int tokenBytesMax,
      long tokenLifetimeSecondsMax,
      long clockSkewSecondsMax,
      List<ClientCa> clientCertificates,
      Optional<Map<Role, RpcPermissions>> roles) {
    public Auth {
      Objects.requireNonNull(hs256SecretFile, "hs256SecretFile");
      es256PublicKeyFiles = List.copyOf(es256PublicKeyFiles);
      sm2PublicKeyFiles = List.copyOf(sm2PublicKeyFiles);
      clientCertificates = List.copyOf(clientCertificates);
      roles = roles.map(Map::copyOf);
    }

    boolean hasVerifiers() {
      return hs256SecretFile.isPresent() || !es256PublicKeyFiles.isEmpty() || !sm2PublicKeyFiles.isEmpty()
          || !clientCertificates.isEmpty();
    }
  }

  /**
   * @param caFile the organisation CA certificate (PEM; a bundle gives each of its CAs the grant)
   * @param permissions what its clients may call
   */
  public record ClientCa(Path caFile, RpcPermissions permissions) {}
}

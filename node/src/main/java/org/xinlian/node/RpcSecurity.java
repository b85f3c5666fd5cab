package org.xinlian.node;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import javax.net.ssl.SSLException;
import org.xinlian.common.Clock;
import org.xinlian.common.DecodingException;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.crypto.PublicKey;
import org.xinlian.execution.governance.Role;
import org.xinlian.rpc.auth.ClientCertificateGrant;
import org.xinlian.rpc.auth.RpcAuthConfig;
import org.xinlian.rpc.auth.RpcAuthenticator;
import org.xinlian.rpc.auth.SubjectRoles;

/**
 * Turns {@link RpcSecurityConfig} into what the JSON-RPC server takes (docs/adr/0014): a TLS
 * context with the node's certificate from its organisation, trusting the configured client CAs,
 * and an authenticator with the configured keys. Every file problem names the field and the file.
 */
final class RpcSecurity {
  static final String PROTOCOL = "TLSv1.3";
  /** Key, certificate and secret files are a few kilobytes; larger is a wrong path. */
  static final long KEY_FILE_BYTES_MAX = 64 * 1024;

  private static final java.math.BigInteger P256_ORDER = new java.math.BigInteger(
      "FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);

  final Optional<Supplier<SslContext>> tls;
  final Optional<RpcAuthenticator> authenticator;

  private RpcSecurity(Optional<Supplier<SslContext>> tls, Optional<RpcAuthenticator> authenticator) {
    this.tls = tls;
    this.authenticator = authenticator;
  }

  /**
   * Reads every file now, so a node with a wrong key or certificate does not start. On a gm chain
   * the context is still the P-256 one until the RFC 8998 context (docs/spec/operations.md §2) is
   * passed here instead: the server takes any Netty {@link SslContext}.
   */
  static RpcSecurity of(RpcSecurityConfig config, CryptoSuite suite, Clock clock, Optional<SubjectRoles> roles) {
    return of(config, suite, clock, roles, org.xinlian.node.consensus.KeysConfig.none());
  }

  /** As above; {@code keys} unlocks a TLS key encrypted at rest, as it does the P2P transport key. */
  static RpcSecurity of(RpcSecurityConfig config, CryptoSuite suite, Clock clock, Optional<SubjectRoles> roles,
      org.xinlian.node.consensus.KeysConfig keys) {
    List<ClientCertificateGrant> grants = new ArrayList<>();
    Optional<RpcAuthenticator> authenticator = Optional.empty();
    if (config.auth().isPresent()) {
      RpcSecurityConfig.Auth auth = config.auth().get();
      for (int i = 0; i < auth.clientCertificates().size(); i++) {
        RpcSecurityConfig.ClientCa ca = auth.clientCertificates().get(i);
        for (X509Certificate authority : certificates(ca.caFile(), "rpc.auth.clientCertificates." + i + ".caFile")) {
          grants.add(new ClientCertificateGrant(authority, ca.permissions()));
        }
      }
      Optional<byte[]> secret = auth.hs256SecretFile().map(file -> hexSecret(file));
      List<ECPublicKey> es256 = new ArrayList<>();
      for (int i = 0; i < auth.es256PublicKeyFiles().size(); i++) {
        es256.add(p256PublicKey(auth.es256PublicKeyFiles().get(i), "rpc.auth.es256PublicKeyFiles." + i));
      }
      List<PublicKey> sm2 = new ArrayList<>();
      for (int i = 0; i < auth.sm2PublicKeyFiles().size(); i++) {
        String field = "rpc.auth.sm2PublicKeyFiles." + i;
        if (!CryptoSuites.GM.equals(suite.name())) {
          throw new DecodingException(field, "SM2SM3 tokens are for gm chains; this chain's suite is " + suite.name());
        }
        Path file = auth.sm2PublicKeyFiles().get(i);
        try {
          sm2.add(suite.publicKeyFromPem(read(file, field)));
        } catch (IllegalArgumentException e) {
          throw new DecodingException(field, file + ": not an SM2 public key PEM: " + e.getMessage());
        }
      }
      Optional<RpcAuthConfig.RoleGrants> roleGrants = Optional.empty();
      if (auth.roles().isPresent()) {
        SubjectRoles source = roles.orElseThrow(() -> new DecodingException("rpc.auth.roles",
            "this chain has no governance (an open development chain), so accounts hold no roles"));
        roleGrants = Optional.of(new RpcAuthConfig.RoleGrants(auth.roles().get(), source));
      }
      authenticator = Optional.of(new RpcAuthenticator(new RpcAuthConfig(auth.required(), secret, es256, sm2, suite,
          auth.tokenBytesMax(), auth.tokenLifetimeSecondsMax(), auth.clockSkewSecondsMax(), grants, roleGrants), clock));
    }
    Optional<Supplier<SslContext>> tls = Optional.empty();
    if (config.tls().isPresent()) {
      SslContext context = CryptoSuites.GM.equals(suite.name())
          ? gmServerContext(config.tls().get(), grants, keys, suite)
          : serverContext(config.tls().get(), grants, keys);
      tls = Optional.of(() -> context);
    }
    return new RpcSecurity(tls, authenticator);
  }

  private static SslContext serverContext(RpcSecurityConfig.Tls tls, List<ClientCertificateGrant> grants,
      org.xinlian.node.consensus.KeysConfig keys) {
    PrivateKey key;
    try {
      String pem = read(tls.keyFile(), "rpc.tls.keyFile");
      if (org.xinlian.crypto.TransportCertificates.isEncryptedPem(pem)) {
        char[] passphrase = keys.passphrase("rpc.tls.keyFile", tls.keyFile());
        try {
          key = CryptoSuites.transport().privateKeyFromEncryptedPem(pem, passphrase);
        } finally {
          java.util.Arrays.fill(passphrase, '\0');
        }
      } else {
        key = CryptoSuites.transport().privateKeyFromPem(pem);
      }
    } catch (RuntimeException e) {
      throw new DecodingException("rpc.tls.keyFile", tls.keyFile() + ": " + e.getMessage());
    }
    List<X509Certificate> chain = certificates(tls.certificateFile(), "rpc.tls.certificateFile");
    SslContextBuilder builder = SslContextBuilder.forServer(key, chain.toArray(X509Certificate[]::new))
        .sslProvider(SslProvider.JDK).protocols(PROTOCOL);
    if (!grants.isEmpty()) {
      // Requested, not demanded: a token holder connects without a certificate; a certificate,
      // if sent, must chain to a configured organisation CA or the handshake fails.
      builder.clientAuth(ClientAuth.OPTIONAL)
          .trustManager(grants.stream().map(ClientCertificateGrant::authority).toArray(X509Certificate[]::new));
    }
    try {
      return builder.build();
    } catch (SSLException | IllegalArgumentException e) {
      throw new DecodingException("rpc.tls", "cannot build a TLS context from " + tls.keyFile() + " and "
          + tls.certificateFile() + ": " + e.getMessage());
    }
  }

  /**
   * The RFC 8998 context of a gm chain (docs/spec/operations.md §2): the node's SM2 transport key
   * and certificate, TLS_SM4_GCM_SM3 only, from the network module's {@code SuiteTlsContexts}.
   * Client certificates on gm chains are not wired yet, so they are refused rather than ignored.
   */
  private static SslContext gmServerContext(RpcSecurityConfig.Tls tls, List<ClientCertificateGrant> grants,
      org.xinlian.node.consensus.KeysConfig keys, CryptoSuite suite) {
    if (!grants.isEmpty()) {
      throw new DecodingException("rpc.auth.clientCertificates", "not yet supported with rpc.tls on gm chains; "
          + "use tokens (SM2SM3, ES256 or HS256)");
    }
    org.xinlian.crypto.TransportCertificates transport = CryptoSuites.transport(suite);
    PrivateKey key;
    List<X509Certificate> chain = new ArrayList<>();
    try {
      String pem = read(tls.keyFile(), "rpc.tls.keyFile");
      if (org.xinlian.crypto.TransportCertificates.isEncryptedPem(pem)) {
        char[] passphrase = keys.passphrase("rpc.tls.keyFile", tls.keyFile());
        try {
          key = transport.privateKeyFromEncryptedPem(pem, passphrase);
        } finally {
          java.util.Arrays.fill(passphrase, '\0');
        }
      } else {
        key = transport.privateKeyFromPem(pem);
      }
    } catch (RuntimeException e) {
      throw new DecodingException("rpc.tls.keyFile", tls.keyFile() + ": " + e.getMessage());
    }
    try {
      chain.add(transport.certificateFromPem(read(tls.certificateFile(), "rpc.tls.certificateFile")));
    } catch (RuntimeException e) {
      throw new DecodingException("rpc.tls.certificateFile", tls.certificateFile() + ": " + e.getMessage());
    }
    try {
      javax.net.ssl.SSLContext context = org.xinlian.network.SuiteTlsContexts.context(suite, key, chain, null);
      return new io.netty.handler.ssl.JdkSslContext(context, false,
          org.xinlian.network.SuiteTlsContexts.cipherSuites(suite), io.netty.handler.ssl.IdentityCipherSuiteFilter.INSTANCE,
          io.netty.handler.ssl.ApplicationProtocolConfig.DISABLED, ClientAuth.NONE,
          org.xinlian.network.SuiteTlsContexts.protocols().toArray(String[]::new), false);
    } catch (RuntimeException e) {
      throw new DecodingException("rpc.tls", "cannot build the gm TLS context from " + tls.keyFile() + " and "
          + tls.certificateFile() + ": " + e.getMessage());
    }
  }

  /** What a subject's roles are, read from the head state's governance records (OPS-9). */
  static Set<Role> roles(org.xinlian.execution.governance.GovernanceState governance, org.xinlian.common.Address subject) {
    var account = governance.account(subject);
    if (account.status() != org.xinlian.execution.governance.AccountStatus.NORMAL) {
      return Set.of();
    }
    Set<Role> held = EnumSet.noneOf(Role.class);
    for (Role role : Role.values()) {
      if (account.holds(role)) {
        held.add(role);
      }
    }
    return held;
  }

  private static byte[] hexSecret(Path file) {
    String field = "rpc.auth.hs256SecretFile";
    String text = read(file, field).trim();
    byte[] secret;
    try {
      secret = HexFormat.of().parseHex(text.startsWith("0x") ? text.substring(2) : text);
    } catch (IllegalArgumentException e) {
      throw new DecodingException(field, file + ": not hex (make one with `xinlian rpc secret`)");
    }
    if (secret.length < RpcAuthConfig.HS256_SECRET_BYTES_MIN || secret.length > RpcAuthConfig.HS256_SECRET_BYTES_MAX) {
      throw new DecodingException(field, file + ": " + secret.length + " bytes; an HS256 secret has "
          + RpcAuthConfig.HS256_SECRET_BYTES_MIN + " to " + RpcAuthConfig.HS256_SECRET_BYTES_MAX);
    }
    return secret;
  }

  private static ECPublicKey p256PublicKey(Path file, String field) {
    String pem = read(file, field);
    String body = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
    try {
      var key = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(java.util.Base64.getDecoder().decode(body)));
      if (key instanceof ECPublicKey ec && P256_ORDER.equals(ec.getParams().getOrder())) {
        return ec;
      }
      throw new DecodingException(field, file + ": not a P-256 (secp256r1) public key");
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new DecodingException(field, file + ": not a PEM P-256 public key: " + e.getMessage());
    }
  }

  static List<X509Certificate> certificates(Path file, String field) {
    byte[] bytes = read(file, field).getBytes(StandardCharsets.US_ASCII);
    try {
      List<X509Certificate> certificates = new ArrayList<>();
      for (var certificate : CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(bytes))) {
        certificates.add((X509Certificate) certificate);
      }
      if (certificates.isEmpty()) {
        throw new DecodingException(field, file + ": no PEM certificate");
      }
      return certificates;
    } catch (GeneralSecurityException e) {
      throw new DecodingException(field, file + ": not a PEM certificate: " + e.getMessage());
    }
  }

  private static String read(Path file, String field) {
    try {
      if (Files.size(file) > KEY_FILE_BYTES_MAX) {
        throw new DecodingException(field, file + ": larger than " + KEY_FILE_BYTES_MAX + " bytes");
      }
      return Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new DecodingException(field, "cannot read " + file + ": " + e.getMessage());
    }
  }
}

package org.xinlian.network;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.DelegatingSslContext;
import io.netty.handler.ssl.IdentityCipherSuiteFilter;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECKey;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.X509ExtendedTrustManager;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.jsse.BCSSLEngine;
import org.bouncycastle.jsse.BCSSLParameters;
import org.bouncycastle.jsse.provider.BouncyCastleJsseProvider;

/**
 * RFC 8998 TLS 1.3 on gm chains (docs/adr/0015-gm-tls-rfc8998.md): BouncyCastle's JSSE provider
 * as an instance handed to this context only, never registered and configured by no system
 * property, restricted on every engine it makes to TLS 1.3, the cipher suite {@link
 * #CIPHER_SUITE}, the signature scheme {@link #SIGNATURE_SCHEME} and the key-exchange group
 * {@link #NAMED_GROUP}. A peer that offers none of them fails the TLS handshake.
 */
final class GmTls {
  static final String PROTOCOL = "TLSv1.3";
  static final String CIPHER_SUITE = "TLS_SM4_GCM_SM3";
  static final String SIGNATURE_SCHEME = "sm2sig_sm3";
  static final String NAMED_GROUP = "curveSM2";
  /** The SM2 curve's field and order, to refuse keys on other curves before TLS refuses them. */
  private static final int SM2_FIELD_BITS = 256;
  private static final java.math.BigInteger SM2_ORDER = new java.math.BigInteger(
      "FFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFF7203DF6B21C6052B53BBF40939D54123", 16);

  private GmTls() {}

  /** One JCA provider and one JSSE provider for all gm contexts: both are stateless and immutable. */
  private static final class Providers {
    static final Provider JSSE = new BouncyCastleJsseProvider(new BouncyCastleProvider());
  }

  /** A server context; {@code field} names the key in errors. */
  static SslContext server(String field, PrivateKey key, List<X509Certificate> chain,
      X509ExtendedTrustManager trust, ClientAuth clientAuth) throws SSLException {
    requireSm2(field, key);
    SslContextBuilder builder = SslContextBuilder.forServer(new Sm2KeyManager(key, chain))
        .clientAuth(clientAuth);
    if (trust != null) {
      builder.trustManager(trust);
    }
    return restricted(builder);
  }

  /** A client context; {@code key} null presents no certificate. */
  static SslContext client(String field, PrivateKey key, List<X509Certificate> chain,
      X509ExtendedTrustManager trust) throws SSLException {
    SslContextBuilder builder = SslContextBuilder.forClient()
        .trustManager(trust)
        .endpointIdentificationAlgorithm(null);
    if (key != null) {
      requireSm2(field, key);
      builder.keyManager(new Sm2KeyManager(key, chain));
    }
    return restricted(builder);
  }

  private static SslContext restricted(SslContextBuilder builder) throws SSLException {
    SslContext context = builder
        .sslProvider(SslProvider.JDK)
        .sslContextProvider(Providers.JSSE)
        .protocols(PROTOCOL)
        .ciphers(List.of(CIPHER_SUITE), IdentityCipherSuiteFilter.INSTANCE)
        .build();
    return new DelegatingSslContext(context) {
      @Override
      protected void initEngine(SSLEngine engine) {
        restrict(engine);
      }
    };
  }

  /** The groups and signature schemes, set per engine since BCJSSE reads no other source of them but system properties. */
  private static void restrict(SSLEngine engine) {
    if (!(engine instanceof BCSSLEngine bc)) {
      throw new IllegalStateException("gm TLS: engine is not BouncyCastle's: " + engine.getClass());
    }
    BCSSLParameters parameters = bc.getParameters();
    parameters.setProtocols(new String[] {PROTOCOL});
    parameters.setCipherSuites(new String[] {CIPHER_SUITE});
    parameters.setNamedGroups(new String[] {NAMED_GROUP});
    parameters.setSignatureSchemes(new String[] {SIGNATURE_SCHEME});
    parameters.setSignatureSchemesCert(new String[] {SIGNATURE_SCHEME});
    bc.setParameters(parameters);
  }

  private static void requireSm2(String field, PrivateKey key) {
    if (!(key instanceof ECKey ec) || ec.getParams() == null
        || ec.getParams().getCurve().getField().getFieldSize() != SM2_FIELD_BITS
        || !SM2_ORDER.equals(ec.getParams().getOrder())) {
      throw new IllegalArgumentException(
          field + ": a gm chain's TLS key must be an SM2 key (RFC 8998), got "
              + (key == null ? "none" : key.getAlgorithm() + " " + key.getClass().getSimpleName()));
    }
  }
}

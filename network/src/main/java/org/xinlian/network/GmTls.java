package org.xinlian.network;

import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.IdentityCipherSuiteFilter;
import io.netty.handler.ssl.JdkSslContext;
import io.netty.handler.ssl.SslContext;
import java.math.BigInteger;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECKey;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.X509ExtendedTrustManager;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.crypto.Rfc8998Tls;

/**
 * RFC 8998 TLS 1.3 on gm chains under Netty (docs/adr/0015-gm-tls-rfc8998.md): crypto's {@link
 * Rfc8998Tls} context, whose engines offer and accept only TLS 1.3, {@value
 * Rfc8998Tls#CIPHER_SUITE}, {@value Rfc8998Tls#SIGNATURE_SCHEME} and {@value
 * Rfc8998Tls#NAMED_GROUP}, wrapped as a Netty {@link SslContext}. A peer that offers none of them
 * fails the TLS handshake.
 */
final class GmTls {
  static final String PROTOCOL = Rfc8998Tls.PROTOCOL;
  static final String CIPHER_SUITE = Rfc8998Tls.CIPHER_SUITE;
  static final String SIGNATURE_SCHEME = Rfc8998Tls.SIGNATURE_SCHEME;
  static final String NAMED_GROUP = Rfc8998Tls.NAMED_GROUP;
  /** The SM2 curve's field size and order, to refuse keys on other curves before TLS does. */
  private static final int SM2_FIELD_BITS = 256;
  private static final BigInteger SM2_ORDER = new BigInteger(
      "FFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFF7203DF6B21C6052B53BBF40939D54123", 16);

  private GmTls() {}

  /** The restricted JDK context; {@code field} names the key in errors, {@code key} null presents none. */
  static SSLContext context(String field, PrivateKey key, List<X509Certificate> chain,
      X509ExtendedTrustManager trust) {
    if (key != null) {
      requireSm2(field, key);
    }
    return CryptoSuites.rfc8998Tls().context(key, chain, trust);
  }

  /** A Netty context around {@link #context}, set up as Netty's builder would set up a JDK one. */
  static SslContext netty(SSLContext context, boolean client, ClientAuth clientAuth) {
    return new JdkSslContext(context, client, List.of(CIPHER_SUITE),
        IdentityCipherSuiteFilter.INSTANCE, ApplicationProtocolConfig.DISABLED, clientAuth,
        new String[] {PROTOCOL}, false);
  }

  static SslContext server(String field, PrivateKey key, List<X509Certificate> chain,
      X509ExtendedTrustManager trust, ClientAuth clientAuth) {
    return netty(context(field, key, chain, trust), false, clientAuth);
  }

  static SslContext client(String field, PrivateKey key, List<X509Certificate> chain,
      X509ExtendedTrustManager trust) {
    return netty(context(field, key, chain, trust), true, ClientAuth.NONE);
  }

  static boolean isAlertFromPeer(Throwable failure) {
    return CryptoSuites.rfc8998Tls().isAlertFromPeer(failure);
  }

  private static void requireSm2(String field, PrivateKey key) {
    if (!(key instanceof ECKey ec) || ec.getParams() == null
        || ec.getParams().getCurve().getField().getFieldSize() != SM2_FIELD_BITS
        || !SM2_ORDER.equals(ec.getParams().getOrder())) {
      throw new IllegalArgumentException(field
          + ": a gm chain's TLS key must be an SM2 key (RFC 8998), got "
          + key.getAlgorithm() + " " + key.getClass().getSimpleName());
    }
  }
}

package org.xinlian.network;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLException;
import javax.net.ssl.X509ExtendedTrustManager;
import org.xinlian.common.Clock;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;

/**
 * TLS 1.3 contexts for a chain's suite, for servers other than P2P (the JSON-RPC server) and their
 * clients (docs/adr/0015-gm-tls-rfc8998.md): on gm chains RFC 8998 ({@value #GM_CIPHER_SUITE},
 * {@value #GM_SIGNATURE_SCHEME}, {@value #GM_NAMED_GROUP}) on SM2 keys through BouncyCastle's TLS,
 * held inside; on standard chains the JDK's TLS 1.3. Only Netty and JDK types cross this API.
 */
public final class SuiteTlsContexts {
  public static final String PROTOCOL = GmTls.PROTOCOL;
  public static final String GM_CIPHER_SUITE = GmTls.CIPHER_SUITE;
  public static final String GM_SIGNATURE_SCHEME = GmTls.SIGNATURE_SCHEME;
  public static final String GM_NAMED_GROUP = GmTls.NAMED_GROUP;
  /** Certificates in a chain a context presents: a leaf and a few intermediates at most. */
  public static final int CHAIN_CERTIFICATES_MAX = 8;

  private SuiteTlsContexts() {}

  /**
   * A server context presenting {@code key} with {@code chain} (leaf first; an SM2 key on gm
   * chains, for example the node's transport key).
   *
   * @param clientTrust checks client certificates, or null to ask for none
   * @param clientCertificateRequired with a {@code clientTrust}: refuse clients without a certificate
   * @throws IllegalArgumentException when the key does not suit the chain's TLS or the chain is
   *     empty or longer than {@link #CHAIN_CERTIFICATES_MAX}
   */
  public static SslContext server(CryptoSuite suite, PrivateKey key, List<X509Certificate> chain,
      X509ExtendedTrustManager clientTrust, boolean clientCertificateRequired) throws SSLException {
    checkChain(chain);
    ClientAuth clientAuth = clientTrust == null ? ClientAuth.NONE
        : clientCertificateRequired ? ClientAuth.REQUIRE : ClientAuth.OPTIONAL;
    if (isGm(suite)) {
      return GmTls.server("key", key, chain, clientTrust, clientAuth);
    }
    SslContextBuilder builder = SslContextBuilder.forServer(key, chain.toArray(X509Certificate[]::new))
        .sslProvider(SslProvider.JDK)
        .protocols(PROTOCOL)
        .clientAuth(clientAuth);
    if (clientTrust != null) {
      builder.trustManager(clientTrust);
    }
    return builder.build();
  }

  /**
   * A client context checking the server with {@code serverTrust}, presenting {@code key} and
   * {@code chain} when the key is not null.
   */
  public static SslContext client(CryptoSuite suite, PrivateKey key, List<X509Certificate> chain,
      X509ExtendedTrustManager serverTrust) throws SSLException {
    if (serverTrust == null) {
      throw new IllegalArgumentException("serverTrust: required");
    }
    if (key != null) {
      checkChain(chain);
    }
    if (isGm(suite)) {
      return GmTls.client("key", key, key == null ? List.of() : chain, serverTrust);
    }
    SslContextBuilder builder = SslContextBuilder.forClient()
        .sslProvider(SslProvider.JDK)
        .protocols(PROTOCOL)
        .trustManager(serverTrust);
    if (key != null) {
      builder.keyManager(key, chain.toArray(X509Certificate[]::new));
    }
    return builder.build();
  }

  /**
   * Accepts exactly the end-entity certificates one of {@code authorities} issued and that are
   * valid by {@code clock}, as P2P accepts TLS certificates (host names are not checked).
   */
  public static X509ExtendedTrustManager issuedBy(List<X509Certificate> authorities, Clock clock) {
    if (authorities == null || authorities.isEmpty()
        || authorities.size() > NodeCredentials.AUTHORITIES_MAX) {
      throw new IllegalArgumentException(
          "authorities: 1 to " + NodeCredentials.AUTHORITIES_MAX + " certificates");
    }
    return new TransportTrustManager(authorities, clock);
  }

  private static boolean isGm(CryptoSuite suite) {
    return CryptoSuites.GM.equals(suite.name());
  }

  private static void checkChain(List<X509Certificate> chain) {
    if (chain == null || chain.isEmpty() || chain.size() > CHAIN_CERTIFICATES_MAX
        || chain.stream().anyMatch(java.util.Objects::isNull)) {
      throw new IllegalArgumentException(
          "chain: 1 to " + CHAIN_CERTIFICATES_MAX + " certificates, leaf first");
    }
  }
}

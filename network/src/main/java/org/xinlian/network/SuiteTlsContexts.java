package org.xinlian.network;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import org.xinlian.common.Clock;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;

/**
 * TLS 1.3 contexts for a chain's suite, for servers other than P2P (the JSON-RPC server) and their
 * clients (docs/adr/0015-gm-tls-rfc8998.md): on gm chains RFC 8998 ({@value #GM_CIPHER_SUITE},
 * {@value #GM_SIGNATURE_SCHEME}, {@value #GM_NAMED_GROUP}) on SM2 keys, whose engines are
 * restricted to it whatever the caller enables; on standard chains the JDK's TLS 1.3. Only JDK
 * types cross this API. Under Netty, wrap a context as P2P does:
 * {@code new JdkSslContext(context, isClient, cipherSuites(suite), IdentityCipherSuiteFilter.INSTANCE,
 * ApplicationProtocolConfig.DISABLED, clientAuth, protocols().toArray(String[]::new), false)}.
 */
public final class SuiteTlsContexts {
  public static final String PROTOCOL = GmTls.PROTOCOL;
  public static final String GM_CIPHER_SUITE = GmTls.CIPHER_SUITE;
  public static final String GM_SIGNATURE_SCHEME = GmTls.SIGNATURE_SCHEME;
  public static final String GM_NAMED_GROUP = GmTls.NAMED_GROUP;
  /** Certificates in a chain a context presents: a leaf and a few intermediates at most. */
  public static final int CHAIN_CERTIFICATES_MAX = 8;
  private static final List<String> STANDARD_CIPHER_SUITES = List.of(
      "TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256");

  private SuiteTlsContexts() {}

  /** The protocols to enable: TLS 1.3 only. */
  public static List<String> protocols() {
    return List.of(PROTOCOL);
  }

  /** The cipher suites to enable on a chain of {@code suite}. */
  public static List<String> cipherSuites(CryptoSuite suite) {
    return isGm(suite) ? List.of(GM_CIPHER_SUITE) : STANDARD_CIPHER_SUITES;
  }

  /**
   * A context that presents {@code key} with {@code chain} (leaf first; an SM2 key on gm chains,
   * such as the node's transport key) and checks the other side with {@code trust}.
   *
   * @param key the private key, or null for a client that presents no certificate
   * @param trust checks the other side's certificates; null only for a server that asks for none
   * @throws IllegalArgumentException when the key does not suit the chain's TLS, or the chain is
   *     empty or longer than {@link #CHAIN_CERTIFICATES_MAX}
   */
  public static SSLContext context(CryptoSuite suite, PrivateKey key, List<X509Certificate> chain,
      X509ExtendedTrustManager trust) {
    if (key != null) {
      checkChain(chain);
    }
    if (isGm(suite)) {
      return GmTls.context("key", key, key == null ? List.of() : chain, trust);
    }
    try {
      SSLContext context = SSLContext.getInstance(PROTOCOL);
      KeyManagerFactory keys = null;
      if (key != null) {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("tls", key, new char[0], chain.toArray(X509Certificate[]::new));
        keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, new char[0]);
      }
      context.init(keys == null ? null : keys.getKeyManagers(),
          trust == null ? null : new TrustManager[] {trust}, null);
      return context;
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new IllegalArgumentException("key: the JDK's TLS cannot use it: " + e.getMessage(), e);
    }
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
        || chain.stream().anyMatch(Objects::isNull)) {
      throw new IllegalArgumentException(
          "chain: 1 to " + CHAIN_CERTIFICATES_MAX + " certificates, leaf first");
    }
  }
}

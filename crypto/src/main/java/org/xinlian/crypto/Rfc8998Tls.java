package org.xinlian.crypto;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * TLS 1.3 as RFC 8998 defines it for the ShangMi algorithms, the TLS of gm chains
 * (docs/adr/0015-gm-tls-rfc8998.md): {@value #CIPHER_SUITE}, {@value #SIGNATURE_SCHEME},
 * {@value #NAMED_GROUP}, on SM2 keys. The implementation (BouncyCastle's JSSE provider, as an
 * instance that is never registered) stays behind JDK types. Obtain one from {@link
 * CryptoSuites#rfc8998Tls()}.
 */
public interface Rfc8998Tls {
  String PROTOCOL = "TLSv1.3";
  String CIPHER_SUITE = "TLS_SM4_GCM_SM3";
  String SIGNATURE_SCHEME = "sm2sig_sm3";
  String NAMED_GROUP = "curveSM2";

  /**
   * A context whose every {@link javax.net.ssl.SSLEngine} offers and accepts only {@link
   * #PROTOCOL}, {@link #CIPHER_SUITE}, {@link #SIGNATURE_SCHEME} and {@link #NAMED_GROUP}; it makes
   * engines only, not sockets. It presents {@code key} with {@code chain} (leaf first) whenever the
   * other side asks for an EC key, whatever CAs it names, or nothing when {@code key} is null.
   *
   * @param trust checks the other side's certificates; null only for a server that asks for none
   */
  SSLContext context(PrivateKey key, List<X509Certificate> chain, X509ExtendedTrustManager trust);

  /**
   * The key manager {@link #context} uses: it selects {@code key} for every TLS 1.3 EC key request
   * of BouncyCastle's JSSE provider, which its own key managers do not for SM2 (bc-java#2416); for
   * callers that need BouncyCastle's sockets rather than engines.
   */
  X509ExtendedKeyManager keyManager(PrivateKey key, List<X509Certificate> chain);

  /** Whether a failed handshake's cause is an alert the other side sent. */
  boolean isAlertFromPeer(Throwable failure);
}

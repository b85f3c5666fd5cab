package org.xinlian.crypto.internal;

import java.security.KeyManagementException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509ExtendedTrustManager;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.jsse.BCSSLEngine;
import org.bouncycastle.jsse.BCSSLParameters;
import org.bouncycastle.jsse.provider.BouncyCastleJsseProvider;
import org.bouncycastle.tls.TlsFatalAlertReceived;
import org.xinlian.crypto.CryptoException;
import org.xinlian.crypto.Rfc8998Tls;

/**
 * RFC 8998 through BouncyCastle's JSSE provider (docs/adr/0015-gm-tls-rfc8998.md). The provider is
 * an instance handed to each {@link SSLContext} made here, never registered with {@code
 * java.security.Security}; groups and signature schemes, which BCJSSE otherwise reads only from
 * system properties, are set per engine through {@link BCSSLParameters}. The SM2 key is chosen by
 * {@link Sm2KeyManager}, since BCJSSE's own key selection has no curveSM2 filter (bc-java#2416).
 */
public final class BcRfc8998Tls implements Rfc8998Tls {
  /** Stateless and immutable once built, and costly to build (seconds): one per process. */
  private static final class Providers {
    static final Provider JSSE = new BouncyCastleJsseProvider(new BouncyCastleProvider());
  }

  @Override
  public SSLContext context(PrivateKey key, List<X509Certificate> chain,
      X509ExtendedTrustManager trust) {
    try {
      SSLContext context = SSLContext.getInstance("TLS", Providers.JSSE);
      KeyManager[] keys = key == null ? null : new KeyManager[] {new Sm2KeyManager(key, chain)};
      TrustManager[] trusts = trust == null ? null : new TrustManager[] {trust};
      context.init(keys, trusts, new SecureRandom());
      return new Restricted(context);
    } catch (java.security.GeneralSecurityException e) {
      throw new CryptoException("RFC 8998 TLS: cannot set up a context: " + e.getMessage(), e);
    }
  }

  @Override
  public X509ExtendedKeyManager keyManager(PrivateKey key, List<X509Certificate> chain) {
    return new Sm2KeyManager(key, chain);
  }

  @Override
  public boolean isAlertFromPeer(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof TlsFatalAlertReceived) {
        return true;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }

  static SSLEngine restrict(SSLEngine engine) {
    BCSSLEngine bc = (BCSSLEngine) engine;
    BCSSLParameters parameters = bc.getParameters();
    parameters.setProtocols(new String[] {PROTOCOL});
    parameters.setCipherSuites(new String[] {CIPHER_SUITE});
    parameters.setNamedGroups(new String[] {NAMED_GROUP});
    parameters.setSignatureSchemes(new String[] {SIGNATURE_SCHEME});
    parameters.setSignatureSchemesCert(new String[] {SIGNATURE_SCHEME});
    bc.setParameters(parameters);
    return engine;
  }

  /** Hands out BCJSSE's engines restricted to RFC 8998; sockets are not offered. */
  private static final class Restricted extends SSLContext {
    Restricted(SSLContext delegate) {
      super(new Spi(delegate), delegate.getProvider(), delegate.getProtocol());
    }
  }

  private static final class Spi extends SSLContextSpi {
    private final SSLContext delegate;

    Spi(SSLContext delegate) {
      this.delegate = delegate;
    }

    @Override
    protected void engineInit(KeyManager[] keys, TrustManager[] trusts, SecureRandom random)
        throws KeyManagementException {
      throw new KeyManagementException("RFC 8998 context: already initialised");
    }

    @Override
    protected SSLEngine engineCreateSSLEngine() {
      return restrict(delegate.createSSLEngine());
    }

    @Override
    protected SSLEngine engineCreateSSLEngine(String host, int port) {
      return restrict(delegate.createSSLEngine(host, port));
    }

    @Override
    protected SSLSocketFactory engineGetSocketFactory() {
      throw new UnsupportedOperationException("RFC 8998 context: engines only, no sockets");
    }

    @Override
    protected SSLServerSocketFactory engineGetServerSocketFactory() {
      throw new UnsupportedOperationException("RFC 8998 context: engines only, no sockets");
    }

    @Override
    protected SSLSessionContext engineGetServerSessionContext() {
      return delegate.getServerSessionContext();
    }

    @Override
    protected SSLSessionContext engineGetClientSessionContext() {
      return delegate.getClientSessionContext();
    }

    @Override
    protected SSLParameters engineGetDefaultSSLParameters() {
      return restricted(delegate.getDefaultSSLParameters());
    }

    @Override
    protected SSLParameters engineGetSupportedSSLParameters() {
      return restricted(delegate.getSupportedSSLParameters());
    }

    private static SSLParameters restricted(SSLParameters parameters) {
      parameters.setProtocols(new String[] {PROTOCOL});
      parameters.setCipherSuites(new String[] {CIPHER_SUITE});
      return parameters;
    }
  }
}

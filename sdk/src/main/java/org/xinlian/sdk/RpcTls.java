package org.xinlian.sdk;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * TLS for a node's JSON-RPC endpoint (OPS-14): trust exactly the consortium's CA bundle (the
 * {@code transport-ca.pem} that {@code xinlian network init} writes), optionally presenting a
 * client certificate of the application's organisation. Node certificates name nodes, not hosts,
 * so the server is checked by its chain to a consortium CA, not by host name: the bundle is the pin.
 */
public final class RpcTls {
  /** A CA bundle holds one CA per organisation; more is a wrong file. */
  public static final int AUTHORITIES_MAX = 256;
  public static final long BUNDLE_BYTES_MAX = 1024 * 1024;
  private static final String PROTOCOL = "TLSv1.3";

  private RpcTls() {}

  /** A context that trusts the PEM certificates in {@code caBundle}. */
  public static SSLContext trusting(Path caBundle) {
    return trusting(readCertificates(caBundle), Optional.empty());
  }

  /**
   * A context that trusts {@code authorities} and, when {@code client} is present, presents its
   * key and certificate (mutual TLS with an organisation's client certificate).
   */
  public static SSLContext trusting(List<X509Certificate> authorities, Optional<ClientCertificate> client) {
    if (authorities.isEmpty() || authorities.size() > AUTHORITIES_MAX) {
      throw new IllegalArgumentException("authorities: 1 to " + AUTHORITIES_MAX + " CA certificates, got "
          + authorities.size());
    }
    try {
      X509ExtendedTrustManager trust = trustManager(authorities);
      KeyManager[] keys = null;
      if (client.isPresent()) {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        char[] password = new char[0];
        store.setKeyEntry("client", client.get().key(), password, new X509Certificate[] {client.get().certificate()});
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(store, password);
        keys = factory.getKeyManagers();
      }
      SSLContext context = SSLContext.getInstance(PROTOCOL);
      context.init(keys, new X509ExtendedTrustManager[] {trust}, new SecureRandom());
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalArgumentException("RPC TLS context: " + e.getMessage(), e);
    }
  }

  /**
   * The trust manager behind {@link #trusting}: a server's chain must lead to one of {@code
   * authorities}; host names are not compared. For HTTP stacks that take one apart from the
   * context (OkHttp under web3j: {@code sslSocketFactory(context.getSocketFactory(), manager)}).
   */
  public static X509ExtendedTrustManager trustManager(List<X509Certificate> authorities) {
    if (authorities.isEmpty() || authorities.size() > AUTHORITIES_MAX) {
      throw new IllegalArgumentException("authorities: 1 to " + AUTHORITIES_MAX + " CA certificates, got "
          + authorities.size());
    }
    try {
      KeyStore anchors = KeyStore.getInstance("PKCS12");
      anchors.load(null, null);
      for (int i = 0; i < authorities.size(); i++) {
        anchors.setCertificateEntry("ca" + i, authorities.get(i));
      }
      TrustManagerFactory trust = TrustManagerFactory.getInstance("PKIX");
      trust.init(anchors);
      return new ChainOnly((X509TrustManager) trust.getTrustManagers()[0]);
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalArgumentException("RPC TLS trust: " + e.getMessage(), e);
    }
  }

  /** The PEM certificates of a bundle file. */
  public static List<X509Certificate> readCertificates(Path bundle) {
    try {
      long size = Files.size(bundle);
      if (size > BUNDLE_BYTES_MAX) {
        throw new IllegalArgumentException(bundle + ": " + size + " bytes, above " + BUNDLE_BYTES_MAX);
      }
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      List<X509Certificate> certificates = new ArrayList<>();
      for (var certificate : factory.generateCertificates(new ByteArrayInputStream(Files.readAllBytes(bundle)))) {
        certificates.add((X509Certificate) certificate);
      }
      if (certificates.isEmpty()) {
        throw new IllegalArgumentException(bundle + ": no PEM certificate");
      }
      return certificates;
    } catch (IOException | CertificateException e) {
      throw new IllegalArgumentException(bundle + ": not a PEM certificate bundle: " + e.getMessage(), e);
    }
  }

  /** An application's client key and the certificate its organisation's CA issued for it. */
  public record ClientCertificate(PrivateKey key, X509Certificate certificate) {}

  /** PKIX chain validation to the bundle, without host name identification (see the class comment). */
  private static final class ChainOnly extends X509ExtendedTrustManager {
    private final X509TrustManager delegate;

    ChainOnly(X509TrustManager delegate) {
      this.delegate = delegate;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
      delegate.checkServerTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
      delegate.checkServerTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
      delegate.checkServerTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
      throw new CertificateException("a JSON-RPC client does not accept client connections");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
      checkClientTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
      checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return delegate.getAcceptedIssuers();
    }
  }
}

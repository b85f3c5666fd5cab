package org.xinlian.network;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import javax.net.ssl.SSLException;
import org.xinlian.common.Clock;

/**
 * TLS 1.3 contexts on the JDK provider with the node's P-256 transport certificate and the
 * consortium's transport CAs (one per organisation) as the only trust anchors, for both directions of a connection.
 */
final class TlsContexts {
  static final String PROTOCOL = "TLSv1.3";

  private TlsContexts() {}

  /**
   * The listening side. Client certificates are requested but not demanded by TLS itself, so a
   * peer without one completes TLS and is then refused with the precise reason {@link
   * RefusalReason#NO_CERTIFICATE} before any application byte is read.
   */
  static SslContext server(NodeCredentials credentials, Clock clock) throws SSLException {
    return SslContextBuilder.forServer(keyManager(credentials))
        .sslProvider(SslProvider.JDK)
        .protocols(PROTOCOL)
        .clientAuth(ClientAuth.OPTIONAL)
        .trustManager(new TransportTrustManager(credentials.transportAuthorities(),
            credentials.revocations(), clock))
        .build();
  }

  private static TransportKeyManager keyManager(NodeCredentials credentials) {
    return new TransportKeyManager(credentials.transportKey(), credentials.transportCertificate());
  }

  /** The dialing side. */
  static SslContext client(NodeCredentials credentials, Clock clock) throws SSLException {
    return SslContextBuilder.forClient()
        .sslProvider(SslProvider.JDK)
        .protocols(PROTOCOL)
        .keyManager(keyManager(credentials))
        .trustManager(new TransportTrustManager(credentials.transportAuthorities(),
            credentials.revocations(), clock))
        .endpointIdentificationAlgorithm(null)
        .build();
  }
}

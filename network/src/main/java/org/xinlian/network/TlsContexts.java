package org.xinlian.network;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.util.List;
import javax.net.ssl.SSLException;
import org.xinlian.common.Clock;
import org.xinlian.crypto.CryptoSuites;

/**
 * TLS 1.3 contexts with the node's transport certificate and the consortium's transport CAs (one
 * per organisation) as the only trust anchors, for both directions of a connection: on standard
 * chains the JDK provider with P-256 certificates; on gm chains RFC 8998 with SM2 certificates
 * ({@link GmTls}, docs/adr/0015-gm-tls-rfc8998.md).
 */
final class TlsContexts {
  static final String PROTOCOL = "TLSv1.3";
  private static final String TRANSPORT_KEY = "nodeCredentials.transportKey";

  private TlsContexts() {}

  /**
   * The listening side. Client certificates are requested but not demanded by TLS itself, so a
   * peer without one completes TLS and is then refused with the precise reason {@link
   * RefusalReason#NO_CERTIFICATE} before any application byte is read.
   */
  static SslContext server(NodeCredentials credentials, Clock clock) throws SSLException {
    if (isGm(credentials)) {
      return GmTls.server(TRANSPORT_KEY, credentials.transportKey(), List.of(credentials.transportCertificate()),
          new TransportTrustManager(credentials.transportAuthorities(), credentials.revocations(), clock),
          ClientAuth.OPTIONAL);
    }
    return SslContextBuilder.forServer(keyManager(credentials))
        .sslProvider(SslProvider.JDK)
        .protocols(PROTOCOL)
        .clientAuth(ClientAuth.OPTIONAL)
        .trustManager(new TransportTrustManager(credentials.transportAuthorities(),
            credentials.revocations(), clock))
        .build();
  }

  /** Gm chains speak RFC 8998; the suite's name is what genesis says the chain is. */
  static boolean isGm(NodeCredentials credentials) {
    return CryptoSuites.GM.equals(credentials.suite().name());
  }

  private static TransportKeyManager keyManager(NodeCredentials credentials) {
    return new TransportKeyManager(credentials.transportKey(), credentials.transportCertificate());
  }

  /** The dialing side. */
  static SslContext client(NodeCredentials credentials, Clock clock) throws SSLException {
    if (isGm(credentials)) {
      return GmTls.client(TRANSPORT_KEY, credentials.transportKey(), List.of(credentials.transportCertificate()),
          new TransportTrustManager(credentials.transportAuthorities(), credentials.revocations(), clock));
    }
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

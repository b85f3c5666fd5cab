package org.xinlian.rpc.auth;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.crypto.TransportCertificateRequest;
import org.xinlian.crypto.TransportCertificates;

/** Real P-256 CAs and certificates, as `network init` makes them, for the TLS tests. */
final class TestPki {
  static final TransportCertificates TRANSPORT = CryptoSuites.transport();
  static final SecureRandom RANDOM = new SecureRandom();
  private static long serial = 1;

  record Issued(KeyPair key, X509Certificate certificate) {}

  static Issued authority(String name) {
    KeyPair key = TRANSPORT.generateKeyPair(RANDOM);
    return new Issued(key, TRANSPORT.issueCertificate(new TransportCertificateRequest("CN=" + name, key.getPublic(),
        key.getPrivate(), null, BigInteger.valueOf(serial++), Instant.now().minus(1, ChronoUnit.HOURS),
        Instant.now().plus(1, ChronoUnit.DAYS), true, RANDOM)));
  }

  static Issued issue(Issued authority, String name) {
    KeyPair key = TRANSPORT.generateKeyPair(RANDOM);
    return new Issued(key, TRANSPORT.issueCertificate(new TransportCertificateRequest("CN=" + name, key.getPublic(),
        authority.key().getPrivate(), authority.certificate(), BigInteger.valueOf(serial++),
        Instant.now().minus(1, ChronoUnit.HOURS), Instant.now().plus(1, ChronoUnit.DAYS), false, RANDOM)));
  }

  /** The server side as the node builds it: its certificate, the client CAs as trust anchors. */
  static SslContext server(Issued node, List<X509Certificate> clientAuthorities) throws Exception {
    SslContextBuilder builder = SslContextBuilder.forServer(node.key().getPrivate(), node.certificate())
        .sslProvider(SslProvider.JDK).protocols("TLSv1.3");
    if (!clientAuthorities.isEmpty()) {
      builder.clientAuth(ClientAuth.OPTIONAL).trustManager(clientAuthorities.toArray(X509Certificate[]::new));
    }
    return builder.build();
  }

  private TestPki() {}
}

package org.xinlian.node.consensus;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.security.cert.X509Certificate;
import java.util.List;
import org.xinlian.network.NodeCredentials;

/**
 * {@code xinlian_certificate_not_after_seconds{certificate=...}}: when each certificate the node
 * presents or trusts on P2P expires, in Unix seconds, so an alert fires weeks before a handshake
 * starts failing (OPS-61). The CA bundles report their earliest expiry. Four series per node.
 */
final class CertificateMetrics {
  static final String NAME = "xinlian.certificate.not.after";

  private CertificateMetrics() {}

  static void register(MeterRegistry meters, NodeCredentials credentials) {
    gauge(meters, "node", notAfter(credentials.nodeCertificate()),
        "the node certificate, issued by its organisation's CA");
    gauge(meters, "transport", notAfter(credentials.transportCertificate()),
        "the TLS certificate of P2P connections");
    gauge(meters, "consortium_ca", earliest(credentials.consortiumAuthorities()),
        "the earliest expiry among the consortium CAs trusted");
    gauge(meters, "transport_ca", earliest(credentials.transportAuthorities()),
        "the earliest expiry among the transport CAs trusted");
  }

  private static void gauge(MeterRegistry meters, String certificate, long notAfterSeconds, String what) {
    Gauge.builder(NAME, () -> notAfterSeconds)
        .tag("certificate", certificate)
        .baseUnit("seconds")
        .description("when a certificate expires, Unix seconds: " + what)
        .register(meters);
  }

  static long notAfter(X509Certificate certificate) {
    return certificate.getNotAfter().toInstant().getEpochSecond();
  }

  static long earliest(List<X509Certificate> certificates) {
    return certificates.stream().mapToLong(CertificateMetrics::notAfter).min().orElse(0);
  }
}

package org.xinlian.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;

/**
 * {@link GovernanceProcessScenarios} on a gm (SM2, SM3) network with SM2 governors (GOV-19); and
 * 国密 on the wire (OPS-25): the validators that committed the first blocks speak RFC 8998 TLS 1.3
 * on their P2P ports, with the SM2 certificates {@code network init} issued, and nothing else.
 */
class GmGovernanceProcessTest extends GovernanceProcessScenarios {
  @Override
  CryptoSuite suite() {
    return CryptoSuites.byName("gm");
  }

  @Test
  @Order(0)
  void validatorsThatCommitBlocksSpeakOnlyRfc8998Tls() throws Exception {
    CryptoSuite gm = suite();
    List<X509Certificate> authorities = P2pTlsProbe.transportAuthorities(gm,
        networkDirectory().resolve("ca").resolve("transport-ca.pem"));
    for (int node = 0; node < validators(); node++) {
      SSLSession session = P2pTlsProbe.handshake(gm, authorities, p2pPort(node));
      assertEquals("TLSv1.3", session.getProtocol());
      assertEquals("TLS_SM4_GCM_SM3", session.getCipherSuite());
      X509Certificate presented = (X509Certificate) session.getPeerCertificates()[0];
      assertEquals("SM3WITHSM2", presented.getSigAlgName().toUpperCase(Locale.ROOT));
      assertEquals(CryptoSuites.transport(gm).certificateFromPem(java.nio.file.Files.readString(
          networkDirectory().resolve("node" + node).resolve("transport.pem"))), presented);
    }
    // The JDK's TLS 1.3 offers only AES and ChaCha20 suites: the node refuses the handshake.
    SSLContext jdk = SSLContext.getInstance("TLSv1.3");
    jdk.init(null, null, null);
    try (SSLSocket socket = (SSLSocket) jdk.getSocketFactory().createSocket("127.0.0.1", p2pPort(0))) {
      socket.setEnabledProtocols(new String[] {"TLSv1.3"});
      SSLHandshakeException refused = assertThrows(SSLHandshakeException.class, socket::startHandshake);
      assertTrue(String.valueOf(refused.getMessage()).contains("handshake_failure"), refused.getMessage());
    }
  }
}

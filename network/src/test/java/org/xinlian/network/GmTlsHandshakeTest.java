package org.xinlian.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.handler.ssl.SslHandler;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Locale;
import java.util.Set;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import org.bouncycastle.jsse.BCSSLEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.crypto.TransportCertificates;

/**
 * 国密 on the wire (OPS-20, OPS-22, OPS-23, docs/adr/0015): P2P TLS between gm nodes is RFC 8998
 * TLS 1.3, read back from the TLS session each end negotiated; a peer offering no SM suite fails
 * the TLS handshake; standard chains keep the JDK's TLS 1.3.
 */
class GmTlsHandshakeTest {
  private final NettyNodes nodes = new NettyNodes();
  private final RecordingHandler listenerHandler = new RecordingHandler();
  private final RecordingHandler dialerHandler = new RecordingHandler();

  @AfterEach
  void close() {
    nodes.close();
  }

  private static SSLEngine engineTo(NettyTransport transport, NodeId peer) {
    return transport.channelTo(peer).pipeline().get(SslHandler.class).engine();
  }

  /** Connects a dialer to a listener of one PKI and returns each side's TLS engine, listener first. */
  private SSLEngine[] connect(TestPki pki) {
    NodeCredentials listenerCredentials = pki.node("listener");
    NodeCredentials dialerCredentials = pki.node("dialer");
    NettyTransport listener = nodes.start(listenerCredentials, listenerHandler);
    NettyTransport dialer = nodes.start(dialerCredentials, dialerHandler);
    dialer.addPeer(NettyNodes.addressOf(listener));
    Await.until("connected", () -> listener.connectedPeers().equals(Set.of(dialer.localId()))
        && dialer.connectedPeers().equals(Set.of(listener.localId())));
    return new SSLEngine[] {engineTo(listener, dialer.localId()), engineTo(dialer, listener.localId())};
  }

  @Test
  void gmNodesNegotiateTlsSm4GcmSm3WithSm2sigSm3OnBothEnds() throws Exception {
    TestPki pki = new TestPki("gm", "gm consortium");
    for (SSLEngine engine : connect(pki)) {
      SSLSession session = engine.getSession();
      assertEquals("TLSv1.3", session.getProtocol());
      assertEquals("TLS_SM4_GCM_SM3", session.getCipherSuite());
      // The schemes each handshake offered are pinned by SuiteTlsContextsTest, which can watch
      // the handshake; here the result: BouncyCastle's engine, SM2 certificates on both ends.
      assertTrue(engine instanceof BCSSLEngine);
      X509Certificate local = (X509Certificate) session.getLocalCertificates()[0];
      X509Certificate peer = (X509Certificate) session.getPeerCertificates()[0];
      for (X509Certificate certificate : new X509Certificate[] {local, peer}) {
        assertEquals("SM3WITHSM2", certificate.getSigAlgName().toUpperCase(Locale.ROOT));
        assertTrue(pki.suite.verifyCertificateSignature(certificate,
            pki.suite.certificatePublicKey(pki.transportAuthority)), "issued by the SM2 transport CA");
      }
    }
  }

  @Test
  void aJdkTls13ClientOfferingOnlyAesSuitesFailsTheHandshake() throws Exception {
    TestPki pki = new TestPki("gm", "gm consortium");
    NettyTransport listener = nodes.start(pki.node("listener"), listenerHandler);
    // A peer of the standard world: P-256 certificate from a P-256 CA, the JDK's AES suites.
    TestPki standard = new TestPki("standard", "standard consortium");
    NodeCredentials foreign = standard.node("foreign");
    SSLContext jdk = SSLContext.getInstance("TLSv1.3");
    jdk.init(new KeyManager[] {new TransportKeyManager(foreign.transportKey(),
            foreign.transportCertificate())},
        new TrustManager[] {new NettyHandshakeTest.TrustEverything()}, new SecureRandom());
    try (SSLSocket socket = (SSLSocket) jdk.getSocketFactory()
        .createSocket("127.0.0.1", listener.listenAddress().getPort())) {
      socket.setEnabledProtocols(new String[] {"TLSv1.3"});
      socket.setEnabledCipherSuites(new String[] {"TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384"});
      SSLHandshakeException refused = assertThrows(SSLHandshakeException.class, socket::startHandshake);
      assertTrue(String.valueOf(refused.getMessage()).contains("handshake_failure"), refused.getMessage());
    }
    Await.until("refusal counted", () -> listener.metrics().refusals(RefusalReason.TLS_FAILURE) == 1);
    assertEquals(Set.of(RefusalReason.TLS_FAILURE), listener.metrics().refusals().keySet());
    assertTrue(listener.connectedPeers().isEmpty() && listenerHandler.connected.isEmpty());
  }

  @Test
  void aGmNodeWithAP256TlsKeyIsRefusedAtConstruction() {
    TestPki gm = new TestPki("gm", "gm consortium");
    NodeCredentials proper = gm.node("node");
    TransportCertificates p256 = CryptoSuites.transport();
    KeyPair key = p256.generateKeyPair(new SecureRandom());
    NodeCredentials wrong = new NodeCredentials(proper.suite(), proper.nodeKey(),
        proper.nodeCertificate(), proper.consortiumAuthorities(), key.getPrivate(),
        proper.transportCertificate(), proper.transportAuthorities());
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
        () -> nodes.start(wrong, listenerHandler));
    assertTrue(refused.getMessage().contains("nodeCredentials.transportKey"), refused.getMessage());
  }

  @Test
  void standardNodesKeepTheJdkTls13() {
    TestPki pki = new TestPki("standard", "standard consortium");
    for (SSLEngine engine : connect(pki)) {
      assertTrue(engine.getClass().getName().startsWith("sun.security.ssl."), engine.getClass().getName());
      assertEquals("TLSv1.3", engine.getSession().getProtocol());
      String suite = engine.getSession().getCipherSuite();
      assertTrue(suite.startsWith("TLS_AES_") || suite.startsWith("TLS_CHACHA20_"), suite);
    }
  }
}

package org.xinlian.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.IdentityCipherSuiteFilter;
import io.netty.handler.ssl.JdkSslContext;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.concurrent.Future;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import org.bouncycastle.jsse.BCExtendedSSLSession;
import org.bouncycastle.jsse.BCSSLEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.xinlian.common.Clock;

/**
 * The public TLS factory a JSON-RPC server takes its context from (OPS-20, OPS-24, docs/adr/0015):
 * over loopback sockets, a gm server and client negotiate TLS 1.3 with TLS_SM4_GCM_SM3, and each
 * end's handshake offered sm2sig_sm3 alone and saw the other offer it alone, so both
 * CertificateVerify messages were signed with it; client certificates are checked when asked for.
 */
class SuiteTlsContextsTest {
  private static final long WAIT_SECONDS = 20;
  private final EventLoopGroup group = new NioEventLoopGroup(1);

  @AfterEach
  void close() {
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }

  /** Checks like the wrapped manager and records, per side, the schemes of the handshake. */
  private static final class RecordingTrust extends X509ExtendedTrustManager {
    final X509ExtendedTrustManager delegate;
    final Map<String, String[]> seen = new ConcurrentHashMap<>();

    RecordingTrust(X509ExtendedTrustManager delegate) {
      this.delegate = delegate;
    }

    private void record(SSLEngine engine) {
      BCExtendedSSLSession handshake = ((BCSSLEngine) engine).getBCHandshakeSession();
      seen.put("local", handshake.getLocalSupportedSignatureAlgorithmsBC());
      seen.put("peer", handshake.getPeerSupportedSignatureAlgorithmsBC());
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws java.security.cert.CertificateException {
      record(engine);
      delegate.checkClientTrusted(chain, authType, engine);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws java.security.cert.CertificateException {
      record(engine);
      delegate.checkServerTrusted(chain, authType, engine);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws java.security.cert.CertificateException {
      delegate.checkClientTrusted(chain, authType, socket);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws java.security.cert.CertificateException {
      delegate.checkServerTrusted(chain, authType, socket);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType)
        throws java.security.cert.CertificateException {
      delegate.checkClientTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType)
        throws java.security.cert.CertificateException {
      delegate.checkServerTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return delegate.getAcceptedIssuers();
    }
  }

  /** Wraps a context under Netty as the JSON-RPC server would (SuiteTlsContexts' documentation). */
  private static SslContext netty(org.xinlian.crypto.CryptoSuite suite, javax.net.ssl.SSLContext context,
      boolean client, ClientAuth clientAuth) {
    return new JdkSslContext(context, client, SuiteTlsContexts.cipherSuites(suite),
        IdentityCipherSuiteFilter.INSTANCE, ApplicationProtocolConfig.DISABLED, clientAuth,
        SuiteTlsContexts.protocols().toArray(String[]::new), false);
  }

  /** Runs one TLS handshake over loopback; returns the server's and the client's SSL handlers. */
  private SslHandler[] handshake(SslContext server, SslContext client) throws Exception {
    LinkedBlockingQueue<SslHandler> accepted = new LinkedBlockingQueue<>();
    Channel listening = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel channel) {
            SslHandler ssl = server.newHandler(channel.alloc());
            channel.pipeline().addLast(ssl);
            accepted.add(ssl);
          }
        }).bind("127.0.0.1", 0).sync().channel();
    try {
      SslHandler[] dialed = new SslHandler[1];
      Channel channel = new Bootstrap().group(group).channel(NioSocketChannel.class)
          .handler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel channel) {
              dialed[0] = client.newHandler(channel.alloc());
              channel.pipeline().addLast(dialed[0]);
            }
          }).connect((InetSocketAddress) listening.localAddress()).sync().channel();
      Future<Channel> clientDone = dialed[0].handshakeFuture().await();
      SslHandler serverSide = accepted.poll(WAIT_SECONDS, TimeUnit.SECONDS);
      Future<Channel> serverDone = serverSide.handshakeFuture().await();
      channel.close();
      if (!clientDone.isSuccess() || !serverDone.isSuccess()) {
        throw new javax.net.ssl.SSLHandshakeException("client: " + clientDone.cause()
            + ", server: " + serverDone.cause());
      }
      return new SslHandler[] {serverSide, dialed[0]};
    } finally {
      listening.close().sync();
    }
  }

  @Test
  void gmContextsNegotiateRfc8998WithSm2sigSm3AndClientCertificates() throws Exception {
    TestPki pki = new TestPki("gm", "rpc");
    NodeCredentials node = pki.node("node");
    NodeCredentials application = pki.node("application");
    RecordingTrust serverTrust = new RecordingTrust(
        SuiteTlsContexts.issuedBy(List.of(pki.transportAuthority), Clock.system()));
    RecordingTrust clientTrust = new RecordingTrust(
        SuiteTlsContexts.issuedBy(List.of(pki.transportAuthority), Clock.system()));
    SslContext server = netty(pki.suite, SuiteTlsContexts.context(pki.suite, node.transportKey(),
        List.of(node.transportCertificate()), serverTrust), false, ClientAuth.REQUIRE);
    SslContext client = netty(pki.suite, SuiteTlsContexts.context(pki.suite,
        application.transportKey(), List.of(application.transportCertificate()), clientTrust),
        true, ClientAuth.NONE);
    for (SslHandler side : handshake(server, client)) {
      assertEquals("TLSv1.3", side.engine().getSession().getProtocol());
      assertEquals("TLS_SM4_GCM_SM3", side.engine().getSession().getCipherSuite());
      assertTrue(side.engine() instanceof BCSSLEngine);
    }
    // BouncyCastle names each offered scheme by its JCA algorithm: SM3withSM2 is sm2sig_sm3
    // (0x0708), the only TLS 1.3 scheme with that algorithm. Each end offered it alone (the
    // client in its ClientHello, the server in its CertificateRequest), and the server saw the
    // client offer it alone, so both CertificateVerify messages were signed with sm2sig_sm3.
    String[] sm2sigSm3 = {"SM3withSM2"};
    assertArrayEquals(sm2sigSm3, serverTrust.seen.get("local"));
    assertArrayEquals(sm2sigSm3, serverTrust.seen.get("peer"));
    assertArrayEquals(sm2sigSm3, clientTrust.seen.get("local"));
    // Nothing global: BouncyCastle was an instance of these contexts, configured per engine.
    for (String provider : new String[] {"BC", "BCJSSE"}) {
      assertNull(java.security.Security.getProvider(provider), provider + " registered");
    }
    for (String property : new String[] {"jdk.tls.namedGroups", "jdk.tls.client.SignatureSchemes",
        "jdk.tls.server.SignatureSchemes", "jdk.tls.client.cipherSuites", "jdk.tls.server.cipherSuites"}) {
      assertNull(System.getProperty(property), property + " set");
    }
  }

  @Test
  void aGmServerRequiringClientCertificatesRefusesAClientWithout() throws Exception {
    TestPki pki = new TestPki("gm", "rpc");
    NodeCredentials node = pki.node("node");
    X509ExtendedTrustManager trust =
        SuiteTlsContexts.issuedBy(List.of(pki.transportAuthority), Clock.system());
    SslContext server = netty(pki.suite, SuiteTlsContexts.context(pki.suite, node.transportKey(),
        List.of(node.transportCertificate()), trust), false, ClientAuth.REQUIRE);
    SslContext anonymous = netty(pki.suite, SuiteTlsContexts.context(pki.suite, null, List.of(),
        trust), true, ClientAuth.NONE);
    assertThrows(javax.net.ssl.SSLHandshakeException.class, () -> handshake(server, anonymous));
  }

  @Test
  void standardContextsStayOnTheJdk() throws Exception {
    TestPki pki = new TestPki("standard", "rpc");
    NodeCredentials node = pki.node("node");
    X509ExtendedTrustManager trust =
        SuiteTlsContexts.issuedBy(List.of(pki.transportAuthority), Clock.system());
    SslContext server = netty(pki.suite, SuiteTlsContexts.context(pki.suite, node.transportKey(),
        List.of(node.transportCertificate()), null), false, ClientAuth.NONE);
    SslContext client = netty(pki.suite, SuiteTlsContexts.context(pki.suite, null, List.of(),
        trust), true, ClientAuth.NONE);
    for (SslHandler side : handshake(server, client)) {
      assertFalse(side.engine() instanceof BCSSLEngine);
      assertEquals("TLSv1.3", side.engine().getSession().getProtocol());
      assertTrue(side.engine().getSession().getCipherSuite().startsWith("TLS_AES_")
          || side.engine().getSession().getCipherSuite().startsWith("TLS_CHACHA20_"));
    }
  }

  @Test
  void badArgumentsAreRefusedNamingTheField() {
    TestPki gm = new TestPki("gm", "rpc");
    TestPki standard = new TestPki("standard", "rpc");
    NodeCredentials p256 = standard.node("node");
    IllegalArgumentException wrongCurve = assertThrows(IllegalArgumentException.class,
        () -> SuiteTlsContexts.context(gm.suite, p256.transportKey(),
            List.of(p256.transportCertificate()), null));
    assertTrue(wrongCurve.getMessage().startsWith("key:"), wrongCurve.getMessage());
    IllegalArgumentException noChain = assertThrows(IllegalArgumentException.class,
        () -> SuiteTlsContexts.context(gm.suite, gm.node("n").transportKey(), List.of(), null));
    assertTrue(noChain.getMessage().startsWith("chain:"), noChain.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> SuiteTlsContexts.issuedBy(List.of(), Clock.system()));
  }
}

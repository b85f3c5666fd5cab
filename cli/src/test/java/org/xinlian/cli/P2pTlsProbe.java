package org.xinlian.cli;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.IdentityCipherSuiteFilter;
import io.netty.handler.ssl.JdkSslContext;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.concurrent.Future;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSession;
import org.xinlian.common.Clock;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.crypto.TransportCertificates;
import org.xinlian.network.SuiteTlsContexts;

/**
 * Completes a TLS handshake with a running node's P2P port as a client of the chain's TLS that
 * trusts the network's transport CAs and presents no certificate (the node then refuses it with
 * NO_CERTIFICATE, after TLS): what the node negotiated is read from the client's session.
 */
final class P2pTlsProbe {
  private static final long HANDSHAKE_SECONDS_MAX = 30;

  private P2pTlsProbe() {}

  /** The transport CA bundle {@code network init} wrote, parsed for {@code suite}. */
  static List<X509Certificate> transportAuthorities(CryptoSuite suite, Path bundle) throws IOException {
    TransportCertificates transport = CryptoSuites.transport(suite);
    List<X509Certificate> authorities = new ArrayList<>();
    String end = "-----END CERTIFICATE-----";
    for (String block : Files.readString(bundle).split(end)) {
      if (block.contains("-----BEGIN CERTIFICATE-----")) {
        authorities.add(transport.certificateFromPem(block.strip() + "\n" + end + "\n"));
      }
    }
    return authorities;
  }

  /** The session of a completed handshake with 127.0.0.1:{@code port}. */
  static SSLSession handshake(CryptoSuite suite, List<X509Certificate> authorities, int port)
      throws Exception {
    SslContext context = new JdkSslContext(SuiteTlsContexts.context(suite, null, List.of(),
        SuiteTlsContexts.issuedBy(authorities, Clock.system())), true,
        SuiteTlsContexts.cipherSuites(suite), IdentityCipherSuiteFilter.INSTANCE,
        ApplicationProtocolConfig.DISABLED, ClientAuth.NONE,
        SuiteTlsContexts.protocols().toArray(String[]::new), false);
    EventLoopGroup group = new NioEventLoopGroup(1);
    try {
      SslHandler[] ssl = new SslHandler[1];
      Channel channel = new Bootstrap().group(group).channel(NioSocketChannel.class)
          .handler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel channel) {
              ssl[0] = context.newHandler(channel.alloc(), "127.0.0.1", port);
              channel.pipeline().addLast(ssl[0]);
            }
          }).connect("127.0.0.1", port).sync().channel();
      Future<Channel> done = ssl[0].handshakeFuture();
      if (!done.await(HANDSHAKE_SECONDS_MAX, TimeUnit.SECONDS) || !done.isSuccess()) {
        throw new IllegalStateException("TLS handshake with port " + port + " failed", done.cause());
      }
      SSLSession session = ssl[0].engine().getSession();
      channel.close().sync();
      return session;
    } finally {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
  }
}

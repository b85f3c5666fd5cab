package org.xinlian.network;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.jsse.BCSSLParameters;
import org.bouncycastle.jsse.BCSSLSocket;
import org.bouncycastle.jsse.provider.BouncyCastleJsseProvider;

/**
 * Plain TLS client sockets that speak a chain's TLS, as an attacker's or a foreign tool's would:
 * the JDK's TLS 1.3 on standard chains, BouncyCastle's RFC 8998 TLS 1.3 on gm chains. They trust
 * every server and present {@code credentials}' transport certificate, or none.
 */
final class SuiteTlsSockets {
  private SuiteTlsSockets() {}

  static SSLContext context(String suite, NodeCredentials credentials)
      throws GeneralSecurityException {
    boolean gm = "gm".equals(suite);
    SSLContext context = gm
        ? SSLContext.getInstance("TLS", new BouncyCastleJsseProvider(new BouncyCastleProvider()))
        : SSLContext.getInstance("TLSv1.3");
    KeyManager[] keys = null;
    if (credentials != null) {
      keys = new KeyManager[] {gm
          ? org.xinlian.crypto.CryptoSuites.rfc8998Tls().keyManager(credentials.transportKey(),
              List.of(credentials.transportCertificate()))
          : new TransportKeyManager(credentials.transportKey(), credentials.transportCertificate())};
    }
    context.init(keys, new TrustManager[] {new NettyHandshakeTest.TrustEverything()},
        new SecureRandom());
    return context;
  }

  /** Limits {@code socket} to TLS 1.3 and, on gm chains, to RFC 8998's suite, scheme and group. */
  static SSLSocket restrict(String suite, SSLSocket socket) {
    if ("gm".equals(suite)) {
      BCSSLSocket bc = (BCSSLSocket) socket;
      BCSSLParameters parameters = bc.getParameters();
      parameters.setProtocols(new String[] {GmTls.PROTOCOL});
      parameters.setCipherSuites(new String[] {GmTls.CIPHER_SUITE});
      parameters.setNamedGroups(new String[] {GmTls.NAMED_GROUP});
      parameters.setSignatureSchemes(new String[] {GmTls.SIGNATURE_SCHEME});
      bc.setParameters(parameters);
    } else {
      socket.setEnabledProtocols(new String[] {"TLSv1.3"});
    }
    return socket;
  }
}

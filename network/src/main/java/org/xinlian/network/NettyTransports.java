package org.xinlian.network;

import java.security.SecureRandom;
import org.xinlian.common.Clock;
import org.xinlian.common.RandomSource;

/** Builds the TLS-over-TCP transport; the implementation and its Netty types stay inside. */
public final class NettyTransports {
  private NettyTransports() {}

  /**
   * A transport that is not yet started.
   *
   * @param clock the time certificates are checked against
   * @param jitter randomness for reconnect jitter (a seeded source replays a run)
   * @param nonces entropy for handshake nonces, which must be unpredictable
   * @throws IllegalArgumentException when the node certificate does not certify the node key
   */
  public static SocketTransport create(
      NetworkConfig config,
      NodeCredentials credentials,
      Clock clock,
      RandomSource jitter,
      SecureRandom nonces,
      MessageHandler handler) {
    if (!credentials.suite().certificatePublicKey(credentials.nodeCertificate())
        .equals(credentials.nodeKey().publicKey())) {
      throw new IllegalArgumentException(
          "nodeCredentials.nodeCertificate: does not certify the node key");
    }
    return new NettyTransport(config, credentials, clock, jitter, nonces, handler);
  }
}

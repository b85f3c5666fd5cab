package org.xinlian.network;

import java.util.List;
import java.util.Set;

/**
 * Where a node listens, whom it dials and whom it admits.
 *
 * @param listenHost address to bind, such as {@code 127.0.0.1} or {@code 0.0.0.0}
 * @param listenPort port to bind; 0 picks a free one (tests)
 * @param staticPeers peers dialed at start and redialed with backoff whenever disconnected
 * @param allowedPeers node ids admitted; empty admits any node the consortium CA certified. A
 *     consortium lists its members here so that a certificate issued by mistake or to a departed
 *     member cannot join.
 * @param limits queue, frame and timing bounds
 */
public record NetworkConfig(
    String listenHost,
    int listenPort,
    List<PeerAddress> staticPeers,
    Set<NodeId> allowedPeers,
    TransportLimits limits) {
  public NetworkConfig {
    if (listenHost == null || listenHost.isBlank()) {
      throw new IllegalArgumentException("networkConfig.listenHost: required");
    }
    if (listenPort < 0 || listenPort > 65_535) {
      throw new IllegalArgumentException("networkConfig.listenPort: must be in [0, 65535]");
    }
    staticPeers = List.copyOf(staticPeers);
    allowedPeers = Set.copyOf(allowedPeers);
    if (limits == null) {
      throw new IllegalArgumentException("networkConfig.limits: required");
    }
  }
}

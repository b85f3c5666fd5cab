package org.xinlian.network;

import java.util.Map;

/**
 * A snapshot of a transport's counters since it started; the node exports them (peers, traffic,
 * drops, refused handshakes by reason) so operators see an attack or a misconfigured peer.
 *
 * @param peers peers connected now
 * @param messagesIn application messages delivered to the handler
 * @param bytesIn frame bytes of those messages
 * @param messagesOut application messages written to peers
 * @param bytesOut frame bytes of those messages
 * @param droppedOutbound messages not sent because the peer's outbound queue was full or the
 *     connection closed before they were written
 * @param droppedInbound inbound frames dropped as oversized or malformed
 * @param disconnectedForInvalidFrames connections closed because the peer kept sending bad frames
 * @param refusedHandshakes connections refused before authentication, all reasons together
 * @param refusals refused handshakes by reason (reasons never seen are absent)
 * @param inboundHandshakes inbound connections in their TLS or node handshake now, against
 *     {@link TransportLimits#handshakesMax()}
 */
public record TransportMetrics(
    int peers,
    long messagesIn,
    long bytesIn,
    long messagesOut,
    long bytesOut,
    long droppedOutbound,
    long droppedInbound,
    long disconnectedForInvalidFrames,
    long refusedHandshakes,
    Map<RefusalReason, Long> refusals,
    int inboundHandshakes) {
  public TransportMetrics {
    refusals = Map.copyOf(refusals);
  }

  /** Metrics of a transport without an inbound handshake budget (a simulated one, a test's). */
  public TransportMetrics(int peers, long messagesIn, long bytesIn, long messagesOut,
      long bytesOut, long droppedOutbound, long droppedInbound, long disconnectedForInvalidFrames,
      long refusedHandshakes, Map<RefusalReason, Long> refusals) {
    this(peers, messagesIn, bytesIn, messagesOut, bytesOut, droppedOutbound, droppedInbound,
        disconnectedForInvalidFrames, refusedHandshakes, refusals, 0);
  }

  /** Refusals for one reason, zero when none happened. */
  public long refusals(RefusalReason reason) {
    return refusals.getOrDefault(reason, 0L);
  }
}

package org.xinlian.network;

import java.util.EnumSet;
import java.util.Set;
import org.xinlian.common.Clock;

/**
 * The log lines of refused connections (NETWORK-5): at most one per reason per {@link
 * TransportLimits#refusalLogIntervalMillis()}, each saying how many were held back before it.
 * What a flood or a scanner causes is logged at INFO; what an operator must fix (certificates,
 * membership, a peer pointing at itself, a full peer table) at WARNING. The counters in {@link
 * TransportMetrics} count every refusal; only the log is thinned.
 */
final class RefusalLog {
  private static final System.Logger LOG = System.getLogger(RefusalLog.class.getName());

  /** Longest refusal detail written to the log: a peer's garbage is echoed in some TLS errors. */
  static final int DETAIL_CHARACTERS_MAX = 300;

  /** Reasons an operator must act on; the others are what hostile or broken clients cause. */
  static final Set<RefusalReason> NEED_ATTENTION = EnumSet.of(
      RefusalReason.TRANSPORT_UNKNOWN_ISSUER, RefusalReason.TRANSPORT_EXPIRED,
      RefusalReason.TRANSPORT_NOT_YET_VALID, RefusalReason.TRANSPORT_INVALID,
      RefusalReason.NODE_UNKNOWN_ISSUER, RefusalReason.NODE_EXPIRED,
      RefusalReason.NODE_NOT_YET_VALID, RefusalReason.NODE_INVALID, RefusalReason.NOT_ALLOWED,
      RefusalReason.INVALID_PROOF, RefusalReason.SELF_CONNECTION, RefusalReason.PEER_LIMIT);

  /** Throttle key of connections the other side closed during the node handshake. */
  private static final String CLOSED_IN_HANDSHAKE = "closed in handshake";

  private final LogThrottle<Object> throttle;

  RefusalLog(Clock clock, long intervalMillis) {
    this.throttle = new LogThrottle<>(clock, intervalMillis);
  }

  static System.Logger.Level level(RefusalReason reason) {
    return NEED_ATTENTION.contains(reason) ? System.Logger.Level.WARNING : System.Logger.Level.INFO;
  }

  /** Logs a refusal unless one of its reason was logged less than the interval ago. */
  void refused(NodeId local, RefusalReason reason, boolean dialed, Object remote, String detail) {
    System.Logger.Level level = level(reason);
    if (!LOG.isLoggable(level)) {
      return;
    }
    long suppressed = throttle.admit(reason);
    if (suppressed == LogThrottle.SUPPRESS) {
      return;
    }
    LOG.log(level, "P2P {0} refused ({1}) {2} {3}: {4}{5}", local, reason,
        dialed ? "dialing" : "from", remote, shorten(detail), suppressedNote(suppressed));
  }

  /**
   * Logs a connection the other side closed during the node handshake: on a dialed connection the
   * peer probably refused this node (its log says why), which operators want to see; on an
   * accepted one it is what clients that give up do, so only at DEBUG.
   */
  void closedInHandshake(NodeId local, boolean dialed, Object remote) {
    System.Logger.Level level = dialed ? System.Logger.Level.INFO : System.Logger.Level.DEBUG;
    if (!LOG.isLoggable(level)) {
      return;
    }
    long suppressed = throttle.admit(CLOSED_IN_HANDSHAKE);
    if (suppressed == LogThrottle.SUPPRESS) {
      return;
    }
    LOG.log(level, "P2P {0}: connection {1} {2} closed by the other side during the node"
        + " handshake (it may have refused this node; its log says why){3}", local,
        dialed ? "to" : "from", remote, suppressedNote(suppressed));
  }

  static String shorten(String detail) {
    String text = String.valueOf(detail);
    return text.length() <= DETAIL_CHARACTERS_MAX
        ? text : text.substring(0, DETAIL_CHARACTERS_MAX) + "...";
  }

  private static String suppressedNote(long suppressed) {
    return suppressed == 0 ? "" : " (and " + suppressed + " more like it since the last such line)";
  }
}

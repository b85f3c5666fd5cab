package org.xinlian.network;

import java.util.HashSet;
import java.util.Set;

/**
 * Whom a transport admits at the handshake now (NETWORK-4, NETWORK-22): the configured allowed set
 * grown by {@link SocketTransport#allowPeers}, and the ids {@link SocketTransport#revokePeers}
 * revoked, which are refused whatever the allowed set says. Each set is replaced whole under the
 * lock and read without it at every handshake.
 */
final class PeerMembership {
  /** An empty configured set admits every certified node; listing some would exclude the rest. */
  private final boolean everyCertifiedNode;
  private volatile Set<NodeId> admitted;
  private volatile Set<NodeId> revoked = Set.of();

  PeerMembership(Set<NodeId> configured) {
    this.everyCertifiedNode = configured.isEmpty();
    this.admitted = Set.copyOf(configured);
  }

  /**
   * Admits {@code peers} and lifts their revocation; returns whether any of them was revoked (its
   * dialers may then dial again).
   */
  synchronized boolean allow(Set<NodeId> peers) {
    Set<NodeId> copy = Set.copyOf(peers);
    if (!everyCertifiedNode) {
      Set<NodeId> grown = new HashSet<>(admitted);
      grown.addAll(copy);
      admitted = Set.copyOf(grown);
    }
    Set<NodeId> left = new HashSet<>(revoked);
    boolean lifted = left.removeAll(copy);
    revoked = Set.copyOf(left);
    return lifted;
  }

  /** Refuses {@code peers} from now on, until {@link #allow} admits them again. */
  synchronized void revoke(Set<NodeId> peers) {
    Set<NodeId> grown = new HashSet<>(revoked);
    grown.addAll(peers);
    revoked = Set.copyOf(grown);
  }

  /** The ids admitted now; empty means every certified node (NetworkConfig#allowedPeers). */
  Set<NodeId> admitted() {
    return admitted;
  }

  Set<NodeId> revoked() {
    return revoked;
  }
}

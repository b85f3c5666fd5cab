package org.xinlian.node.consensus;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.xinlian.common.Address;
import org.xinlian.execution.governance.GovernanceRecords;
import org.xinlian.execution.governance.NodeRole;
import org.xinlian.execution.governance.ValidatorEpoch;
import org.xinlian.execution.governance.ValidatorHistory;
import org.xinlian.network.NodeId;
import org.xinlian.network.SocketTransport;

/**
 * P2P membership that follows governance on a permissioned chain (docs/spec/governance.md GOV-14,
 * docs/spec/node.md NODE-23): after each commit, the nodes governance lists as validators or
 * observers, and every validator still voting, are admitted; removed nodes that no longer vote
 * are revoked (docs/spec/network.md NETWORK-22). A removed validator keeps voting until the epoch
 * without it activates (docs/adr/0009, CONSENSUS-16), so it is revoked only from that height; a
 * removed observer from the block that executed its removal. Calls run on the committing thread.
 */
final class GovernedMembership {
  private static final System.Logger LOG = System.getLogger(GovernedMembership.class.getName());

  /**
   * Whom P2P admits and revokes from a height on.
   *
   * @param admitted nodes with role validator or observer, and the validators of every epoch that
   *     governs the height or a later one
   * @param revoked removed nodes outside those epochs; disjoint from {@code admitted}
   */
  record Sets(Set<Address> admitted, Set<Address> revoked) {
    Sets {
      admitted = Set.copyOf(admitted);
      revoked = Set.copyOf(revoked);
    }
  }

  private final SocketTransport transport;
  private final Address self;
  private Sets applied = new Sets(Set.of(), Set.of());
  /** Whether this node's own removal was logged; a node added again may be removed again. */
  private boolean selfRemovalLogged;

  GovernedMembership(SocketTransport transport, Address self) {
    this.transport = transport;
    this.self = self;
  }

  /**
   * The membership from {@code nextHeight} on (the committed head + 1) given the head state's
   * governance {@code nodes} and validator {@code epochs} (oldest first, as
   * {@link ValidatorHistory#epochs()}).
   */
  static Sets compute(List<GovernanceRecords.Node> nodes, List<ValidatorEpoch> epochs, long nextHeight) {
    // The epoch governing nextHeight is the last one activated by then (ValidatorHistory#at).
    int current = 0;
    for (int i = 0; i < epochs.size(); i++) {
      if (epochs.get(i).activationHeight() <= nextHeight) {
        current = i;
      }
    }
    Set<Address> voting = new HashSet<>();
    for (int i = current; i < epochs.size(); i++) {
      voting.addAll(epochs.get(i).validators());
    }
    Set<Address> admitted = new HashSet<>(voting);
    Set<Address> revoked = new HashSet<>();
    for (GovernanceRecords.Node node : nodes) {
      if (node.role() == NodeRole.REMOVED) {
        if (!voting.contains(node.node())) {
          revoked.add(node.node());
        }
      } else {
        admitted.add(node.node());
      }
    }
    return new Sets(admitted, revoked);
  }

  /**
   * Applies {@link #compute}'s membership to the transport, when it changed: admits
   * the admitted set (which lifts earlier revocations of it) and revokes the newly revoked.
   */
  synchronized void update(List<GovernanceRecords.Node> nodes, List<ValidatorEpoch> epochs, long nextHeight) {
    Sets next = compute(nodes, epochs, nextHeight);
    noteOwnRemoval(next);
    if (next.equals(applied)) {
      return;
    }
    if (!next.admitted().equals(applied.admitted())) {
      transport.allowPeers(ids(next.admitted()));
    }
    Set<Address> newlyRevoked = new HashSet<>(next.revoked());
    newlyRevoked.removeAll(applied.revoked());
    newlyRevoked.remove(self);
    if (!newlyRevoked.isEmpty()) {
      transport.revokePeers(ids(newlyRevoked));
    }
    LOG.log(System.Logger.Level.INFO, "P2P membership from height {0}: {1} nodes admitted by governance,"
        + " revoked {2}", Long.toString(nextHeight), next.admitted().size(), sorted(next.revoked()));
    applied = next;
  }

  private void noteOwnRemoval(Sets next) {
    boolean removed = next.revoked().contains(self);
    if (removed && !selfRemovalLogged) {
      LOG.log(System.Logger.Level.WARNING, "governance removed this node {0}: the other nodes drop it"
          + " from P2P; it keeps running but follows no one until governance adds it again", self);
    }
    selfRemovalLogged = removed;
  }

  /** The sets applied last (tests). */
  synchronized Sets applied() {
    return applied;
  }

  private static Set<NodeId> ids(Set<Address> addresses) {
    return addresses.stream().map(NodeId::new).collect(Collectors.toSet());
  }

  private static List<Address> sorted(Set<Address> addresses) {
    return addresses.stream().sorted().toList();
  }
}

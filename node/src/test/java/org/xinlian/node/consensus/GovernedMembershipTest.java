package org.xinlian.node.consensus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.xinlian.common.Address;
import org.xinlian.execution.governance.GovernanceRecords.Node;
import org.xinlian.execution.governance.NodeRole;
import org.xinlian.execution.governance.ValidatorEpoch;
import org.xinlian.execution.governance.ValidatorHistory;
import org.xinlian.network.NodeId;
import org.xinlian.network.PeerAddress;
import org.xinlian.network.SocketTransport;
import org.xinlian.network.TransportMetrics;

/**
 * The membership a permissioned node applies to P2P after each commit (docs/spec/node.md NODE-23,
 * docs/spec/governance.md GOV-14): who is admitted and who is revoked from which height, and that
 * the transport hears only of changes. The transport is a recording double; {@code
 * BftGovernedMembershipTest} runs the same on real nodes.
 */
class GovernedMembershipTest {
  private static final Address A = address(0xa);
  private static final Address B = address(0xb);
  private static final Address C = address(0xc);
  private static final Address OBSERVER = address(0xd);

  private static Address address(int last) {
    byte[] bytes = new byte[Address.LENGTH];
    bytes[Address.LENGTH - 1] = (byte) last;
    return Address.wrap(bytes);
  }

  /** The genesis set {A, B} from height 1, then {@code later}. */
  private static List<ValidatorEpoch> history(ValidatorEpoch... later) {
    List<ValidatorEpoch> epochs = new ArrayList<>(ValidatorHistory.genesis(List.of(A, B)).epochs());
    epochs.addAll(List.of(later));
    return epochs;
  }

  /** An observer is admitted while listed, and revoked from the block that executed its removal. */
  @Test
  void anObserverIsAdmittedThenRevokedAtTheRemoval() {
    List<ValidatorEpoch> genesis = history();
    assertEquals(new GovernedMembership.Sets(Set.of(A, B, OBSERVER), Set.of()), GovernedMembership.compute(
        List.of(new Node(A, "org1", NodeRole.VALIDATOR), new Node(B, "org1", NodeRole.VALIDATOR),
            new Node(OBSERVER, "org2", NodeRole.OBSERVER)), genesis, 5));
    assertEquals(new GovernedMembership.Sets(Set.of(A, B), Set.of(OBSERVER)), GovernedMembership.compute(
        List.of(new Node(A, "org1", NodeRole.VALIDATOR), new Node(B, "org1", NodeRole.VALIDATOR),
            new Node(OBSERVER, "org2", NodeRole.REMOVED)), genesis, 6));
  }

  /**
   * A validator removed at height 10 (the epoch without it governs from 12, CONSENSUS-16) stays
   * admitted for height 11, which it still votes on, and is revoked from 12.
   */
  @Test
  void aRemovedValidatorIsRevokedFromTheActivationOfTheEpochWithoutIt() {
    List<ValidatorEpoch> history = history(new ValidatorEpoch(1, 12, List.of(A)));
    List<Node> nodes = List.of(new Node(A, "org1", NodeRole.VALIDATOR), new Node(B, "org1", NodeRole.REMOVED));
    assertEquals(new GovernedMembership.Sets(Set.of(A, B), Set.of()), GovernedMembership.compute(nodes, history, 11));
    assertEquals(new GovernedMembership.Sets(Set.of(A), Set.of(B)), GovernedMembership.compute(nodes, history, 12));
    assertEquals(new GovernedMembership.Sets(Set.of(A), Set.of(B)), GovernedMembership.compute(nodes, history, 40));
  }

  /**
   * A validator added is admitted at once (by its role and its coming epoch); one that voted in a
   * superseded epoch only and was then removed is revoked; one re-added after a removal is
   * admitted again.
   */
  @Test
  void addedValidatorsAreAdmittedAndSupersededRemovedOnesRevoked() {
    List<ValidatorEpoch> history = history(new ValidatorEpoch(1, 12, List.of(A)),
        new ValidatorEpoch(2, 30, List.of(A, C)));
    assertEquals(new GovernedMembership.Sets(Set.of(A, C), Set.of(B)), GovernedMembership.compute(
        List.of(new Node(A, "org1", NodeRole.VALIDATOR), new Node(B, "org1", NodeRole.REMOVED),
            new Node(C, "org2", NodeRole.VALIDATOR)), history, 29));
    assertEquals(new GovernedMembership.Sets(Set.of(A, B, C), Set.of()), GovernedMembership.compute(
        List.of(new Node(A, "org1", NodeRole.VALIDATOR), new Node(B, "org1", NodeRole.OBSERVER),
            new Node(C, "org2", NodeRole.VALIDATOR)), history, 29));
  }

  /**
   * The transport hears of a change once: nothing while the sets stay, the new admitted set when
   * it grows, only the newly revoked when a node is removed, never this node itself, and the
   * admitted set again (which lifts the revocation) when a removed node is added back.
   */
  @Test
  void theTransportHearsOnlyOfChanges() {
    RecordingTransport transport = new RecordingTransport();
    GovernedMembership membership = new GovernedMembership(transport, A);
    List<ValidatorEpoch> genesis = history();
    List<Node> start = List.of(new Node(A, "org1", NodeRole.VALIDATOR), new Node(B, "org1", NodeRole.VALIDATOR));
    membership.update(start, genesis, 1);
    membership.update(start, genesis, 2);
    assertEquals(List.of(ids(A, B)), transport.allowed);
    List<Node> withObserver = List.of(start.get(0), start.get(1), new Node(OBSERVER, "org2", NodeRole.OBSERVER));
    membership.update(withObserver, genesis, 3);
    membership.update(withObserver, genesis, 4);
    assertEquals(List.of(ids(A, B), ids(A, B, OBSERVER)), transport.allowed);
    List<Node> removed = List.of(start.get(0), start.get(1), new Node(OBSERVER, "org2", NodeRole.REMOVED));
    membership.update(removed, genesis, 5);
    membership.update(removed, genesis, 6);
    assertEquals(List.of(ids(OBSERVER)), transport.revoked);
    assertEquals(3, transport.allowed.size(), "the admitted set shrank: told again, revocation does the rest");
    membership.update(List.of(new Node(A, "org1", NodeRole.REMOVED), start.get(1), removed.get(2)),
        history(new ValidatorEpoch(1, 7, List.of(B))), 7);
    assertEquals(List.of(ids(OBSERVER)), transport.revoked, "this node never revokes itself");
    membership.update(withObserver, genesis, 8);
    assertEquals(ids(A, B, OBSERVER), transport.allowed.get(transport.allowed.size() - 1));
    assertEquals(new GovernedMembership.Sets(Set.of(A, B, OBSERVER), Set.of()), membership.applied());
  }

  private static Set<NodeId> ids(Address... addresses) {
    return java.util.Arrays.stream(addresses).map(NodeId::new).collect(java.util.stream.Collectors.toSet());
  }

  /** Records membership calls; the rest of a transport is not used here. */
  private static final class RecordingTransport implements SocketTransport {
    final List<Set<NodeId>> allowed = new ArrayList<>();
    final List<Set<NodeId>> revoked = new ArrayList<>();

    @Override
    public void allowPeers(Set<NodeId> peers) {
      allowed.add(Set.copyOf(peers));
    }

    @Override
    public void revokePeers(Set<NodeId> peers) {
      revoked.add(Set.copyOf(peers));
    }

    @Override
    public InetSocketAddress listenAddress() {
      throw new UnsupportedOperationException();
    }

    @Override
    public void addPeer(PeerAddress address) {
      throw new UnsupportedOperationException();
    }

    @Override
    public NodeId localId() {
      return new NodeId(A);
    }

    @Override
    public void start() {
      throw new UnsupportedOperationException();
    }

    @Override
    public boolean send(NodeId peer, int channel, byte[] payload) {
      throw new UnsupportedOperationException();
    }

    @Override
    public int broadcast(int channel, byte[] payload) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Set<NodeId> connectedPeers() {
      return Set.of();
    }

    @Override
    public TransportMetrics metrics() {
      throw new UnsupportedOperationException();
    }

    @Override
    public void close() {}
  }
}

package org.xinlian.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Revocation (NETWORK-22, for docs/spec/governance.md GOV-14: P2P drops a node governance
 * removed): a revoked peer is disconnected, its redials are refused with {@code REVOKED} whatever
 * the allowed set says, a static peer it was is no longer dialed, and {@code allowPeers} admits it
 * again. Real sockets, both suites.
 */
class NettyRevocationTest {
  /**
   * Longer than several redials with {@link NettyNodes#LIMITS} (backoff 50 to 500 ms): a dialer
   * that kept dialing would be seen within it.
   */
  private static final long QUIET_MILLIS = 1_500;

  private final NettyNodes nodes = new NettyNodes();
  private final RecordingHandler listenerHandler = new RecordingHandler();
  private final RecordingHandler peerHandler = new RecordingHandler();

  @AfterEach
  void close() {
    nodes.close();
  }

  /**
   * A connected member the configuration allows is revoked: both sides see it disconnected, each
   * of its redials is refused with REVOKED (counted, the connection never active), and after
   * {@code allowPeers} its next redial connects.
   */
  @ParameterizedTest
  @ValueSource(strings = {"standard", "gm"})
  void aRevokedPeerIsDisconnectedRefusedAndAdmittedAgain(String suite) {
    TestPki pki = new TestPki(suite, "consortium");
    NodeCredentials member = pki.node("member");
    NettyTransport listener = nodes.start(pki.node("listener"), listenerHandler,
        Set.of(member.nodeId()), NettyNodes.LIMITS, 0);
    NettyTransport peer = nodes.start(member, peerHandler);
    peer.addPeer(NettyNodes.addressOf(listener));
    Await.until("connected", () -> listener.connectedPeers().equals(Set.of(member.nodeId())));

    listener.revokePeers(Set.of(member.nodeId()));
    // The handler hears of the disconnection on the event loop, after the peer table changed.
    Await.until("disconnected on both sides", () -> listener.connectedPeers().isEmpty()
        && peer.connectedPeers().isEmpty() && !listenerHandler.disconnected.isEmpty());
    assertEquals(List.of(member.nodeId()), List.copyOf(listenerHandler.disconnected));
    Await.until("two redials refused as revoked",
        () -> listener.metrics().refusals(RefusalReason.REVOKED) >= 2);
    assertEquals(Set.of(RefusalReason.REVOKED), listener.metrics().refusals().keySet());
    assertEquals(1, listenerHandler.connected.size(), "no redial became active");
    assertTrue(listener.allowedPeers().contains(member.nodeId()), "the configured set is unchanged");

    listener.allowPeers(Set.of(member.nodeId()));
    Await.until("admitted again on a redial",
        () -> listener.connectedPeers().equals(Set.of(member.nodeId())));
    assertTrue(listener.revokedPeers().isEmpty());
  }

  /** Revocation wins over a configuration that admits every certified node, and works before start. */
  @ParameterizedTest
  @ValueSource(strings = {"standard", "gm"})
  void revocationWinsOverAdmittingEveryCertifiedNode(String suite) {
    TestPki pki = new TestPki(suite, "consortium");
    NodeCredentials removed = pki.node("removed");
    NettyTransport listener = new NettyTransport(new NetworkConfig("127.0.0.1", 0, List.of(),
        Set.of(), NettyNodes.LIMITS), pki.node("listener"), org.xinlian.common.Clock.system(),
        org.xinlian.common.RandomSource.seeded(7), new java.security.SecureRandom(), listenerHandler);
    listener.revokePeers(Set.of(removed.nodeId()));
    listener.start();
    try {
      NettyTransport peer = nodes.start(removed, peerHandler);
      peer.addPeer(NettyNodes.addressOf(listener));
      NodeCredentials other = pki.node("other");
      NettyTransport otherPeer = nodes.start(other, new RecordingHandler());
      otherPeer.addPeer(NettyNodes.addressOf(listener));
      Await.until("the revoked node refused, another admitted",
          () -> listener.metrics().refusals(RefusalReason.REVOKED) >= 1
              && listener.connectedPeers().equals(Set.of(other.nodeId())));
      assertTrue(peerHandler.connected.isEmpty(), "the refused side never saw a connection");
      assertTrue(listener.allowedPeers().isEmpty(), "still every certified node but the revoked");
    } finally {
      listener.close();
    }
  }

  /**
   * A static peer this node dialed and then revoked is not dialed again (the revoked node does
   * not dial here, so nothing would reconnect them), until {@code allowPeers} admits it.
   */
  @ParameterizedTest
  @ValueSource(strings = {"standard", "gm"})
  void aRevokedStaticPeerIsNotRedialedUntilAdmittedAgain(String suite) throws Exception {
    TestPki pki = new TestPki(suite, "consortium");
    NodeCredentials member = pki.node("member");
    NettyTransport dialer = nodes.start(pki.node("dialer"), listenerHandler,
        Set.of(member.nodeId()), NettyNodes.LIMITS, 0);
    NettyTransport peer = nodes.start(member, peerHandler);
    dialer.addPeer(NettyNodes.addressOf(peer));
    Await.until("connected", () -> dialer.connectedPeers().equals(Set.of(member.nodeId())));

    dialer.revokePeers(Set.of(member.nodeId()));
    Await.until("disconnected", () -> dialer.connectedPeers().isEmpty() && peer.connectedPeers().isEmpty());
    Thread.sleep(QUIET_MILLIS);
    assertEquals(0, dialer.metrics().refusedHandshakes(), "the revoked static peer was dialed again");
    assertEquals(1, peerHandler.connected.size());

    dialer.allowPeers(Set.of(member.nodeId()));
    Await.until("dialed and connected again", () -> dialer.connectedPeers().equals(Set.of(member.nodeId())));
  }

  /**
   * A static peer revoked before this node ever reached it: the first dial learns who answers,
   * refuses it with REVOKED and stops dialing that address, until {@code allowPeers}.
   */
  @ParameterizedTest
  @ValueSource(strings = {"standard", "gm"})
  void aDialThatMeetsARevokedPeerStopsDialingIt(String suite) throws Exception {
    TestPki pki = new TestPki(suite, "consortium");
    NodeCredentials member = pki.node("member");
    NettyTransport dialer = nodes.start(pki.node("dialer"), listenerHandler);
    dialer.revokePeers(Set.of(member.nodeId()));
    NettyTransport peer = nodes.start(member, peerHandler);
    dialer.addPeer(NettyNodes.addressOf(peer));
    Await.until("the first dial refused", () -> dialer.metrics().refusals(RefusalReason.REVOKED) == 1);
    Thread.sleep(QUIET_MILLIS);
    assertEquals(1, dialer.metrics().refusals(RefusalReason.REVOKED), "dialed again while revoked");
    assertTrue(dialer.connectedPeers().isEmpty() && peerHandler.connected.isEmpty());

    dialer.allowPeers(Set.of(member.nodeId()));
    Await.until("connected once admitted", () -> dialer.connectedPeers().equals(Set.of(member.nodeId())));
  }
}

package org.xinlian.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Certificate revocation and rotation at the handshake (OPS-36, OPS-38): once the listener's
 * revocation lists name a connected peer's node or TLS certificate, that peer's next connection
 * is refused with {@code NODE_REVOKED} or {@code TRANSPORT_REVOKED}, without restarting the
 * listener; the same node with newly issued certificates (rotation) is admitted under its same
 * id. Real sockets, both suites.
 */
class NettyCertificateRevocationTest {
  private static final Duration YEAR = Duration.ofDays(365);

  private final NettyNodes nodes = new NettyNodes();
  private final RecordingHandler listenerHandler = new RecordingHandler();

  @AfterEach
  void close() {
    nodes.close();
  }

  private static NodeCredentials withRevocations(NodeCredentials credentials,
      CertificateRevocations revocations) {
    return new NodeCredentials(credentials.suite(), credentials.nodeKey(),
        credentials.nodeCertificate(), credentials.consortiumAuthorities(),
        credentials.transportKey(), credentials.transportCertificate(),
        credentials.transportAuthorities(), revocations);
  }

  private static void connect(NettyTransport listener, NodeCredentials peer, NettyTransport dialer) {
    dialer.addPeer(NettyNodes.addressOf(listener));
    Await.until("connected", () -> listener.connectedPeers().contains(peer.nodeId()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"standard", "gm"})
  void aRevokedNodeCertificateIsRefusedAtReconnectionAndARotatedOneAdmitted(String suite) {
    TestPki pki = new TestPki(suite, "consortium");
    CertificateRevocations revocations = CertificateRevocations.none();
    NettyTransport listener = nodes.start(withRevocations(pki.node("listener"), revocations),
        listenerHandler);
    NodeCredentials peer = pki.node("peer");
    NettyTransport first = nodes.start(peer, new RecordingHandler());
    connect(listener, peer, first);

    // The organisation revokes the peer's node certificate; the listener reloads its lists.
    revocations.replace(Set.of(new CertificateRevocations.Revoked(
        peer.nodeCertificate().getIssuerX500Principal(), peer.nodeCertificate().getSerialNumber())),
        Set.of());
    first.close();
    Await.until("disconnected", () -> listener.connectedPeers().isEmpty());
    NettyTransport again = nodes.start(peer, new RecordingHandler());
    again.addPeer(NettyNodes.addressOf(listener));
    Await.until("NODE_REVOKED counted",
        () -> listener.metrics().refusals(RefusalReason.NODE_REVOKED) >= 1);
    assertEquals(Set.of(RefusalReason.NODE_REVOKED), listener.metrics().refusals().keySet());
    assertTrue(listener.connectedPeers().isEmpty());
    again.close();

    // Rotation: the same node key with a newly issued certificate (another serial) is admitted.
    NodeCredentials rotated = pki.node("peer", keyOf(pki, peer), pki, pki.now.minus(YEAR),
        pki.now.plus(YEAR), pki, pki.now.minus(YEAR), pki.now.plus(YEAR));
    assertEquals(peer.nodeId(), rotated.nodeId());
    NettyTransport renewed = nodes.start(rotated, new RecordingHandler());
    connect(listener, rotated, renewed);
  }

  @ParameterizedTest
  @ValueSource(strings = {"standard", "gm"})
  void aRevokedTlsCertificateIsRefusedAtReconnection(String suite) {
    TestPki pki = new TestPki(suite, "consortium");
    CertificateRevocations revocations = CertificateRevocations.none();
    NettyTransport listener = nodes.start(withRevocations(pki.node("listener"), revocations),
        listenerHandler);
    NodeCredentials peer = pki.node("peer");
    NettyTransport first = nodes.start(peer, new RecordingHandler());
    connect(listener, peer, first);

    revocations.replace(Set.of(), Set.of(new CertificateRevocations.Revoked(
        peer.transportCertificate().getIssuerX500Principal(),
        peer.transportCertificate().getSerialNumber())));
    first.close();
    Await.until("disconnected", () -> listener.connectedPeers().isEmpty());
    NettyTransport again = nodes.start(peer, new RecordingHandler());
    again.addPeer(NettyNodes.addressOf(listener));
    Await.until("TRANSPORT_REVOKED counted",
        () -> listener.metrics().refusals(RefusalReason.TRANSPORT_REVOKED) >= 1);
    assertEquals(Set.of(RefusalReason.TRANSPORT_REVOKED), listener.metrics().refusals().keySet());
    assertTrue(listener.connectedPeers().isEmpty());
  }

  /** The in-memory key pair behind test credentials, for issuing the same node new certificates. */
  private static org.xinlian.crypto.KeyPair keyOf(TestPki pki, NodeCredentials credentials) {
    return pki.keyPairs.get(credentials.nodeId());
  }
}

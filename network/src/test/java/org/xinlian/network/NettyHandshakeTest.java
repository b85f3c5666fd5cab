package org.xinlian.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedTrustManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xinlian.crypto.KeyPair;

/**
 * Admission at the handshake, on both suites (NETWORK-2..5, NETWORK-15): each refusal is counted
 * under its precise reason by the node that refused, and neither side ever reports the other as
 * connected.
 */
class NettyHandshakeTest {
  private static final Duration DAY = Duration.ofDays(1);

  private final NettyNodes nodes = new NettyNodes();
  private TestPki pki;
  private final RecordingHandler listenerHandler = new RecordingHandler();
  private final RecordingHandler dialerHandler = new RecordingHandler();

  @AfterEach
  void close() {
    nodes.close();
  }

  private NettyTransport listener(String suite) {
    pki = new TestPki(suite, "consortium");
    return nodes.start(pki.node("listener"), listenerHandler);
  }

  /** Dials {@code listener} with {@code credentials} and waits for the listener's refusal. */
  private void assertRefused(NettyTransport listener, NodeCredentials credentials,
      RefusalReason reason) {
    NettyTransport dialer = nodes.start(credentials, dialerHandler);
    dialer.addPeer(NettyNodes.addressOf(listener));
    Await.until(reason + " counted", () -> listener.metrics().refusals(reason) >= 1);
    assertEquals(Set.of(reason), listener.metrics().refusals().keySet());
    assertTrue(listener.connectedPeers().isEmpty());
    assertTrue(dialer.connectedPeers().isEmpty());
    assertTrue(listenerHandler.connected.isEmpty() && dialerHandler.connected.isEmpty(),
        "no side reported the other as connected");
  }

  private KeyPair freshKey() {
    return pki.suite.generateKeyPair(pki.random);
  }

  @ParameterizedTest
  @ValueSource(strings = {"standard", "gm"})
  void aCertifiedNodeIsAdmittedUnderItsNodeId(String suite) {
    NettyTransport listener = listener(suite);
    NodeCredentials credentials = pki.node("dialer");
    NettyTransport dialer = nodes.start(credentials, dialerHandler);
    dialer.addPeer(NettyNodes.addressOf(listener));
    Await.until("connected", () -> listener.connectedPeers().equals(Set.of(credentials.nodeId()))
        && dialer.connectedPeers().equals(Set.of(listener.localId())));
    // NETWORK-1: the id is the suite address of the key the node certificate certifies.
    assertEquals(new NodeId(pki.suite.address(credentials.nodeKey().publicKey())), dialer.localId());
    dialer.send(listener.localId(), 1, new byte[] {9});
    Await.until("delivered", () -> !listenerHandler.messages.isEmpty());
    assertEquals(credentials.nodeId(), listenerHandler.messages.peek().peer());
    assertEquals(0, listener.metrics().refusedHandshakes());
  }

  @ParameterizedTest
  @ValueSource(strings = {"standard", "gm"})
  void aPeerWithoutATlsCertificateIsRefused(String suite) throws Exception {
    NettyTransport listener = listener(suite);
    SSLContext context = SuiteTlsSockets.context(suite, null);
    try (SSLSocket socket = SuiteTlsSockets.restrict(suite, (SSLSocket) context.getSocketFactory()
        .createSocket("127.0.0.1", listener.listenAddress().getPort()))) {
      socket.startHandshake();
      assertClosedByPeer(socket.getInputStream());
    }
    Await.until("refusal counted",
        () -> listener.metrics().refusals(RefusalReason.NO_CERTIFICATE) == 1);
    assertTrue(listener.connectedPeers().isEmpty());
  }

  @ParameterizedTest
  @ValueSource(strings = {"standard", "gm"})
  void aTlsCertificateFromAnotherCaIsRefused(String suite) {
    NettyTransport listener = listener(suite);
    TestPki foreign = new TestPki(suite, "foreign");
    assertRefused(listener, pki.node("dialer", freshKey(), pki, pki.now.minus(DAY),
        pki.now.plus(DAY), foreign, pki.now.minus(DAY), pki.now.plus(DAY)),
        RefusalReason.TRANSPORT_UNKNOWN_ISSUER);
  }

  @ParameterizedTest
  @ValueSource(strings = {"standard", "gm"})
  void anExpiredTlsCertificateIsRefused(String suite) {
    NettyTransport listener = listener(suite);
    assertRefused(listener, pki.node("dialer", freshKey(), pki, pki.now.minus(DAY),
        pki.now.plus(DAY), pki, pki.now.minus(DAY.multipliedBy(2)), pki.now.minus(DAY)),
        RefusalReason.TRANSPORT_EXPIRED);
  }

  @ParameterizedTest
  @ValueSource(strings = {"standard", "gm"})
  void aTlsCertificateNotYetValidIsRefused(String suite) {
    NettyTransport listener = listener(suite);
    assertRefused(listener, pki.node("dialer", freshKey(), pki, pki.now.minus(DAY),
        pki.now.plus(DAY), pki, pki.now.plus(DAY), pki.now.plus(DAY.multipliedBy(2))),
        RefusalReason.TRANSPORT_NOT_YET_VALID);
  }

  @ParameterizedTest
  @ValueSource(strings = {"standard", "gm"})
  void aNodeCertificateFromAnotherConsortiumCaIsRefused(String suite) {
    NettyTransport listener = listener(suite);
    TestPki foreign = new TestPki(suite, "foreign");
    assertRefused(listener, pki.node("dialer", freshKey(), foreign, pki.now.minus(DAY),
        pki.now.plus(DAY), pki, pki.now.minus(DAY), pki.now.plus(DAY)),
        RefusalReason.NODE_UNKNOWN_ISSUER);
  }

  @ParameterizedTest
  @ValueSource(strings = {"standard", "gm"})
  void anExpiredNodeCertificateIsRefused(String suite) {
    NettyTransport listener = listener(suite);
    assertRefused(listener, pki.node("dialer", freshKey(), pki,
        pki.now.minus(DAY.multipliedBy(2)), pki.now.minus(DAY), pki, pki.now.minus(DAY),
        pki.now.plus(DAY)), RefusalReason.NODE_EXPIRED);
  }

  @ParameterizedTest
  @ValueSource(strings = {"standard", "gm"})
  void aNodeCertificateNotYetValidIsRefused(String suite) {
    NettyTransport listener = listener(suite);
    assertRefused(listener, pki.node("dialer", freshKey(), pki, pki.now.plus(DAY),
        pki.now.plus(DAY.multipliedBy(2)), pki, pki.now.minus(DAY), pki.now.plus(DAY)),
        RefusalReason.NODE_NOT_YET_VALID);
  }

  @ParameterizedTest
  @ValueSource(strings = {"standard", "gm"})
  void aCertifiedNodeOutsideTheAllowedSetIsRefused(String suite) {
    pki = new TestPki(suite, "consortium");
    NodeCredentials member = pki.node("member");
    NettyTransport listener = nodes.start(pki.node("listener"), listenerHandler,
        Set.of(member.nodeId()), NettyNodes.LIMITS, 0);
    assertRefused(listener, pki.node("outsider"), RefusalReason.NOT_ALLOWED);
  }

  /**
   * NETWORK-4 with a membership change: a certified node outside the allowed set is refused until
   * {@code allowPeers} admits it (a validator the chain scheduled), then its redial connects.
   */
  @ParameterizedTest
  @ValueSource(strings = {"standard", "gm"})
  void aPeerAllowedLaterIsAdmittedOnItsNextDial(String suite) {
    pki = new TestPki(suite, "consortium");
    NodeCredentials member = pki.node("member");
    NettyTransport listener = nodes.start(pki.node("listener"), listenerHandler,
        Set.of(member.nodeId()), NettyNodes.LIMITS, 0);
    NodeCredentials newcomer = pki.node("newcomer");
    NettyTransport dialer = nodes.start(newcomer, dialerHandler);
    dialer.addPeer(NettyNodes.addressOf(listener));
    Await.until("the newcomer refused", () -> listener.metrics().refusals(RefusalReason.NOT_ALLOWED) >= 1);
    assertTrue(listener.connectedPeers().isEmpty());
    listener.allowPeers(Set.of(newcomer.nodeId()));
    Await.until("the newcomer admitted on a redial",
        () -> listener.connectedPeers().equals(Set.of(newcomer.nodeId())));
    assertEquals(Set.of(member.nodeId(), newcomer.nodeId()), listener.allowedPeers());
  }

  /** A transport that admits every certified node stays open: allowing some excludes no one. */
  @ParameterizedTest
  @ValueSource(strings = {"standard"})
  void allowingPeersKeepsAnOpenTransportOpen(String suite) {
    NettyTransport listener = listener(suite);
    listener.allowPeers(Set.of(pki.node("someone").nodeId()));
    assertTrue(listener.allowedPeers().isEmpty());
    NodeCredentials other = pki.node("other");
    NettyTransport dialer = nodes.start(other, dialerHandler);
    dialer.addPeer(NettyNodes.addressOf(listener));
    Await.until("connected", () -> listener.connectedPeers().equals(Set.of(other.nodeId())));
  }

  /**
   * NETWORK-2, NETWORK-4 with several organisations (docs/spec/governance.md GOV-1): each
   * organisation's CAs issue its own nodes' certificates and every node trusts all organisations'
   * CAs, so nodes of two organisations connect both ways. The next two: a node of an organisation
   * outside the trusted list is refused, by its TLS certificate and, with a trusted TLS
   * certificate, by its node certificate.
   */
  @ParameterizedTest
  @ValueSource(strings = {"standard", "gm"})
  void nodesOfEveryTrustedOrganisationConnect(String suite) {
    pki = new TestPki(suite, "org1");
    TestPki org2 = new TestPki(suite, "org2");
    TestPki outsider = new TestPki(suite, "org3");
    NodeCredentials first = trustingBoth(pki.node("org1 node"), pki, org2);
    NodeCredentials second = trustingBoth(org2.node("org2 node"), pki, org2);
    NettyTransport listener = nodes.start(first, listenerHandler);
    NettyTransport dialer = nodes.start(second, dialerHandler);
    dialer.addPeer(NettyNodes.addressOf(listener));
    Await.until("connected", () -> listener.connectedPeers().equals(Set.of(second.nodeId()))
        && dialer.connectedPeers().equals(Set.of(first.nodeId())));
    assertEquals(0, listener.metrics().refusedHandshakes());
  }

  @ParameterizedTest
  @ValueSource(strings = {"standard", "gm"})
  void aTlsCertificateOfAnUntrustedOrganisationIsRefused(String suite) {
    pki = new TestPki(suite, "org1");
    TestPki org2 = new TestPki(suite, "org2");
    TestPki outsider = new TestPki(suite, "org3");
    NettyTransport listener = nodes.start(trustingBoth(pki.node("listener"), pki, org2), listenerHandler);
    // Both its certificates are org3's; it trusts org1, so only the listener refuses.
    assertRefused(listener, pki.node("dialer", freshKey(), outsider, pki.now.minus(DAY),
        pki.now.plus(DAY), outsider, pki.now.minus(DAY), pki.now.plus(DAY)),
        RefusalReason.TRANSPORT_UNKNOWN_ISSUER);
  }

  @ParameterizedTest
  @ValueSource(strings = {"standard", "gm"})
  void aNodeCertificateOfAnUntrustedOrganisationIsRefused(String suite) {
    pki = new TestPki(suite, "org1");
    TestPki org2 = new TestPki(suite, "org2");
    TestPki outsider = new TestPki(suite, "org3");
    NettyTransport listener = nodes.start(trustingBoth(pki.node("listener"), pki, org2), listenerHandler);
    // Its TLS certificate is org2's, its node certificate org3's.
    assertRefused(listener, pki.node("dialer", freshKey(), outsider, pki.now.minus(DAY),
        pki.now.plus(DAY), org2, pki.now.minus(DAY), pki.now.plus(DAY)),
        RefusalReason.NODE_UNKNOWN_ISSUER);
  }

  private static NodeCredentials trustingBoth(NodeCredentials node, TestPki first, TestPki second) {
    return new NodeCredentials(node.suite(), node.nodeKey(), node.nodeCertificate(),
        List.of(first.consortiumAuthority, second.consortiumAuthority), node.transportKey(),
        node.transportCertificate(), List.of(first.transportAuthority, second.transportAuthority));
  }

  @ParameterizedTest
  @ValueSource(strings = {"standard", "gm"})
  void anotherNodesCertificateWithoutItsKeyIsRefused(String suite) {
    NettyTransport listener = listener(suite);
    NodeCredentials victim = pki.node("victim");
    NodeCredentials thief = pki.node("thief");
    NodeCredentials impostor = new NodeCredentials(thief.suite(), thief.nodeKey(),
        victim.nodeCertificate(), thief.consortiumAuthorities(), thief.transportKey(),
        thief.transportCertificate(), thief.transportAuthorities());
    assertRefused(listener, impostor, RefusalReason.INVALID_PROOF);
  }

  @ParameterizedTest
  @ValueSource(strings = {"standard", "gm"})
  void aStaticPeerPointingBackToThisNodeIsRefusedAndNoLongerDialed(String suite) {
    NettyTransport listener = listener(suite);
    listener.addPeer(NettyNodes.addressOf(listener));
    // Both ends of the connection are this node, so it refuses itself once on each end.
    Await.until("self connection refused",
        () -> listener.metrics().refusals(RefusalReason.SELF_CONNECTION) >= 1);
    Await.until("no connection left", () -> listener.openConnections() == 0);
    assertTrue(listener.connectedPeers().isEmpty());
  }

  @ParameterizedTest
  @ValueSource(strings = {"standard", "gm"})
  void garbageInsteadOfTlsIsRefusedAndTheNodeKeepsServing(String suite) throws Exception {
    NettyTransport listener = listener(suite);
    // Random bytes after a first byte that no TLS record starts with. (Fully random bytes may
    // start like an SSLv2 header announcing more bytes than arrive; those peers are refused by
    // the handshake timeout instead, see aPeerThatNeverCompletesTheHandshakeTimesOut.)
    byte[] garbage = new byte[4096];
    new SecureRandom().nextBytes(garbage);
    garbage[0] = 'G';
    try (Socket socket = new Socket("127.0.0.1", listener.listenAddress().getPort())) {
      socket.getOutputStream().write(garbage);
      socket.getOutputStream().flush();
      assertClosedByPeer(socket.getInputStream());
    }
    Await.until("TLS failure counted",
        () -> listener.metrics().refusals(RefusalReason.TLS_FAILURE) == 1);
    NodeCredentials good = pki.node("good");
    NettyTransport dialer = nodes.start(good, dialerHandler);
    dialer.addPeer(NettyNodes.addressOf(listener));
    Await.until("a good peer still connects",
        () -> listener.connectedPeers().equals(Set.of(good.nodeId())));
  }

  @ParameterizedTest
  @ValueSource(strings = {"standard", "gm"})
  void aPeerThatNeverCompletesTheHandshakeTimesOut(String suite) throws Exception {
    pki = new TestPki(suite, "consortium");
    TransportLimits quick = NettyNodes.LIMITS.withHandshakeTimeoutMillis(300);
    NettyTransport listener = nodes.start(pki.node("listener"), listenerHandler, Set.of(), quick, 0);
    try (Socket socket = new Socket("127.0.0.1", listener.listenAddress().getPort())) {
      assertClosedByPeer(socket.getInputStream());
    }
    Await.until("timeout counted",
        () -> listener.metrics().refusals(RefusalReason.HANDSHAKE_TIMEOUT) == 1);
  }

  /** Reads until the peer closes; a reset also counts as closed. */
  static void assertClosedByPeer(InputStream in) {
    try {
      byte[] buffer = new byte[1024];
      while (in.read(buffer) >= 0) {
        // Drain whatever the peer sends (a TLS alert) before it closes.
      }
    } catch (IOException expected) {
      // A reset or a TLS alert: the peer closed the connection.
    }
  }

  /** A client that checks nothing: it stands for an attacker, who is not bound by our rules. */
  static final class TrustEverything extends X509ExtendedTrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }

}

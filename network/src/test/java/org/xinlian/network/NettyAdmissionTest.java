package org.xinlian.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.Socket;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Connection floods over real sockets (NETWORK-17..21): sockets that never authenticate use only
 * the inbound handshake budget, one address only its own share of it, stalled handshakes are
 * closed at the timeout, dials to configured peers are never limited by inbound floods, and the
 * refusals are counted by reason and logged at a bounded rate. Floods come from 127.0.0.1 (and
 * other loopback addresses), honest peers from other loopback addresses.
 */
class NettyAdmissionTest {
  /** Far longer than any test here runs: no stalled handshake times out unless a test wants it. */
  private static final long HANDSHAKE_TIMEOUT_LONG_MILLIS = 60_000;
  /** The stated bound for an allowed peer to get in during a flood, well below that timeout. */
  private static final long ADMITTED_DURING_FLOOD_MILLIS = 10_000;
  /** So long that no token is earned back during a test: token counts are then exact. */
  private static final long NO_REFILL_MILLIS = 600_000;

  private final NettyNodes nodes = new NettyNodes();
  private final List<FloodClient> floods = new CopyOnWriteArrayList<>();
  private TestPki pki = new TestPki("standard", "admission");

  @AfterEach
  void close() {
    floods.forEach(FloodClient::close);
    nodes.close();
  }

  private FloodClient flood(String source, SocketTransport target) {
    FloodClient flood = new FloodClient(source, target);
    floods.add(flood);
    return flood;
  }

  private NettyTransport listener(Set<NodeId> allowed, TransportLimits limits) {
    return nodes.start(pki.node("listener"), new RecordingHandler(), allowed, limits, 0);
  }

  /** A node that dials {@code target} from {@code source}. */
  private NettyTransport dialFrom(String source, NodeCredentials credentials, SocketTransport target) {
    NettyTransport node = nodes.start(credentials, new RecordingHandler());
    node.dialFrom(source);
    node.addPeer(NettyNodes.addressOf(target));
    return node;
  }

  /**
   * The attack of issue 11: one address opens 202 connections, two of which hold their
   * handshakes open (one stalled before TLS, one after TLS in the node handshake), while a
   * validator restarts and dials in from another address. The flood gets its address's two
   * handshake slots and nothing else; the validator authenticates within the stated bound while
   * both stalled handshakes are still held, and with a peer cap of 1, which they do not count
   * against. Every other flood connection is refused at accept and counted by reason, and the
   * refusals write one log line per reason, not one per connection.
   */
  @ParameterizedTest
  @ValueSource(strings = {"standard", "gm"})
  void anAllowedPeerGetsInWhileOneAddressFloods(String suite) {
    pki = new TestPki(suite, "admission");
    NodeCredentials validator = pki.node("validator");
    int burst = 8;
    TransportLimits limits = NettyNodes.LIMITS
        .withHandshakeTimeoutMillis(HANDSHAKE_TIMEOUT_LONG_MILLIS)
        .withPeersMax(1)
        .withHandshakesMax(16, 2)
        .withConnectionsPerAddressMax(4)
        .withAcceptsPerAddress(burst, NO_REFILL_MILLIS);
    NettyTransport listener = listener(Set.of(validator.nodeId()), limits);
    RefusalLines lines = RefusalLines.capture();
    try {
      FloodClient flood = flood("127.0.0.1", listener);
      flood.raw();
      flood.tlsThenSilent(pki.node("attacker"));
      Await.until("the flood holds its address's two handshake slots",
          () -> listener.inbound().handshakes() == 2);
      int refusedFlood = 200;
      for (int i = 0; i < refusedFlood; i++) {
        flood.raw();
      }
      Await.until("every flood connection refused or holding a slot", () -> listener.metrics()
          .refusedHandshakes() + listener.inbound().handshakes() == refusedFlood + 2);

      NettyTransport restarted = dialFrom("127.0.0.2", validator, listener);
      Await.within(ADMITTED_DURING_FLOOD_MILLIS, "the validator admitted during the flood",
          () -> listener.connectedPeers().equals(Set.of(validator.nodeId()))
              && restarted.connectedPeers().equals(Set.of(listener.localId())));
      assertEquals(2, listener.inbound().handshakes(), "the stalled handshakes are still held");

      TransportMetrics metrics = listener.metrics();
      // The two holders spent 2 of the 8 tokens; 6 more found the address's handshakes full.
      assertEquals(burst - 2, metrics.refusals(RefusalReason.ADDRESS_HANDSHAKE_LIMIT));
      assertEquals(refusedFlood - (burst - 2), metrics.refusals(RefusalReason.ADDRESS_RATE_LIMIT));
      assertEquals(Set.of(RefusalReason.ADDRESS_HANDSHAKE_LIMIT, RefusalReason.ADDRESS_RATE_LIMIT),
          metrics.refusals().keySet());
      assertEquals(2, metrics.inboundHandshakes());
      assertEquals(List.of(Level.INFO, Level.INFO), lines.levels(),
          "one INFO line per reason for " + refusedFlood + " refusals: " + lines.messages());
    } finally {
      lines.close();
    }
  }

  /**
   * A connection that stalls before TLS and one that completes TLS and stalls in the node
   * handshake are both closed at {@code handshakeTimeoutMillis}, counted as HANDSHAKE_TIMEOUT, and
   * give their slots back: an honest peer from the same address then gets in.
   */
  @Test
  void stalledHandshakesAreClosedAtTheTimeoutAndGiveTheirSlotsBack() throws Exception {
    TransportLimits limits = NettyNodes.LIMITS.withHandshakeTimeoutMillis(500)
        .withHandshakesMax(16, 2);
    NettyTransport listener = listener(Set.of(), limits);
    InetAddress stalling = InetAddress.getByName("127.0.0.3");
    FloodClient flood = flood("127.0.0.3", listener);
    Socket beforeTls = flood.raw();
    Socket inNodeHandshake = flood.tlsThenSilent(pki.node("attacker"));
    NettyHandshakeTest.assertClosedByPeer(beforeTls.getInputStream());
    NettyHandshakeTest.assertClosedByPeer(inNodeHandshake.getInputStream());
    Await.until("both timeouts counted",
        () -> listener.metrics().refusals(RefusalReason.HANDSHAKE_TIMEOUT) == 2);
    Await.until("their slots given back", () -> listener.inbound().handshakes() == 0
        && listener.inbound().connectionsFrom(stalling) == 0);
    NodeCredentials honest = pki.node("honest");
    dialFrom("127.0.0.3", honest, listener);
    Await.until("an honest peer from that address gets in",
        () -> listener.connectedPeers().equals(Set.of(honest.nodeId())));
    assertEquals(Set.of(RefusalReason.HANDSHAKE_TIMEOUT), listener.metrics().refusals().keySet());
  }

  /**
   * Several addresses together fill the handshake budget: a further inbound connection is closed
   * at accept (HANDSHAKE_LIMIT), but the node's dial to a configured peer still connects, because
   * dials are outside the inbound budgets; once the flood closes, inbound peers get in again.
   */
  @Test
  void aFullHandshakeBudgetRefusesInboundButNeverBlocksDials() throws Exception {
    TransportLimits limits = NettyNodes.LIMITS
        .withHandshakeTimeoutMillis(HANDSHAKE_TIMEOUT_LONG_MILLIS)
        .withHandshakesMax(4, 2);
    NettyTransport listener = listener(Set.of(), limits);
    FloodClient first = flood("127.0.0.3", listener);
    FloodClient second = flood("127.0.0.4", listener);
    first.raw();
    first.raw();
    second.raw();
    second.raw();
    Await.until("the budget full", () -> listener.inbound().handshakes() == 4);
    Socket refused = flood("127.0.0.5", listener).raw();
    NettyHandshakeTest.assertClosedByPeer(refused.getInputStream());
    Await.until("counted", () -> listener.metrics().refusals(RefusalReason.HANDSHAKE_LIMIT) == 1);

    NettyTransport staticPeer = nodes.start(pki.node("static"), new RecordingHandler());
    listener.addPeer(NettyNodes.addressOf(staticPeer));
    Await.until("the dial to a configured peer connects during the flood",
        () -> listener.connectedPeers().equals(Set.of(staticPeer.localId())));
    assertEquals(4, listener.inbound().handshakes());

    first.close();
    second.close();
    Await.until("the flood's slots given back", () -> listener.inbound().handshakes() == 0);
    NodeCredentials inboundPeer = pki.node("inbound");
    dialFrom("127.0.0.6", inboundPeer, listener);
    Await.until("an inbound peer gets in again",
        () -> listener.connectedPeers().contains(inboundPeer.nodeId()));
  }

  /**
   * Authenticated connections still count against their address's connection limit: with a limit
   * of 2, a third node on the same host is refused at accept (ADDRESS_CONNECTION_LIMIT) while a
   * node on another address is admitted.
   */
  @Test
  void anAddressHoldsAtMostItsConnectionLimit() throws Exception {
    TransportLimits limits = NettyNodes.LIMITS.withHandshakesMax(16, 2)
        .withConnectionsPerAddressMax(2);
    NettyTransport listener = listener(Set.of(), limits);
    NodeCredentials a = pki.node("a");
    NodeCredentials b = pki.node("b");
    dialFrom("127.0.0.3", a, listener);
    dialFrom("127.0.0.3", b, listener);
    Await.until("two nodes of one host connected",
        () -> listener.connectedPeers().equals(Set.of(a.nodeId(), b.nodeId())));
    NodeCredentials c = pki.node("c");
    dialFrom("127.0.0.3", c, listener);
    Await.until("a third one refused",
        () -> listener.metrics().refusals(RefusalReason.ADDRESS_CONNECTION_LIMIT) >= 1);
    NodeCredentials d = pki.node("d");
    dialFrom("127.0.0.4", d, listener);
    Await.until("a node on another host admitted",
        () -> listener.connectedPeers().contains(d.nodeId()));
    assertTrue(!listener.connectedPeers().contains(c.nodeId()));
    assertEquals(2, listener.inbound().connectionsFrom(InetAddress.getByName("127.0.0.3")));
  }

  /**
   * An address that opens connections faster than its token bucket allows is refused at accept
   * (ADDRESS_RATE_LIMIT) even when each connection closed before the next; another address is not
   * affected. (Refill over time is tested with a fake clock in InboundAdmissionTest.)
   */
  @Test
  void anAddressThatConnectsTooOftenIsRefused() throws Exception {
    int burst = 3;
    TransportLimits limits = NettyNodes.LIMITS.withAcceptsPerAddress(burst, NO_REFILL_MILLIS);
    NettyTransport listener = listener(Set.of(), limits);
    InetAddress churner = InetAddress.getByName("127.0.0.3");
    FloodClient flood = flood("127.0.0.3", listener);
    for (int i = 0; i < burst; i++) {
      flood.raw().close();
      Await.until("closed", () -> listener.inbound().connectionsFrom(churner) == 0
          && listener.inbound().handshakes() == 0);
    }
    // Each closed during TLS (TLS_FAILURE), but none was refused at accept.
    assertEquals(0, listener.metrics().refusals(RefusalReason.ADDRESS_RATE_LIMIT));
    NettyHandshakeTest.assertClosedByPeer(flood.raw().getInputStream());
    Await.until("refused for its rate",
        () -> listener.metrics().refusals(RefusalReason.ADDRESS_RATE_LIMIT) == 1);
    NodeCredentials other = pki.node("other");
    dialFrom("127.0.0.4", other, listener);
    Await.until("another address admitted",
        () -> listener.connectedPeers().equals(Set.of(other.nodeId())));
  }

  /**
   * The peer cap counts authenticated peers only: with a cap of 1 and one peer connected, another
   * inbound peer is refused at the node handshake (PEER_LIMIT) and never reported connected on
   * either side, while a peer this node dials is admitted beyond the cap.
   */
  @Test
  void inboundPeersBeyondThePeerCapAreRefusedButDialedOnesAreNot() {
    NettyTransport listener = listener(Set.of(), NettyNodes.LIMITS.withPeersMax(1));
    NodeCredentials first = pki.node("first");
    dialFrom("127.0.0.3", first, listener);
    Await.until("the first peer connected",
        () -> listener.connectedPeers().equals(Set.of(first.nodeId())));
    NettyTransport second = dialFrom("127.0.0.4", pki.node("second"), listener);
    Await.until("the second refused at the cap",
        () -> listener.metrics().refusals(RefusalReason.PEER_LIMIT) >= 1);
    assertEquals(Set.of(first.nodeId()), listener.connectedPeers());
    assertTrue(second.connectedPeers().isEmpty());

    NettyTransport dialed = nodes.start(pki.node("dialed"), new RecordingHandler());
    listener.addPeer(NettyNodes.addressOf(dialed));
    Await.until("a dialed peer admitted beyond the cap",
        () -> listener.connectedPeers().equals(Set.of(first.nodeId(), dialed.localId())));
  }

  /** Collects what {@link RefusalLog} writes (through java.util.logging, the System.Logger default). */
  static final class RefusalLines extends Handler {
    private final Logger logger = Logger.getLogger(RefusalLog.class.getName());
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    static RefusalLines capture() {
      RefusalLines lines = new RefusalLines();
      lines.logger.addHandler(lines);
      return lines;
    }

    @Override
    public void publish(LogRecord record) {
      if (record.getLevel().intValue() >= Level.INFO.intValue()) {
        records.add(record);
      }
    }

    List<Level> levels() {
      return records.stream().map(LogRecord::getLevel).toList();
    }

    List<String> messages() {
      return records.stream().map(r -> java.text.MessageFormat.format(
          r.getMessage(), r.getParameters())).toList();
    }

    @Override
    public void flush() {}

    @Override
    public void close() {
      logger.removeHandler(this);
    }
  }
}

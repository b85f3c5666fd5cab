package org.xinlian.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.xinlian.common.Address;

/**
 * The behaviour every {@link Transport} promises (NETWORK-12, NETWORK-14): the TCP transport and
 * the simulated one run these same tests.
 */
abstract class TransportContract {
  /** Starts {@code count} connected transports, one handler each, and waits for a full mesh. */
  abstract List<Transport> startCluster(List<RecordingHandler> handlers);

  /** Releases whatever {@link #startCluster} made. */
  abstract void stopCluster();

  /**
   * Waits until connection set-up has settled; the TCP transport resolves the duplicate
   * connections of mutual dialing here, and a message sent on a connection that is being closed as
   * a duplicate may be lost (delivery is at most once).
   */
  void awaitSettled() {}

  /** The payload limit of the cluster's configuration. */
  abstract TransportLimits limits();

  private final List<RecordingHandler> handlers = new ArrayList<>();

  @AfterEach
  void tearDown() {
    stopCluster();
  }

  private List<Transport> cluster(int count) {
    for (int i = 0; i < count; i++) {
      handlers.add(new RecordingHandler());
    }
    List<Transport> nodes = startCluster(handlers);
    for (Transport node : nodes) {
      Await.until(node.localId() + " connected to all", () ->
          node.connectedPeers().size() == count - 1);
    }
    awaitSettled();
    return nodes;
  }

  @Test
  void aMessageArrivesWithItsSenderAndChannel() {
    List<Transport> nodes = cluster(2);
    byte[] payload = {1, 2, 3, 4};
    assertTrue(nodes.get(0).send(nodes.get(1).localId(), 7, payload));
    Await.until("delivery", () -> !handlers.get(1).messages.isEmpty());
    RecordingHandler.Received received = handlers.get(1).messages.peek();
    assertEquals(nodes.get(0).localId(), received.peer());
    assertEquals(7, received.channel());
    assertArrayEquals(new byte[] {1, 2, 3, 4}, received.payload());
  }

  @Test
  void emptyAndMaximalPayloadsAreDelivered() {
    List<Transport> nodes = cluster(2);
    byte[] largest = new byte[limits().payloadBytesMax()];
    largest[largest.length - 1] = 42;
    NodeId receiver = nodes.get(1).localId();
    assertTrue(nodes.get(0).send(receiver, Transport.CHANNEL_MIN, new byte[0]));
    assertTrue(nodes.get(0).send(receiver, Transport.CHANNEL_MAX, largest));
    Await.until("both delivered", () -> handlers.get(1).messages.size() == 2);
    List<RecordingHandler.Received> received = List.copyOf(handlers.get(1).messages);
    assertEquals(0, received.get(0).payload().length);
    assertEquals(Transport.CHANNEL_MAX, received.get(1).channel());
    assertArrayEquals(largest, received.get(1).payload());
  }

  @Test
  void messagesFromOnePeerArriveInOrder() {
    List<Transport> nodes = cluster(2);
    int count = 500;
    for (int i = 0; i < count; i++) {
      assertTrue(nodes.get(0).send(nodes.get(1).localId(), 3, ByteBuffer.allocate(4).putInt(i).array()));
    }
    Await.until("all delivered", () -> handlers.get(1).messages.size() == count);
    int expected = 0;
    for (RecordingHandler.Received received : handlers.get(1).messages) {
      assertEquals(expected++, ByteBuffer.wrap(received.payload()).getInt());
    }
  }

  @Test
  void fourNodesInAFullMeshExchangeBroadcasts() {
    List<Transport> nodes = cluster(4);
    int rounds = 50;
    for (int round = 0; round < rounds; round++) {
      for (int i = 0; i < nodes.size(); i++) {
        assertEquals(3, nodes.get(i).broadcast(9, new byte[] {(byte) i, (byte) round}));
      }
    }
    for (int i = 0; i < nodes.size(); i++) {
      RecordingHandler handler = handlers.get(i);
      Await.until("node " + i + " received every broadcast",
          () -> handler.messages.size() == 3 * rounds);
      for (int j = 0; j < nodes.size(); j++) {
        if (i == j) {
          continue;
        }
        List<RecordingHandler.Received> fromJ = handler.from(nodes.get(j).localId());
        assertEquals(rounds, fromJ.size());
        for (int round = 0; round < rounds; round++) {
          assertArrayEquals(new byte[] {(byte) j, (byte) round}, fromJ.get(round).payload());
        }
      }
    }
    Set<NodeId> ids = nodes.stream().map(Transport::localId).collect(Collectors.toSet());
    for (Transport node : nodes) {
      Set<NodeId> others = ids.stream().filter(id -> !id.equals(node.localId()))
          .collect(Collectors.toSet());
      assertEquals(others, node.connectedPeers());
      assertEquals(3, node.metrics().peers());
    }
  }

  @Test
  void metricsCountMessagesAndBytesBothWays() {
    List<Transport> nodes = cluster(2);
    for (int i = 0; i < 10; i++) {
      nodes.get(0).send(nodes.get(1).localId(), 1, new byte[100]);
    }
    Await.until("delivery", () -> handlers.get(1).messages.size() == 10);
    Await.until("sender counted", () -> nodes.get(0).metrics().messagesOut() == 10);
    // Each message is a 4-byte length, a channel byte and 100 payload bytes on the wire.
    assertEquals(10 * 105, nodes.get(0).metrics().bytesOut());
    assertEquals(10, nodes.get(1).metrics().messagesIn());
    assertEquals(10 * 105, nodes.get(1).metrics().bytesIn());
    assertEquals(0, nodes.get(0).metrics().droppedOutbound());
  }

  @Test
  void invalidChannelsAndOversizedPayloadsAreRejectedAtTheCaller() {
    List<Transport> nodes = cluster(2);
    NodeId peer = nodes.get(1).localId();
    assertThrows(IllegalArgumentException.class, () -> nodes.get(0).send(peer, 0, new byte[1]));
    assertThrows(IllegalArgumentException.class, () -> nodes.get(0).send(peer, 256, new byte[1]));
    assertThrows(IllegalArgumentException.class,
        () -> nodes.get(0).send(peer, 1, new byte[limits().payloadBytesMax() + 1]));
    assertThrows(IllegalArgumentException.class,
        () -> nodes.get(0).broadcast(1, new byte[limits().payloadBytesMax() + 1]));
  }

  @Test
  void sendingToAnUnknownPeerReturnsFalse() {
    List<Transport> nodes = cluster(2);
    NodeId stranger = new NodeId(Address.fromHex("0x00000000000000000000000000000000000000aa"));
    assertFalse(nodes.get(0).send(stranger, 1, new byte[1]));
  }

  @Test
  void closingANodeDisconnectsItFromItsPeers() {
    List<Transport> nodes = cluster(3);
    NodeId leaving = nodes.get(2).localId();
    nodes.get(2).close();
    for (int i = 0; i < 2; i++) {
      Transport node = nodes.get(i);
      RecordingHandler handler = handlers.get(i);
      Await.until("peers see the node leave", () -> !node.connectedPeers().contains(leaving)
          && handler.disconnected.contains(leaving));
      assertFalse(node.send(leaving, 1, new byte[1]));
    }
    assertTrue(nodes.get(0).send(nodes.get(1).localId(), 1, new byte[] {5}));
    Await.until("the rest still talk", () -> !handlers.get(1).messages.isEmpty());
  }

  @Test
  void theHandlerLearnsWhoConnected() {
    List<Transport> nodes = cluster(3);
    for (int i = 0; i < 3; i++) {
      RecordingHandler handler = handlers.get(i);
      Transport node = nodes.get(i);
      Await.until("connect events", () -> Set.copyOf(handler.connected).equals(node.connectedPeers()));
    }
  }
}

package org.xinlian.network;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The contract on TLS over real localhost sockets, standard suite (NETWORK-12). Every node dials
 * every other, so each pair starts with two connections and duplicate resolution must leave one
 * (NETWORK-11).
 */
class NettyTransportContractTest extends TransportContract {
  private NettyNodes nodes;
  private final List<NettyTransport> transports = new ArrayList<>();

  String suiteName() {
    return "standard";
  }

  @Override
  List<Transport> startCluster(List<RecordingHandler> handlers) {
    TestPki pki = new TestPki(suiteName(), "contract");
    nodes = new NettyNodes();
    for (int i = 0; i < handlers.size(); i++) {
      transports.add(nodes.start(pki.node("node" + i), handlers.get(i)));
    }
    for (NettyTransport from : transports) {
      for (NettyTransport to : transports) {
        if (from != to) {
          from.addPeer(NettyNodes.addressOf(to));
        }
      }
    }
    return List.copyOf(transports);
  }

  @Override
  void awaitSettled() {
    for (NettyTransport transport : transports) {
      Await.until("one connection per peer", () ->
          transport.connectedPeers().size() == transports.size() - 1
              && transport.openConnections() == transports.size() - 1);
    }
  }

  @Override
  void stopCluster() {
    if (nodes != null) {
      nodes.close();
    }
  }

  @Override
  TransportLimits limits() {
    return NettyNodes.LIMITS;
  }

  @Test
  void mutualDialingEndsWithOneConnectionPerPair() {
    List<RecordingHandler> handlers = List.of(
        new RecordingHandler(), new RecordingHandler(), new RecordingHandler());
    startCluster(handlers);
    awaitSettled();
    for (NettyTransport transport : transports) {
      assertEquals(2, transport.connectedPeers().size());
    }
  }
}

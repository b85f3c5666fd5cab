package org.xinlian.network;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Records what a transport delivers. */
final class RecordingHandler implements MessageHandler {
  record Received(NodeId peer, int channel, byte[] payload) {}

  final Queue<Received> messages = new ConcurrentLinkedQueue<>();
  final Queue<NodeId> connected = new ConcurrentLinkedQueue<>();
  final Queue<NodeId> disconnected = new ConcurrentLinkedQueue<>();

  @Override
  public void onMessage(NodeId peer, int channel, byte[] payload) {
    messages.add(new Received(peer, channel, payload));
  }

  @Override
  public void onPeerConnected(NodeId peer) {
    connected.add(peer);
  }

  @Override
  public void onPeerDisconnected(NodeId peer) {
    disconnected.add(peer);
  }

  List<Received> from(NodeId peer) {
    return messages.stream().filter(m -> m.peer().equals(peer)).toList();
  }
}

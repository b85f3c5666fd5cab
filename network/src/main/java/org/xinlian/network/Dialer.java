package org.xinlian.network;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Keeps one static peer connected: dials, and after a failed dial or a closed connection dials
 * again after a {@link Backoff} delay. It goes idle while the peer is connected through another
 * connection (the peer dialed us and won duplicate resolution) and wakes when that one closes. At
 * most one dial per address is in flight, so this node never makes two connections to one
 * address at once.
 */
final class Dialer {
  private final NettyTransport transport;
  private final PeerAddress address;
  private final Backoff backoff;
  private NodeId knownPeer;
  private int failures;
  private boolean dialing;
  private boolean idle;
  private boolean stopped;
  private ScheduledFuture<?> pending;

  Dialer(NettyTransport transport, PeerAddress address, Backoff backoff) {
    this.transport = transport;
    this.address = address;
    this.backoff = backoff;
  }

  PeerAddress address() {
    return address;
  }

  synchronized void schedule(long delayMillis) {
    if (stopped || dialing || pending != null) {
      return;
    }
    idle = false;
    pending = transport.scheduler().schedule(this::attempt, delayMillis, TimeUnit.MILLISECONDS);
  }

  private synchronized void attempt() {
    pending = null;
    if (stopped) {
      return;
    }
    if (knownPeer != null && transport.isConnected(knownPeer)) {
      idle = true;
      failures = 0;
      return;
    }
    dialing = true;
    transport.dial(this);
  }

  /** The dialed connection authenticated this peer. */
  synchronized void authenticated(NodeId peer) {
    knownPeer = peer;
    failures = 0;
  }

  /** The dial failed or its connection closed, whatever the reason. */
  synchronized void ended() {
    dialing = false;
    if (stopped) {
      return;
    }
    long delay = backoff.delayMillis(failures);
    failures = Math.min(failures + 1, 62);
    schedule(delay);
  }

  /** A peer's last connection closed; wake up if it is ours and we were idle. */
  synchronized void peerDisconnected(NodeId peer) {
    if (idle && peer.equals(knownPeer)) {
      schedule(backoff.delayMillis(0));
    }
  }

  /** Never dial this address again (it is this node itself, or the transport closes). */
  synchronized void stop() {
    stopped = true;
    if (pending != null) {
      pending.cancel(false);
      pending = null;
    }
  }
}

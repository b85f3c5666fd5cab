package org.xinlian.network;

import java.util.Set;
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
  /** Its peer was revoked (NETWORK-22): no dial until {@link #resume}. */
  private boolean suspended;
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
    if (stopped || suspended || dialing || pending != null) {
      return;
    }
    idle = false;
    pending = transport.scheduler().schedule(this::attempt, delayMillis, TimeUnit.MILLISECONDS);
  }

  private synchronized void attempt() {
    pending = null;
    if (stopped || suspended) {
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
    if (stopped || suspended) {
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

  /**
   * No dial until {@link #resume}: the peer at this address proved a revoked id, or the peer this
   * dialer last connected to was revoked. A connection in progress ends without a redial.
   */
  synchronized void suspend() {
    suspended = true;
    idle = false;
    if (pending != null) {
      pending.cancel(false);
      pending = null;
    }
  }

  /** Suspends this dialer if the peer it last connected to is one of {@code revoked}. */
  synchronized void suspendIfPeerIn(Set<NodeId> revoked) {
    if (knownPeer != null && revoked.contains(knownPeer)) {
      suspend();
    }
  }

  /** Dials again after a {@link #suspend}, from the first backoff step; no-op otherwise. */
  synchronized void resume() {
    if (!suspended) {
      return;
    }
    suspended = false;
    failures = 0;
    if (!dialing) {
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

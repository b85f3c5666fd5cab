package org.xinlian.network;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import org.xinlian.common.Clock;
import org.xinlian.common.Invariants;

/**
 * The inbound handshake budget (NETWORK-18, NETWORK-19): decides at accept, before any TLS work,
 * whether a new inbound connection may start its handshake, and tracks it until it authenticates
 * or closes. It bounds inbound connections in their handshake (all addresses, and per address),
 * inbound connections per address, and the rate of new inbound connections per address (a token
 * bucket). Dialed connections never pass through it. Time comes from the transport's {@link
 * Clock}. Thread-safe: accepts and closes arrive on every I/O thread, and each decision is a few
 * field updates under one lock.
 *
 * <p>The per-address table is bounded: beyond {@link #ADDRESSES_TRACKED_MAX} entries the least
 * recently seen address without an open connection is forgotten, which only gives it a full
 * bucket again; entries with open connections are never forgotten, and their number is bounded by
 * the open inbound connections.
 */
final class InboundAdmission {
  /**
   * Addresses whose rate state is kept while they hold no connection. An address forgotten
   * starts again with a full burst, so an attacker needs this many addresses to skip the rate
   * limit, and then still meets the handshake budgets.
   */
  static final int ADDRESSES_TRACKED_MAX = 4096;

  /** An IPv6 host usually has a whole /64; counting its addresses apart would not bound it. */
  static final int IPV6_PREFIX_BYTES = 8;

  /** The outcome of {@link #admit}: a slot to hold, or the reason the connection is refused. */
  record Decision(Slot slot, RefusalReason refusal, String detail) {
    boolean admitted() {
      return slot != null;
    }
  }

  private final TransportLimits limits;
  private final Clock clock;
  private final long refillNanos;
  /** In access order, so the eldest entries are the least recently seen addresses. */
  private final LinkedHashMap<InetAddress, Entry> addresses = new LinkedHashMap<>(64, 0.75f, true);
  private int handshakes;

  InboundAdmission(TransportLimits limits, Clock clock) {
    this.limits = limits;
    this.clock = clock;
    this.refillNanos = limits.acceptsPerAddressRefillMillis() * 1_000_000;
  }

  /** What is counted for one address. */
  private static final class Entry {
    int handshakes;
    int connections;
    long tokens;
    long refilledAtNanos;
  }

  /**
   * Admits or refuses a connection accepted from {@code remote}. Checks run cheapest and most
   * specific first, so a flooding address is refused for its own limits and does not use up the
   * shared budget: the rate, then the address's connections and handshakes, then all handshakes.
   * A refused attempt still spends the address's token, so an address that keeps retrying stays
   * refused until it slows down.
   */
  synchronized Decision admit(InetAddress remote) {
    InetAddress key = key(remote);
    long now = clock.nanoTime();
    Entry entry = addresses.get(key);
    if (entry == null) {
      forgetIdleAddresses();
      entry = new Entry();
      entry.tokens = limits.acceptsPerAddressBurstMax();
      entry.refilledAtNanos = now;
      addresses.put(key, entry);
    }
    refill(entry, now);
    if (entry.tokens == 0) {
      return refused(RefusalReason.ADDRESS_RATE_LIMIT, key + " opened more than "
          + limits.acceptsPerAddressBurstMax() + " connections, then more than one per "
          + limits.acceptsPerAddressRefillMillis() + " ms");
    }
    entry.tokens--;
    if (entry.connections >= limits.connectionsPerAddressMax()) {
      return refused(RefusalReason.ADDRESS_CONNECTION_LIMIT,
          key + " already has " + entry.connections + " connections");
    }
    if (entry.handshakes >= limits.handshakesPerAddressMax()) {
      return refused(RefusalReason.ADDRESS_HANDSHAKE_LIMIT,
          key + " already has " + entry.handshakes + " handshakes running");
    }
    if (handshakes >= limits.handshakesMax()) {
      return refused(RefusalReason.HANDSHAKE_LIMIT, handshakes + " handshakes running");
    }
    handshakes++;
    entry.handshakes++;
    entry.connections++;
    return new Decision(new Slot(entry), null, null);
  }

  private static Decision refused(RefusalReason reason, String detail) {
    return new Decision(null, reason, detail);
  }

  /** Adds the tokens earned since the last refill, up to the burst. */
  private void refill(Entry entry, long now) {
    long elapsed = now - entry.refilledAtNanos;
    if (elapsed < refillNanos) {
      return;
    }
    long earned = elapsed / refillNanos;
    long burst = limits.acceptsPerAddressBurstMax();
    if (entry.tokens + earned >= burst) {
      entry.tokens = burst;
      entry.refilledAtNanos = now;
    } else {
      entry.tokens += earned;
      entry.refilledAtNanos += earned * refillNanos;
    }
  }

  private void forgetIdleAddresses() {
    Iterator<Entry> eldestFirst = addresses.values().iterator();
    while (addresses.size() >= ADDRESSES_TRACKED_MAX && eldestFirst.hasNext()) {
      if (eldestFirst.next().connections == 0) {
        eldestFirst.remove();
      }
    }
  }

  /** The address limits apply to: the IPv4 address, or the /64 prefix of an IPv6 address. */
  static InetAddress key(InetAddress remote) {
    if (!(remote instanceof Inet6Address)) {
      return remote;
    }
    byte[] bytes = remote.getAddress();
    for (int i = IPV6_PREFIX_BYTES; i < bytes.length; i++) {
      bytes[i] = 0;
    }
    try {
      return InetAddress.getByAddress(bytes);
    } catch (UnknownHostException e) {
      throw new IllegalStateException("16 bytes are an IPv6 address", e);
    }
  }

  /** Inbound connections in their handshake now. */
  synchronized int handshakes() {
    return handshakes;
  }

  /** Addresses tracked now (tests check the table stays bounded). */
  synchronized int addressesTracked() {
    return addresses.size();
  }

  /** Inbound connections open now from the address of {@code remote}. */
  synchronized int connectionsFrom(InetAddress remote) {
    Entry entry = addresses.get(key(remote));
    return entry == null ? 0 : entry.connections;
  }

  /** One admitted connection's hold on the budgets; each release happens once. */
  final class Slot {
    private final Entry entry;
    private boolean handshaking = true;
    private boolean open = true;

    private Slot(Entry entry) {
      this.entry = entry;
    }

    /** The connection authenticated: it leaves the handshake budgets, still counts per address. */
    void authenticated() {
      synchronized (InboundAdmission.this) {
        if (open && handshaking) {
          endHandshake();
        }
      }
    }

    /** The connection closed: it leaves every budget. */
    void closed() {
      synchronized (InboundAdmission.this) {
        if (!open) {
          return;
        }
        open = false;
        if (handshaking) {
          endHandshake();
        }
        entry.connections--;
        Invariants.check(entry.connections >= 0, "inbound connections per address below zero");
      }
    }

    private void endHandshake() {
      handshaking = false;
      handshakes--;
      entry.handshakes--;
      Invariants.check(handshakes >= 0 && entry.handshakes >= 0, "inbound handshakes below zero");
    }
  }
}

package org.xinlian.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The limits' defaults and validation, each error naming its field (NETWORK-17..21). */
class TransportLimitsTest {
  private static void rejected(String field, Supplier<TransportLimits> limits) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, limits::get);
    assertTrue(e.getMessage().startsWith("transportLimits." + field + ":"), e.getMessage());
  }

  @Test
  void defaultsAreTheDocumentedConstants() {
    TransportLimits defaults = TransportLimits.defaults();
    assertEquals(256, defaults.peersMax());
    assertEquals(16, defaults.handshakesMax());
    assertEquals(2, defaults.handshakesPerAddressMax());
    assertEquals(16, defaults.connectionsPerAddressMax());
    assertEquals(16, defaults.acceptsPerAddressBurstMax());
    assertEquals(250, defaults.acceptsPerAddressRefillMillis());
    assertEquals(10_000, defaults.handshakeTimeoutMillis());
    assertEquals(10_000, defaults.refusalLogIntervalMillis());
  }

  @Test
  void badValuesAreRefusedNamingTheField() {
    TransportLimits d = TransportLimits.defaults();
    rejected("peersMax", () -> d.withPeersMax(0));
    rejected("handshakesMax", () -> d.withHandshakesMax(0, 0));
    rejected("handshakesPerAddressMax", () -> d.withHandshakesMax(4, 0));
    rejected("handshakesPerAddressMax", () -> d.withHandshakesMax(4, 5));
    rejected("connectionsPerAddressMax", () -> d.withConnectionsPerAddressMax(1));
    rejected("acceptsPerAddressBurstMax", () -> d.withAcceptsPerAddress(0, 250));
    rejected("acceptsPerAddressRefillMillis", () -> d.withAcceptsPerAddress(16, 0));
    rejected("acceptsPerAddressRefillMillis", () -> d.withAcceptsPerAddress(16, 86_400_001));
    rejected("refusalLogIntervalMillis", () -> d.withRefusalLogIntervalMillis(-1));
    rejected("handshakeTimeoutMillis", () -> d.withHandshakeTimeoutMillis(0));
    rejected("frameBytesMax", () -> d.withFrameBytesMax(Transport.FRAME_BYTES_MAX + 1));
  }
}

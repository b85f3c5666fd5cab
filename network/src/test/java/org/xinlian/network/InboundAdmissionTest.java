package org.xinlian.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The inbound budgets as a unit, with a clock the test moves (NETWORK-18, NETWORK-19): what is
 * refused for which reason, that slots come back exactly once, and that the rate refills.
 */
class InboundAdmissionTest {
  private final ManualClock clock = new ManualClock();

  private static InetAddress address(String text) {
    try {
      return InetAddress.getByName(text);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private InboundAdmission admission(TransportLimits limits) {
    return new InboundAdmission(limits, clock);
  }

  private static TransportLimits limits(int handshakes, int perAddress, int connections, int burst,
      long refillMillis) {
    return TransportLimits.defaults().withHandshakesMax(handshakes, perAddress)
        .withConnectionsPerAddressMax(connections).withAcceptsPerAddress(burst, refillMillis);
  }

  private static InboundAdmission.Slot admitted(InboundAdmission admission, String from) {
    InboundAdmission.Decision decision = admission.admit(address(from));
    assertTrue(decision.admitted(), () -> from + " refused: " + decision.refusal());
    assertNull(decision.refusal());
    return decision.slot();
  }

  private static void refused(InboundAdmission admission, String from, RefusalReason reason) {
    InboundAdmission.Decision decision = admission.admit(address(from));
    assertFalse(decision.admitted(), from + " admitted");
    assertEquals(reason, decision.refusal());
    assertTrue(decision.detail().length() > 0);
  }

  @Test
  void oneAddressGetsOnlyItsShareOfTheHandshakes() {
    InboundAdmission admission = admission(limits(4, 2, 8, 100, 1000));
    admitted(admission, "10.0.0.1");
    admitted(admission, "10.0.0.1");
    refused(admission, "10.0.0.1", RefusalReason.ADDRESS_HANDSHAKE_LIMIT);
    admitted(admission, "10.0.0.2");
    admitted(admission, "10.0.0.3");
    refused(admission, "10.0.0.4", RefusalReason.HANDSHAKE_LIMIT);
    assertEquals(4, admission.handshakes());
  }

  @Test
  void anAuthenticatedConnectionLeavesTheHandshakeBudgetButNotItsAddressCount() {
    InboundAdmission admission = admission(limits(2, 2, 3, 100, 1000));
    InboundAdmission.Slot first = admitted(admission, "10.0.0.1");
    InboundAdmission.Slot second = admitted(admission, "10.0.0.1");
    refused(admission, "10.0.0.2", RefusalReason.HANDSHAKE_LIMIT);
    first.authenticated();
    first.authenticated();
    assertEquals(1, admission.handshakes(), "released once");
    second.authenticated();
    InboundAdmission.Slot third = admitted(admission, "10.0.0.1");
    assertEquals(3, admission.connectionsFrom(address("10.0.0.1")));
    refused(admission, "10.0.0.1", RefusalReason.ADDRESS_CONNECTION_LIMIT);
    first.closed();
    first.closed();
    assertEquals(2, admission.connectionsFrom(address("10.0.0.1")), "released once");
    third.closed();
    third.authenticated();
    assertEquals(0, admission.handshakes(), "a closed slot is not released twice");
    assertEquals(1, admission.connectionsFrom(address("10.0.0.1")));
    admitted(admission, "10.0.0.1");
  }

  @Test
  void theRateRefillsOneTokenPerIntervalUpToTheBurst() {
    InboundAdmission admission = admission(limits(16, 16, 16, 3, 1000));
    for (int i = 0; i < 3; i++) {
      admitted(admission, "10.0.0.1").closed();
    }
    refused(admission, "10.0.0.1", RefusalReason.ADDRESS_RATE_LIMIT);
    admitted(admission, "10.0.0.2").closed();
    clock.advanceMillis(999);
    refused(admission, "10.0.0.1", RefusalReason.ADDRESS_RATE_LIMIT);
    clock.advanceMillis(1);
    admitted(admission, "10.0.0.1").closed();
    refused(admission, "10.0.0.1", RefusalReason.ADDRESS_RATE_LIMIT);
    clock.advanceMillis(2500);
    admitted(admission, "10.0.0.1").closed();
    admitted(admission, "10.0.0.1").closed();
    refused(admission, "10.0.0.1", RefusalReason.ADDRESS_RATE_LIMIT);
    // The half interval left over counts towards the next token.
    clock.advanceMillis(500);
    admitted(admission, "10.0.0.1").closed();
    clock.advanceMillis(1_000_000);
    for (int i = 0; i < 3; i++) {
      admitted(admission, "10.0.0.1").closed();
    }
    refused(admission, "10.0.0.1", RefusalReason.ADDRESS_RATE_LIMIT);
  }

  @Test
  void refusedAttemptsSpendTokensSoAnAddressThatKeepsTryingStaysRefused() {
    InboundAdmission admission = admission(limits(16, 1, 16, 3, 1000));
    admitted(admission, "10.0.0.1");
    refused(admission, "10.0.0.1", RefusalReason.ADDRESS_HANDSHAKE_LIMIT);
    refused(admission, "10.0.0.1", RefusalReason.ADDRESS_HANDSHAKE_LIMIT);
    refused(admission, "10.0.0.1", RefusalReason.ADDRESS_RATE_LIMIT);
  }

  @Test
  void anIpv6HostIsCountedByItsSlash64() {
    InboundAdmission admission = admission(limits(16, 2, 16, 100, 1000));
    admitted(admission, "2001:db8:1:2::1");
    admitted(admission, "2001:db8:1:2:ffff::9");
    refused(admission, "2001:db8:1:2:abcd::7", RefusalReason.ADDRESS_HANDSHAKE_LIMIT);
    admitted(admission, "2001:db8:1:3::1");
    assertEquals(address("2001:db8:1:2::"), InboundAdmission.key(address("2001:db8:1:2:a:b:c:d")));
    assertEquals(address("10.1.2.3"), InboundAdmission.key(address("10.1.2.3")));
  }

  @Test
  void theAddressTableStaysBoundedAndKeepsAddressesWithConnections() {
    InboundAdmission admission = admission(limits(16, 1, 1, 1, 1_000_000));
    InboundAdmission.Slot held = admitted(admission, "10.0.0.1");
    refused(admission, "10.0.0.1", RefusalReason.ADDRESS_RATE_LIMIT);
    List<InboundAdmission.Slot> closed = new ArrayList<>();
    for (int i = 0; i < InboundAdmission.ADDRESSES_TRACKED_MAX * 2; i++) {
      String from = "10.1." + (i >> 8) + "." + (i & 0xff);
      closed.add(admitted(admission, from));
      closed.get(closed.size() - 1).closed();
    }
    assertTrue(admission.addressesTracked() <= InboundAdmission.ADDRESSES_TRACKED_MAX,
        "tracked " + admission.addressesTracked());
    // The address with an open connection was never forgotten: it is still out of tokens.
    assertEquals(1, admission.connectionsFrom(address("10.0.0.1")));
    refused(admission, "10.0.0.1", RefusalReason.ADDRESS_RATE_LIMIT);
    held.closed();
    assertEquals(0, admission.connectionsFrom(address("10.0.0.1")));
  }
}

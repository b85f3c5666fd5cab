package org.xinlian.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.System.Logger.Level;
import org.junit.jupiter.api.Test;

/** The bounded-rate refusal log (NETWORK-21), driven by a clock the test moves. */
class LogThrottleTest {
  private final ManualClock clock = new ManualClock();
  private final LogThrottle<RefusalReason> throttle = new LogThrottle<>(clock, 10_000);

  @Test
  void theFirstLineOfAReasonIsWrittenAndRepeatsWithinTheIntervalAreCounted() {
    assertEquals(0, throttle.admit(RefusalReason.HANDSHAKE_LIMIT));
    for (int i = 0; i < 1000; i++) {
      clock.advanceMillis(9);
      assertEquals(LogThrottle.SUPPRESS, throttle.admit(RefusalReason.HANDSHAKE_LIMIT));
    }
    clock.advanceMillis(10_000 - 9 * 1000);
    // The interval since the last written line is over: this line says 1000 were held back.
    assertEquals(1000, throttle.admit(RefusalReason.HANDSHAKE_LIMIT));
    assertEquals(LogThrottle.SUPPRESS, throttle.admit(RefusalReason.HANDSHAKE_LIMIT));
    clock.advanceMillis(10_000);
    assertEquals(1, throttle.admit(RefusalReason.HANDSHAKE_LIMIT));
    clock.advanceMillis(10_000);
    assertEquals(0, throttle.admit(RefusalReason.HANDSHAKE_LIMIT), "nothing held back since");
  }

  @Test
  void reasonsAreThrottledApart() {
    assertEquals(0, throttle.admit(RefusalReason.HANDSHAKE_LIMIT));
    assertEquals(0, throttle.admit(RefusalReason.NOT_ALLOWED));
    assertEquals(LogThrottle.SUPPRESS, throttle.admit(RefusalReason.HANDSHAKE_LIMIT));
    assertEquals(LogThrottle.SUPPRESS, throttle.admit(RefusalReason.NOT_ALLOWED));
    assertEquals(0, throttle.admit(RefusalReason.ADDRESS_RATE_LIMIT));
  }

  @Test
  void aLineJustBeforeTheIntervalEndsIsHeldBack() {
    throttle.admit(RefusalReason.TLS_FAILURE);
    clock.advanceMillis(9_999);
    assertEquals(LogThrottle.SUPPRESS, throttle.admit(RefusalReason.TLS_FAILURE));
    clock.advanceMillis(1);
    assertEquals(1, throttle.admit(RefusalReason.TLS_FAILURE));
  }

  @Test
  void aZeroIntervalWritesEveryLine() {
    LogThrottle<RefusalReason> everyLine = new LogThrottle<>(clock, 0);
    for (int i = 0; i < 5; i++) {
      assertEquals(0, everyLine.admit(RefusalReason.TLS_FAILURE));
    }
  }

  @Test
  void aNegativeIntervalIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new LogThrottle<>(clock, -1));
  }

  /** What floods and scanners cause is INFO; what an operator must fix is WARNING. */
  @Test
  void routineRefusalsAreInfoAndMisconfigurationsWarnings() {
    for (RefusalReason reason : new RefusalReason[] {RefusalReason.HANDSHAKE_LIMIT,
        RefusalReason.ADDRESS_HANDSHAKE_LIMIT, RefusalReason.ADDRESS_CONNECTION_LIMIT,
        RefusalReason.ADDRESS_RATE_LIMIT, RefusalReason.HANDSHAKE_TIMEOUT,
        RefusalReason.TLS_FAILURE, RefusalReason.NO_CERTIFICATE, RefusalReason.PROTOCOL_VIOLATION,
        RefusalReason.REFUSED_BY_PEER}) {
      assertEquals(Level.INFO, RefusalLog.level(reason), reason.name());
    }
    for (RefusalReason reason : new RefusalReason[] {RefusalReason.NOT_ALLOWED,
        RefusalReason.NODE_EXPIRED, RefusalReason.TRANSPORT_UNKNOWN_ISSUER,
        RefusalReason.SELF_CONNECTION, RefusalReason.PEER_LIMIT, RefusalReason.INVALID_PROOF}) {
      assertEquals(Level.WARNING, RefusalLog.level(reason), reason.name());
    }
  }

  @Test
  void longDetailsAreCut() {
    String detail = "x".repeat(RefusalLog.DETAIL_CHARACTERS_MAX + 50);
    assertEquals(RefusalLog.DETAIL_CHARACTERS_MAX + 3, RefusalLog.shorten(detail).length());
    assertEquals("short", RefusalLog.shorten("short"));
  }
}

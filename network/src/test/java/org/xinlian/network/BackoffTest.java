package org.xinlian.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.xinlian.common.Address;
import org.xinlian.common.RandomSource;

/** Reconnect delays (NETWORK-10) and the duplicate-connection rule (NETWORK-11). */
class BackoffTest {
  @Test
  void stepsDoubleFromTheInitialDelayUpToTheCap() {
    Backoff backoff = new Backoff(100, 1_000, RandomSource.seeded(1));
    long[] expected = {100, 200, 400, 800, 1_000, 1_000};
    for (int attempt = 0; attempt < expected.length; attempt++) {
      assertEquals(expected[attempt], backoff.ceilingMillis(attempt));
    }
    assertEquals(1_000, backoff.ceilingMillis(Integer.MAX_VALUE));
  }

  @Test
  void delaysStayInTheUpperHalfOfTheirStepAndVary() {
    Backoff backoff = new Backoff(100, 30_000, RandomSource.seeded(2));
    for (int attempt = 0; attempt < 40; attempt++) {
      long ceiling = backoff.ceilingMillis(attempt);
      Set<Long> seen = new HashSet<>();
      for (int i = 0; i < 200; i++) {
        long delay = backoff.delayMillis(attempt);
        assertTrue(delay >= ceiling / 2 && delay <= ceiling, "attempt " + attempt + ": " + delay);
        seen.add(delay);
      }
      assertTrue(seen.size() > 1, "jitter varies the delay");
    }
  }

  @Test
  void theSameSeedGivesTheSameDelays() {
    Backoff first = new Backoff(50, 5_000, RandomSource.seeded(3));
    Backoff second = new Backoff(50, 5_000, RandomSource.seeded(3));
    for (int attempt = 0; attempt < 20; attempt++) {
      assertEquals(first.delayMillis(attempt), second.delayMillis(attempt));
    }
  }

  private static NodeId id(int last) {
    byte[] bytes = new byte[Address.LENGTH];
    bytes[Address.LENGTH - 1] = (byte) last;
    return new NodeId(Address.wrap(bytes));
  }

  @Test
  void bothEndsKeepTheConnectionDialedByTheSmallerId() {
    NodeId small = id(1);
    NodeId large = id(2);
    // At the small node: the kept connection is the one it dialed itself.
    assertTrue(NettyTransport.keepNewConnection(small, large, false, true));
    assertFalse(NettyTransport.keepNewConnection(small, large, true, false));
    // At the large node: the kept connection is the one the small node dialed (accepted here).
    assertTrue(NettyTransport.keepNewConnection(large, small, true, false));
    assertFalse(NettyTransport.keepNewConnection(large, small, false, true));
  }

  @Test
  void aNewerConnectionFromTheSameDialerReplacesTheOlder() {
    assertTrue(NettyTransport.keepNewConnection(id(1), id(2), true, true));
    assertTrue(NettyTransport.keepNewConnection(id(1), id(2), false, false));
  }
}

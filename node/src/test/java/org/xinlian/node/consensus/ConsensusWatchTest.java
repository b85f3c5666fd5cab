package org.xinlian.node.consensus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xinlian.common.Address;
import org.xinlian.consensus.EngineStatus;

/** NODE-19: round changes, waiting deadlines, stalls and lost validators are each logged once. */
class ConsensusWatchTest {
  private static final long SECOND = 1_000_000_000L;
  // System.Logger reaches Logback through slf4j-jdk-platform-logging, as in a node process.
  private final Logger logger = (Logger) LoggerFactory.getLogger("org.xinlian.node.consensus");
  private final ListAppender<ILoggingEvent> capture = new ListAppender<>();
  private final List<ILoggingEvent> records = capture.list;

  @BeforeEach
  void listen() {
    capture.start();
    logger.addAppender(capture);
  }

  @AfterEach
  void stopListening() {
    logger.detachAppender(capture);
  }

  private static EngineStatus status(long height, int round, long deferred) {
    return new EngineStatus(height, round, OptionalInt.empty(), true, 0, 0, 0, Map.of(), deferred);
  }

  private List<String> messages() {
    return records.stream().map(ILoggingEvent::getFormattedMessage).toList();
  }

  @Test
  void eachEventIsLoggedOnceWithItsHeight() {
    ConsensusWatch watch = new ConsensusWatch(10_000);
    watch.observed(status(7, 0, 0));
    watch.observed(status(7, 0, 0));
    watch.observed(status(7, 1, 0));
    watch.observed(status(7, 1, 1));
    watch.observed(status(8, 0, 1));
    assertEquals(2, records.size(), messages().toString());
    assertTrue(messages().get(0).startsWith("height 7: round change to round 1"), messages().get(0));
    assertTrue(messages().get(1).startsWith("height 7, round 1: the round's deadline passed"), messages().get(1));
    assertEquals(Level.WARN, records.get(1).getLevel());

    records.clear();
    watch.tick(5 * SECOND, 0, 3, false);
    assertFalse(watch.stalled());
    watch.tick(11 * SECOND, 0, 3, false);
    watch.tick(12 * SECOND, 0, 3, false);
    assertTrue(watch.stalled());
    assertEquals(1, watch.stalls());
    assertEquals(1, records.size(), messages().toString());
    assertTrue(messages().get(0).startsWith("consensus stalled at height 8, round 0: no commit for 11000 ms"),
        messages().get(0));
    watch.tick(13 * SECOND, 12 * SECOND, 3, false);
    assertFalse(watch.stalled());
    assertTrue(messages().get(1).startsWith("consensus resumed"), messages().get(1));
    watch.tick(100 * SECOND, 90 * SECOND, 3, true);
    assertFalse(watch.stalled(), "a node in bulk sync is catching up, not stalled");

    records.clear();
    watch.peerLost(Address.ZERO, false, 3, 4);
    watch.peerLost(Address.ZERO, true, 2, 4);
    assertEquals(1, records.size());
    assertTrue(messages().get(0).contains("lost validator"), messages().get(0));
  }
}

package org.xinlian.node.consensus;

import java.util.Map;
import org.slf4j.MDC;
import org.xinlian.consensus.EngineStatus;

/**
 * The consensus position (height and round) every log line of consensus carries (OPS-53): kept
 * in SLF4J's MDC of the consensus thread after each event the engine handles, handed to the
 * execution thread with each job, and set around the few lines consensus logs elsewhere.
 * Logback's text layout prints it as {@code [height=5 round=0]}, its JSON layout under
 * {@code mdc}.
 */
public final class ConsensusLogContext {
  /** The MDC key of the height being decided. */
  public static final String HEIGHT = "height";
  /** The MDC key of the round of that height. */
  public static final String ROUND = "round";

  private ConsensusLogContext() {}

  /** This thread's lines from now on carry {@code status}'s height and round. */
  static void set(EngineStatus status) {
    set(status.height(), status.round());
  }

  static void set(long height, int round) {
    MDC.put(HEIGHT, Long.toString(height));
    MDC.put(ROUND, Integer.toString(round));
  }

  /** This thread's position, to hand to another thread with work it asks for. */
  static Map<String, String> capture() {
    Map<String, String> context = MDC.getCopyOfContextMap();
    return context == null ? Map.of() : context;
  }

  /** Runs {@code work} with {@code position} (from {@link #capture}), then restores this thread's. */
  static void runWith(Map<String, String> position, Runnable work) {
    Map<String, String> before = MDC.getCopyOfContextMap();
    MDC.setContextMap(position);
    try {
      work.run();
    } finally {
      if (before == null) {
        MDC.clear();
      } else {
        MDC.setContextMap(before);
      }
    }
  }

  /** Runs {@code work} at {@code status}'s position, then restores this thread's. */
  static void runAt(EngineStatus status, Runnable work) {
    runAt(status.height(), status.round(), work);
  }

  /** Runs {@code work} at {@code height} and {@code round}, then restores this thread's. */
  static void runAt(long height, int round, Runnable work) {
    runWith(Map.of(HEIGHT, Long.toString(height), ROUND, Integer.toString(round)), work);
  }
}

package org.xinlian.network;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** The mutable side of {@link TransportMetrics}, updated from I/O threads without locks. */
final class Counters {
  final LongAdder messagesIn = new LongAdder();
  final LongAdder bytesIn = new LongAdder();
  final LongAdder messagesOut = new LongAdder();
  final LongAdder bytesOut = new LongAdder();
  final LongAdder droppedOutbound = new LongAdder();
  final LongAdder droppedInbound = new LongAdder();
  final LongAdder disconnectedForInvalidFrames = new LongAdder();
  private final Map<RefusalReason, LongAdder> refusals = new EnumMap<>(RefusalReason.class);

  Counters() {
    for (RefusalReason reason : RefusalReason.values()) {
      refusals.put(reason, new LongAdder());
    }
  }

  void refused(RefusalReason reason) {
    refusals.get(reason).increment();
  }

  TransportMetrics snapshot(int peers, int inboundHandshakes) {
    Map<RefusalReason, Long> byReason = new EnumMap<>(RefusalReason.class);
    long total = 0;
    for (Map.Entry<RefusalReason, LongAdder> entry : refusals.entrySet()) {
      long count = entry.getValue().sum();
      if (count > 0) {
        byReason.put(entry.getKey(), count);
        total += count;
      }
    }
    return new TransportMetrics(
        peers,
        messagesIn.sum(),
        bytesIn.sum(),
        messagesOut.sum(),
        bytesOut.sum(),
        droppedOutbound.sum(),
        droppedInbound.sum(),
        disconnectedForInvalidFrames.sum(),
        total,
        byReason,
        inboundHandshakes);
  }
}

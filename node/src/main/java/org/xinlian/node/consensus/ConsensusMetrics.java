package org.xinlian.node.consensus;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.ToDoubleFunction;
import org.xinlian.consensus.DropReason;
import org.xinlian.network.RefusalReason;

/**
 * Consensus and P2P meters on the node's /metrics (docs/spec/node.md NODE-14, issue 6 item 8):
 * height, round and round changes; peers and messages in, out and dropped; refused connections by
 * reason and inbound handshakes running; gossip and sync counts. The finality timer {@code xinlian_consensus_finality_seconds} is recorded by
 * {@link ExecutionApplication}. Counters read totals the components keep, so a meter never
 * runs backwards when the driver replaces its engine after a sync.
 */
final class ConsensusMetrics {
  private ConsensusMetrics() {}

  static void register(MeterRegistry meters, ConsensusService service) {
    ConsensusDriver driver = service.driver();
    Gauge.builder("xinlian.consensus.height", driver, d -> d.status().height())
        .description("the height being decided").register(meters);
    Gauge.builder("xinlian.consensus.round", driver, d -> d.status().round())
        .description("the round at that height").register(meters);
    Gauge.builder("xinlian.consensus.validator", service, s -> s.validator() ? 1 : 0)
        .description("1 when this node votes, 0 when it follows").register(meters);
    Gauge.builder("xinlian.consensus.syncing", driver, d -> d.syncing() ? 1 : 0)
        .description("1 while a bulk block sync runs").register(meters);
    counter(meters, "xinlian.consensus.round.changes", driver, d -> d.counters().roundChanges(),
        "rounds entered after round 0");
    counter(meters, "xinlian.consensus.deadlines.deferred", driver,
        d -> d.counters().deadlinesDeferred(),
        "round deadlines that waited for a proposal still executing (CONSENSUS-20)");
    Gauge.builder("xinlian.consensus.stalled", driver, d -> d.stalled() ? 1 : 0)
        .description("1 while no block was committed for 5 round timeouts").register(meters);
    counter(meters, "xinlian.consensus.stalls", driver, d -> d.stalls(), "stalls begun since start");
    counter(meters, "xinlian.consensus.blocks.committed", driver,
        d -> d.counters().blocksCommitted(), "blocks decided by consensus (not by sync)");
    for (DropReason reason : DropReason.values()) {
      FunctionCounter.builder("xinlian.consensus.messages.dropped", driver,
              d -> d.counters().dropped().getOrDefault(reason, 0L))
          .tag("reason", reason.name().toLowerCase(java.util.Locale.ROOT))
          .description("consensus messages the engine dropped, by reason").register(meters);
    }
    FunctionCounter.builder("xinlian.consensus.messages.dropped", driver, d -> d.queueDropped())
        .tag("reason", "queue_full")
        .description("consensus messages the engine dropped, by reason").register(meters);
    Gauge.builder("xinlian.p2p.peers", service, s -> s.transport().connectedPeers().size())
        .description("peers connected and authenticated").register(meters);
    counter(meters, "xinlian.p2p.messages.received", service,
        s -> s.transport().metrics().messagesIn(), "application messages received from peers");
    counter(meters, "xinlian.p2p.messages.sent", service,
        s -> s.transport().metrics().messagesOut(), "application messages written to peers");
    FunctionCounter.builder("xinlian.p2p.messages.dropped", service,
            s -> s.transport().metrics().droppedInbound() + s.unknownChannelMessages())
        .tag("direction", "inbound")
        .description("P2P messages dropped: malformed or oversized frames, unknown channels")
        .register(meters);
    FunctionCounter.builder("xinlian.p2p.messages.dropped", service,
            s -> s.transport().metrics().droppedOutbound() + s.driver().oversizedDropped())
        .tag("direction", "outbound")
        .description("P2P messages not sent: a full peer queue, a closing connection, too large")
        .register(meters);
    counter(meters, "xinlian.p2p.handshakes.refused", service,
        s -> s.transport().metrics().refusedHandshakes(), "connections refused before authentication");
    for (RefusalReason reason : RefusalReason.values()) {
      FunctionCounter.builder("xinlian.p2p.connections.refused", service,
              s -> s.transport().metrics().refusals(reason))
          .tag("reason", reason.name().toLowerCase(java.util.Locale.ROOT))
          .description("connections refused before authentication, by reason: limits at accept,"
              + " certificates, membership, timeouts (docs/spec/network.md)")
          .register(meters);
    }
    Gauge.builder("xinlian.p2p.handshakes.inbound", service,
            s -> s.transport().metrics().inboundHandshakes())
        .description("inbound connections in their TLS or node handshake, against handshakesMax")
        .register(meters);
    counter(meters, "xinlian.gossip.transactions.sent", service, s -> s.gossip().sent(),
        "transactions broadcast to peers");
    counter(meters, "xinlian.gossip.transactions.received", service, s -> s.gossip().received(),
        "transactions received from peers");
    counter(meters, "xinlian.gossip.transactions.dropped", service,
        s -> s.gossip().dropped() + s.gossip().malformed(),
        "gossiped transactions or batches dropped: full queues or malformed batches");
    counter(meters, "xinlian.sync.blocks", service, s -> s.driver().blocksSynced(),
        "blocks committed by bulk block sync");
    counter(meters, "xinlian.sync.blocks.refused", service, s -> s.driver().blocksRefused(),
        "synced blocks refused: certificate or execution did not verify");
  }

  private static <T> void counter(MeterRegistry meters, String name, T object,
      ToDoubleFunction<T> value, String description) {
    FunctionCounter.builder(name, object, value).description(description).register(meters);
  }
}

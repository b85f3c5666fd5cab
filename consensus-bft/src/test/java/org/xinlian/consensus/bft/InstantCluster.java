package org.xinlian.consensus.bft;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.xinlian.common.Address;
import org.xinlian.consensus.ConsensusAction;
import org.xinlian.consensus.ConsensusEngine;
import org.xinlian.consensus.ConsensusEvent;
import org.xinlian.consensus.TimeoutStep;
import org.xinlian.consensus.ValidatorSet;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.KeyPair;

/**
 * Engines connected by a perfect, instant, FIFO network; only proposal delays fire (at once), so
 * every height is decided in round 0. For tests of what happens across heights.
 */
final class InstantCluster {
  private record Delivery(int to, Address from, byte[] bytes, ConsensusEvent timeout) {}

  final List<Address> addresses = new ArrayList<>();
  final List<TestApplication> applications = new ArrayList<>();
  final List<ConsensusEngine> engines = new ArrayList<>();
  final Map<Integer, Integer> broadcastsByNode = new HashMap<>();
  /** The heights each node broadcast signed messages for. */
  final Map<Integer, java.util.Set<Long>> broadcastHeights = new HashMap<>();
  private final ArrayDeque<Delivery> queue = new ArrayDeque<>();
  private final org.xinlian.consensus.message.MessageCodec codec;

  InstantCluster(CryptoSuite suite, List<KeyPair> keys, ValidatorSet genesis,
      Map<Long, ValidatorSet> updates) {
    this.codec = org.xinlian.consensus.message.MessageCodec.of(suite);
    for (KeyPair key : keys) {
      addresses.add(suite.address(key.publicKey()));
      TestApplication application = new TestApplication(suite, genesis);
      application.updates.putAll(updates);
      applications.add(application);
      engines.add(BftEngines.create(Harness.SETTINGS, application, suite, key, Optional.empty()));
    }
  }

  void start() {
    for (int i = 0; i < engines.size(); i++) {
      carryOut(i, engines.get(i).handle(new ConsensusEvent.Start()));
    }
  }

  /** Delivers until every node has committed {@code height}; fails if the cluster goes quiet first. */
  void runUntilHeight(long height) {
    while (applications.stream().anyMatch(app -> app.chain.size() <= height)) {
      Delivery next = queue.poll();
      if (next == null) {
        throw new AssertionError("the cluster stopped before height " + height);
      }
      ConsensusEvent event = next.timeout() != null
          ? next.timeout() : new ConsensusEvent.MessageReceived(next.from(), next.bytes());
      carryOut(next.to(), engines.get(next.to()).handle(event));
    }
  }

  private void carryOut(int node, List<ConsensusAction> actions) {
    for (ConsensusAction action : actions) {
      Optional<ConsensusEvent> answer = ApplicationWork.carryOut(applications.get(node), action);
      if (answer.isPresent()) {
        carryOut(node, engines.get(node).handle(answer.get()));
        continue;
      }
      if (action instanceof ConsensusAction.Broadcast broadcast) {
        broadcastsByNode.merge(node, 1, Integer::sum);
        broadcastHeights.computeIfAbsent(node, key -> new java.util.TreeSet<>())
            .add(codec.decode(broadcast.bytes()).height());
        for (int to = 0; to < engines.size(); to++) {
          if (to != node) {
            queue.add(new Delivery(to, addresses.get(node), broadcast.bytes(), null));
          }
        }
      } else if (action instanceof ConsensusAction.SendTo send) {
        queue.add(new Delivery(addresses.indexOf(send.peer()), addresses.get(node), send.bytes(), null));
      } else if (action instanceof ConsensusAction.ScheduleTimeout timeout
          && timeout.timeout().step() == TimeoutStep.PROPOSAL_DELAY) {
        queue.add(new Delivery(node, null, null, new ConsensusEvent.TimeoutElapsed(timeout.timeout())));
      }
    }
  }
}

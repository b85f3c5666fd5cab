package org.xinlian.testkit;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.xinlian.common.Address;
import org.xinlian.common.RandomSource;

/**
 * The network between simulated nodes: drops, duplicates, delays (hence reorders) and partitions
 * messages as the current {@link NetworkConditions} and partition say. A message crossing a
 * partition, or in flight when one forms, is lost, as on a real cut link.
 */
final class SimulatedNetwork {
  private final Scheduler scheduler;
  private final RandomSource random;
  private final Map<Address, SimulatedNode> nodes = new LinkedHashMap<>();
  private final Map<Address, Integer> groups = new HashMap<>();
  private NetworkConditions conditions = NetworkConditions.calm();
  private long sent;
  private long delivered;
  private long dropped;

  SimulatedNetwork(Scheduler scheduler, RandomSource random) {
    this.scheduler = scheduler;
    this.random = random;
  }

  void attach(SimulatedNode node) {
    nodes.put(node.address(), node);
  }

  void conditions(NetworkConditions conditions) {
    this.conditions = conditions;
  }

  /** Splits the nodes into groups that cannot reach each other; unlisted nodes form one more group. */
  void partition(List<Set<Address>> parts) {
    groups.clear();
    for (int i = 0; i < parts.size(); i++) {
      for (Address address : parts.get(i)) {
        groups.put(address, i + 1);
      }
    }
  }

  void heal() {
    groups.clear();
  }

  void broadcast(Address from, byte[] bytes) {
    for (Address to : nodes.keySet()) {
      if (!to.equals(from)) {
        send(from, to, bytes);
      }
    }
  }

  void send(Address from, Address to, byte[] bytes) {
    sent++;
    if (!connected(from, to) || random.nextInt(1000) < conditions.dropPermille()) {
      dropped++;
      return;
    }
    int copies = random.nextInt(1000) < conditions.duplicatePermille() ? 2 : 1;
    for (int i = 0; i < copies; i++) {
      long span = conditions.delayMaxMillis() - conditions.delayMinMillis() + 1;
      long delay = conditions.delayMinMillis() + random.nextInt((int) Math.min(span, Integer.MAX_VALUE));
      scheduler.after(delay, () -> deliver(from, to, bytes));
    }
  }

  private void deliver(Address from, Address to, byte[] bytes) {
    if (!connected(from, to)) {
      dropped++;
      return;
    }
    SimulatedNode node = nodes.get(to);
    if (node != null) {
      delivered++;
      node.deliver(from, bytes);
    }
  }

  private boolean connected(Address a, Address b) {
    return groups.getOrDefault(a, 0).equals(groups.getOrDefault(b, 0));
  }

  long sent() {
    return sent;
  }

  long delivered() {
    return delivered;
  }

  long dropped() {
    return dropped;
  }
}

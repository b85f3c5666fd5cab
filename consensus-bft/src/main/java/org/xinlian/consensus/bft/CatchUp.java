package org.xinlian.consensus.bft;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.xinlian.common.Address;
import org.xinlian.consensus.CommittedBlock;
import org.xinlian.consensus.ValidatorSet;

/**
 * Block catch-up between validators (CONSENSUS-12): which peers are known to be ahead, which
 * requests went out in the current retransmission period, which answers this node gave, and the
 * last decided blocks kept in memory to answer with. Requests and answers are limited per period,
 * so neither a lagging node nor a hostile one can make this node send without bound.
 */
final class CatchUp {
  /** Decided blocks kept in memory to answer peers a few heights behind. */
  static final int DECIDED_BLOCKS_RETAINED_MAX = 16;

  /** Answers given to one peer per retransmission period. */
  static final int ANSWERS_PER_PEER_PER_PERIOD_MAX = 32;

  /** Peers answered per retransmission period (validators and followers together). */
  static final int PEERS_ANSWERED_PER_PERIOD_MAX = 2 * ValidatorSet.VALIDATORS_MAX;

  private final Map<Address, Long> peerHeights = new HashMap<>();
  private final TreeMap<Long, CommittedBlock> decided = new TreeMap<>();
  private final Set<Long> requested = new HashSet<>();
  private final Map<Address, Set<Long>> answered = new HashMap<>();
  private int rotation;

  /** Notes that {@code peer} (a validator) sent a message for {@code height}. */
  void peerAt(Address peer, long height) {
    peerHeights.merge(peer, height, Math::max);
  }

  /**
   * A peer to ask for the block of {@code height}, if one is known to be past it and no request
   * for it went out in this period. Peers are taken in turn, so a peer that claims to be ahead
   * but never answers delays catch-up by one period at most per turn.
   */
  Optional<Address> requestFor(long height) {
    if (requested.contains(height)) {
      return Optional.empty();
    }
    Address[] ahead = peerHeights.entrySet().stream()
        .filter(entry -> entry.getValue() > height)
        .map(Map.Entry::getKey)
        .sorted()
        .toArray(Address[]::new);
    if (ahead.length == 0) {
      return Optional.empty();
    }
    requested.add(height);
    return Optional.of(ahead[Math.floorMod(rotation++, ahead.length)]);
  }

  /** Whether to answer {@code peer} about {@code height} now: once per height and within the budget. */
  boolean mayAnswer(Address peer, long height) {
    Set<Long> heights = answered.get(peer);
    if (heights == null) {
      if (answered.size() >= PEERS_ANSWERED_PER_PERIOD_MAX) {
        return false;
      }
      heights = new HashSet<>();
      answered.put(peer, heights);
    }
    return heights.size() < ANSWERS_PER_PEER_PER_PERIOD_MAX && heights.add(height);
  }

  /** A retransmission period ends: requests may be repeated and budgets refill. */
  void newPeriod() {
    requested.clear();
    answered.clear();
  }

  void decided(CommittedBlock block) {
    decided.put(block.certificate().height(), block);
    while (decided.size() > DECIDED_BLOCKS_RETAINED_MAX) {
      decided.pollFirstEntry();
    }
  }

  Optional<CommittedBlock> retained(long height) {
    return Optional.ofNullable(decided.get(height));
  }

  /** Forgets peers that are not validators any more. */
  void retainPeers(Predicate<Address> validator) {
    peerHeights.keySet().removeIf(peer -> !validator.test(peer));
  }
}

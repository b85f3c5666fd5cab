package org.xinlian.consensus.bft;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xinlian.common.Address;
import org.xinlian.common.Hash;
import org.xinlian.consensus.message.ConsensusMessage;

/**
 * Messages for the next heights, kept until this node gets there: peers a little ahead do not
 * have to resend them. Bounded in heights, in total and per sending peer, so a Byzantine peer can
 * fill only its own share (CONSENSUS-14); what does not fit is dropped and counted, and the
 * sender's retransmissions bring it again later.
 */
final class FutureMessages {
  /** How many heights ahead messages are kept. */
  static final int FUTURE_HEIGHTS_MAX = 2;

  /** Messages kept for all future heights together. */
  static final int FUTURE_MESSAGES_MAX = 2_048;

  /** Messages kept per sending peer. */
  static final int FUTURE_MESSAGES_PER_PEER_MAX = 64;

  record Buffered(Hash id, Address from, ConsensusMessage message) {}

  private final Map<Hash, Buffered> messages = new LinkedHashMap<>();
  private final Map<Address, Integer> perPeer = new HashMap<>();

  /** Keeps a message; false when a bound is reached. A message already kept counts as kept. */
  boolean add(Hash id, Address from, ConsensusMessage message) {
    if (messages.containsKey(id)) {
      return true;
    }
    int count = perPeer.getOrDefault(from, 0);
    if (messages.size() >= FUTURE_MESSAGES_MAX || count >= FUTURE_MESSAGES_PER_PEER_MAX) {
      return false;
    }
    messages.put(id, new Buffered(id, from, message));
    perPeer.put(from, count + 1);
    return true;
  }

  /** Removes and returns the messages of {@code height}, forgetting those of lower heights. */
  List<Buffered> take(long height) {
    List<Buffered> taken = new ArrayList<>();
    messages.values().removeIf(buffered -> {
      long messageHeight = buffered.message().height();
      if (messageHeight > height) {
        return false;
      }
      if (messageHeight == height) {
        taken.add(buffered);
      }
      perPeer.merge(buffered.from(), -1, Integer::sum);
      return true;
    });
    perPeer.values().removeIf(count -> count <= 0);
    return taken;
  }

  int size() {
    return messages.size();
  }
}

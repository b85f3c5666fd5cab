package org.xinlian.consensus.bft;

import java.util.LinkedHashMap;
import java.util.Map;
import org.xinlian.common.Hash;

/**
 * The hashes of messages already handled, so retransmissions and duplicate deliveries cost a hash
 * instead of a signature recovery. Bounded: the oldest entries are forgotten first.
 */
final class SeenMessages {
  /** Enough for several rounds of a full validator set's messages. */
  static final int SEEN_MESSAGES_MAX = 8_192;

  private final Map<Hash, Boolean> seen =
      new LinkedHashMap<>(1024, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Hash, Boolean> eldest) {
          return size() > SEEN_MESSAGES_MAX;
        }
      };

  boolean contains(Hash id) {
    return seen.containsKey(id);
  }

  void add(Hash id) {
    seen.put(id, Boolean.TRUE);
  }
}

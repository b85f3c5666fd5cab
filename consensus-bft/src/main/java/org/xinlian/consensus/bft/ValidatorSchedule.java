package org.xinlian.consensus.bft;

import java.util.Optional;
import java.util.TreeMap;
import org.xinlian.common.Invariants;
import org.xinlian.consensus.ValidatorSet;

/**
 * The validator sets of the next two heights. A change the application reports when committing
 * height h governs h + 2: the set of h + 1 was already fixed when h was decided, so every
 * validator agrees on who votes at each height whatever its progress (CONSENSUS-16).
 */
final class ValidatorSchedule {
  /** Heights between the block that reports a change and the first height it governs. */
  static final int ACTIVATION_DELAY_HEIGHTS = 2;

  private final TreeMap<Long, ValidatorSet> sets = new TreeMap<>();

  ValidatorSchedule(long committedHeight, ValidatorSet next, ValidatorSet afterNext) {
    sets.put(committedHeight + 1, next);
    sets.put(committedHeight + 2, afterNext);
  }

  ValidatorSet at(long height) {
    ValidatorSet set = sets.get(height);
    Invariants.check(set != null, "no validator set known for height %d (known: %s)", height,
        sets.keySet());
    return set;
  }

  /** Records the commit of {@code height}: the set of {@code height + 2} is the update, or unchanged. */
  void committed(long height, Optional<ValidatorSet> update) {
    ValidatorSet next = at(height + 1);
    sets.put(height + ACTIVATION_DELAY_HEIGHTS, update.orElse(at(height + 1)));
    sets.headMap(height + 1).clear();
    Invariants.check(sets.get(height + 1) == next, "the set of the next height must not change");
  }
}

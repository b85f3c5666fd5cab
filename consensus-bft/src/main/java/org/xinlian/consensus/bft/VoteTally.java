package org.xinlian.consensus.bft;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.xinlian.common.Address;
import org.xinlian.common.Hash;
import org.xinlian.consensus.ValidatorSet;
import org.xinlian.consensus.message.Vote;

/**
 * The votes of one kind in one round: at most one per validator. A validator's second, different
 * vote is equivocation and is not counted, so Byzantine double votes never add power
 * (CONSENSUS-14).
 */
final class VoteTally {
  enum Outcome {
    ADDED,
    DUPLICATE,
    EQUIVOCATION
  }

  private final Map<Address, Vote> bySigner = new LinkedHashMap<>();
  private final Map<Hash, Long> powerByHash = new HashMap<>();

  Outcome add(Address signer, long power, Vote vote) {
    Vote previous = bySigner.get(signer);
    if (previous != null) {
      return previous.blockHash().equals(vote.blockHash()) ? Outcome.DUPLICATE : Outcome.EQUIVOCATION;
    }
    bySigner.put(signer, vote);
    powerByHash.merge(vote.blockHash(), power, Long::sum);
    return Outcome.ADDED;
  }

  long power(Hash blockHash) {
    return powerByHash.getOrDefault(blockHash, 0L);
  }

  /** The block with a quorum of these votes; at most one can have it among honest-majority sets. */
  Optional<Hash> quorumHash(ValidatorSet validators) {
    for (Map.Entry<Hash, Long> entry : powerByHash.entrySet()) {
      if (validators.isQuorum(entry.getValue())) {
        return Optional.of(entry.getKey());
      }
    }
    return Optional.empty();
  }

  /** The votes for {@code blockHash}, in the order they arrived. */
  List<Vote> votesFor(Hash blockHash) {
    List<Vote> votes = new ArrayList<>();
    for (Vote vote : bySigner.values()) {
      if (vote.blockHash().equals(blockHash)) {
        votes.add(vote);
      }
    }
    return votes;
  }
}

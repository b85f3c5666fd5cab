package org.xinlian.consensus.bft;

import java.util.Objects;
import java.util.Optional;
import org.xinlian.consensus.message.Proposal;
import org.xinlian.consensus.message.RoundChange;
import org.xinlian.consensus.message.Vote;

/**
 * The write-ahead record of a validator at its current height (CONSENSUS-13): the round it is in,
 * its lock, and every message it signed in that round. It is stored before any newly signed
 * message leaves, so after a crash the validator resumes in the same round, re-sends the same
 * messages and never signs a different proposal, prepare, commit or round change for a round it
 * already signed in. Rounds below the recorded one are never entered again.
 */
record PersistedState(
    long height,
    int round,
    Optional<Lock> lock,
    Optional<Proposal> proposal,
    Optional<Vote> prepare,
    Optional<Vote> commit,
    Optional<RoundChange> roundChange) {
  PersistedState {
    Objects.requireNonNull(lock, "lock");
    Objects.requireNonNull(proposal, "proposal");
    Objects.requireNonNull(prepare, "prepare");
    Objects.requireNonNull(commit, "commit");
    Objects.requireNonNull(roundChange, "roundChange");
  }
}

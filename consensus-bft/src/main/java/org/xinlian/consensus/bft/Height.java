package org.xinlian.consensus.bft;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.TreeMap;
import org.xinlian.common.Address;
import org.xinlian.common.Hash;
import org.xinlian.consensus.CommittedBlock;
import org.xinlian.consensus.ValidatorSet;
import org.xinlian.consensus.message.RoundChange;

/**
 * The state of one height: the validator set, the current round, the lock, the round states kept
 * and each validator's latest round change. Split as in Besu's qbft-core: height, then round,
 * then the round's votes. Bounded: at most {@link #ROUND_STATES_MAX} rounds and one round change
 * per validator.
 */
final class Height {
  /** Votes and proposals are kept for rounds at most this far ahead of the current one. */
  static final int ROUNDS_AHEAD_MAX = 8;

  /** Round states kept; the lowest rounds are forgotten first (never the current one). */
  static final int ROUND_STATES_MAX = 16;

  /**
   * Blocks this node executes per height: one proposal per kept round, decided blocks and the
   * blocks round changes carry. Honest validators stay far below; it only bounds a faulty set.
   */
  static final int BLOCK_EXECUTIONS_MAX = 64;

  final long number;
  final ValidatorSet validators;
  final Address self;
  final boolean validator;
  final Hash parentHash;
  final Map<Address, RoundChange> roundChanges = new HashMap<>();
  private final TreeMap<Integer, Round> rounds = new TreeMap<>();
  int round;
  Lock lock;
  CommittedBlock decision;
  /** The decision was handed to the application to commit; the height ends when it is done. */
  boolean commitRequested;
  /** The application's verdicts on this height's blocks: accepted or not, by block hash. */
  final Map<Hash, Boolean> verdicts = new HashMap<>();
  /** Blocks handed to the application to execute whose verdict has not come back. */
  final Set<Hash> executing = new HashSet<>();
  /** Decided blocks (verified certificates) waiting for the application's verdict, by hash. */
  final Map<Hash, CommittedBlock> pendingDecisions = new HashMap<>();

  Height(long number, ValidatorSet validators, Address self, Hash parentHash) {
    this.number = number;
    this.validators = validators;
    this.self = self;
    this.validator = validators.contains(self);
    this.parentHash = parentHash;
    rounds.put(0, new Round(0));
  }

  /** Resumes at a round recorded before a restart. */
  void restoreRound(int number) {
    round = number;
    rounds.computeIfAbsent(number, Round::new);
  }

  boolean decided() {
    return decision != null;
  }

  Round current() {
    return rounds.get(round);
  }

  /** The state of {@code number} if kept. */
  Optional<Round> existing(int number) {
    return Optional.ofNullable(rounds.get(number));
  }

  /**
   * The state of round {@code number}, created if needed; empty when it is older than every kept
   * round while the bound is reached (or beyond the look-ahead).
   */
  Optional<Round> keep(int number) {
    Round existing = rounds.get(number);
    if (existing != null) {
      return Optional.of(existing);
    }
    if (number > round + ROUNDS_AHEAD_MAX
        || (rounds.size() >= ROUND_STATES_MAX && number < rounds.firstKey())) {
      return Optional.empty();
    }
    Round created = new Round(number);
    rounds.put(number, created);
    if (rounds.size() > ROUND_STATES_MAX) {
      rounds.keySet().stream()
          .filter(kept -> kept != round && kept != number)
          .findFirst()
          .ifPresent(rounds::remove);
    }
    return Optional.of(created);
  }

  Iterable<Round> rounds() {
    return rounds.values();
  }

  /** A copy of the kept rounds, for loops that may enter rounds while they run. */
  java.util.List<Round> roundsSnapshot() {
    return java.util.List.copyOf(rounds.values());
  }

  PersistedState persisted() {
    Round current = current();
    return new PersistedState(number, round, Optional.ofNullable(lock),
        Optional.ofNullable(current.sentProposal), Optional.ofNullable(current.sentPrepare),
        Optional.ofNullable(current.sentCommit), Optional.ofNullable(current.sentRoundChange));
  }
}

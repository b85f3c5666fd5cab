package org.xinlian.consensus;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.xinlian.common.Address;

/**
 * The validators of one height with their voting power, in canonical order (ascending address),
 * so every node derives the same proposer and the same quorum from the same set whatever order
 * the application listed it in.
 *
 * <p>A quorum is more than two thirds of the total power: any two quorums then share more than a
 * third of the power, which is more than the Byzantine validators hold, so they share an honest
 * validator (docs/spec/consensus.md CONSENSUS-2). A weak quorum, more than a third, always contains
 * an honest validator.
 */
public final class ValidatorSet {
  /** Most validators: a commit certificate of this many SM2 signatures still fits in 64 KiB. */
  public static final int VALIDATORS_MAX = 300;

  /** Largest power of one validator; with {@link #VALIDATORS_MAX} the total times 3 fits a long. */
  public static final long VOTING_POWER_MAX = 1_000_000_000_000L;

  private final List<Validator> validators;
  private final Map<Address, Integer> indexes;
  private final long totalPower;

  private ValidatorSet(List<Validator> sorted) {
    this.validators = List.copyOf(sorted);
    this.indexes = new HashMap<>();
    long total = 0;
    for (int i = 0; i < validators.size(); i++) {
      indexes.put(validators.get(i).address(), i);
      total += validators.get(i).votingPower();
    }
    this.totalPower = total;
  }

  /**
   * A set from validators in any order.
   *
   * @throws IllegalArgumentException for an empty set, more than {@link #VALIDATORS_MAX}, or an
   *     address listed twice
   */
  public static ValidatorSet of(Collection<Validator> validators) {
    if (validators.isEmpty()) {
      throw new IllegalArgumentException("validatorSet: must not be empty");
    }
    if (validators.size() > VALIDATORS_MAX) {
      throw new IllegalArgumentException(
          "validatorSet: " + validators.size() + " validators exceed the limit of " + VALIDATORS_MAX);
    }
    List<Validator> sorted = new ArrayList<>(validators);
    sorted.sort(Comparator.comparing(Validator::address));
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).address().equals(sorted.get(i - 1).address())) {
        throw new IllegalArgumentException(
            "validatorSet: " + sorted.get(i).address() + " is listed twice");
      }
    }
    return new ValidatorSet(sorted);
  }

  /** Validators of equal power 1, the common consortium configuration. */
  public static ValidatorSet equalPower(Collection<Address> addresses) {
    List<Validator> validators = new ArrayList<>();
    for (Address address : addresses) {
      validators.add(new Validator(address, 1));
    }
    return of(validators);
  }

  /** The validators in canonical (ascending address) order. */
  public List<Validator> validators() {
    return validators;
  }

  public int size() {
    return validators.size();
  }

  public long totalPower() {
    return totalPower;
  }

  public boolean contains(Address address) {
    return indexes.containsKey(address);
  }

  /** The power of {@code address}, or 0 when it is not a validator of this set. */
  public long powerOf(Address address) {
    Integer index = indexes.get(address);
    return index == null ? 0 : validators.get(index).votingPower();
  }

  /** True when {@code power} is more than two thirds of the total. */
  public boolean isQuorum(long power) {
    return 3 * power > 2 * totalPower;
  }

  /** True when {@code power} is more than a third of the total, so it includes an honest validator. */
  public boolean isWeakQuorum(long power) {
    return 3 * power > totalPower;
  }

  /** The least power that is a quorum. */
  public long quorumPower() {
    return 2 * totalPower / 3 + 1;
  }

  /**
   * The proposer of a round: validators take turns in canonical order, starting one further at
   * each height, so a silent proposer costs one round and every validator proposes as often as
   * the others whatever its power (docs/spec/consensus.md CONSENSUS-4).
   */
  public Address proposer(long height, int round) {
    long turn = Math.floorMod(height + round, (long) validators.size());
    return validators.get((int) turn).address();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ValidatorSet set && set.validators.equals(validators);
  }

  @Override
  public int hashCode() {
    return validators.hashCode();
  }

  @Override
  public String toString() {
    return "ValidatorSet" + validators;
  }
}

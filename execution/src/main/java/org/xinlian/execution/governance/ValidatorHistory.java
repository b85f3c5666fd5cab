package org.xinlian.execution.governance;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.xinlian.common.Address;
import org.xinlian.common.Invariants;
import org.xinlian.evm.state.WorldState;
import org.xinlian.evm.word.UInt256;

/**
 * Every validator epoch a state records, oldest first, from the genesis set (epoch 0) on. The
 * history only grows and each epoch starts at least two heights after the block that recorded it,
 * so the head state answers the set of every height up to head + 2, past heights included
 * (docs/adr/0009, EXECUTION-11).
 *
 * <p>Storage at {@link ValidatorGovernance#ADDRESS}: slot 0 holds the last epoch's number; epoch
 * e keeps its activation height at slot {@code e·2^32}, its size at {@code e·2^32 + 1} and its
 * validator i at {@code e·2^32 + 2 + i}.
 */
public final class ValidatorHistory {
  private static final UInt256 LAST_EPOCH_SLOT = UInt256.ZERO;
  private static final int EPOCH_SLOT_SHIFT_BITS = 32;
  private static final int ACTIVATION_OFFSET = 0;
  private static final int SIZE_OFFSET = 1;
  private static final int VALIDATORS_OFFSET = 2;

  private final List<ValidatorEpoch> epochs;

  private ValidatorHistory(List<ValidatorEpoch> epochs) {
    this.epochs = List.copyOf(epochs);
  }

  /** A chain that has only its genesis validators. */
  public static ValidatorHistory genesis(List<Address> genesisValidators) {
    return new ValidatorHistory(List.of(new ValidatorEpoch(0, 1, genesisValidators)));
  }

  /** The epochs, oldest (the genesis set) first. */
  public List<ValidatorEpoch> epochs() {
    return epochs;
  }

  /** The last recorded epoch: the set that governs from its activation height on. */
  public ValidatorEpoch latest() {
    return epochs.get(epochs.size() - 1);
  }

  /**
   * The epoch that governs {@code height}: the last one activated at or before it. Exact for every
   * height up to the recording state's block + 2.
   */
  public ValidatorEpoch at(long height) {
    for (int i = epochs.size() - 1; i > 0; i--) {
      if (epochs.get(i).activationHeight() <= height) {
        return epochs.get(i);
      }
    }
    return epochs.get(0);
  }

  /** The epoch that starts exactly at {@code height}, if one does. */
  public Optional<ValidatorEpoch> startingAt(long height) {
    for (int i = epochs.size() - 1; i > 0; i--) {
      if (epochs.get(i).activationHeight() == height) {
        return Optional.of(epochs.get(i));
      }
    }
    return Optional.empty();
  }

  /**
   * The history {@code state} records, reusing {@code known} for the epochs it already holds
   * (the history only grows, so only new epochs are read).
   */
  public static ValidatorHistory read(WorldState state, ValidatorHistory known) {
    long last = state.storage(ValidatorGovernance.ADDRESS, LAST_EPOCH_SLOT).longValue();
    long knownLast = known.latest().number();
    Invariants.check(last >= knownLast, "the validator history shrank from epoch %s to %s", knownLast, last);
    if (last == knownLast) {
      return known;
    }
    List<ValidatorEpoch> epochs = new ArrayList<>(known.epochs);
    for (long number = knownLast + 1; number <= last; number++) {
      epochs.add(readEpoch(state, number));
    }
    return new ValidatorHistory(epochs);
  }

  /** Appends {@code epoch}, which must be the next one, to the history in {@code state}. */
  static void append(WorldState state, ValidatorEpoch epoch) {
    Address account = ValidatorGovernance.ADDRESS;
    state.setStorage(account, slot(epoch.number(), ACTIVATION_OFFSET), UInt256.fromLong(epoch.activationHeight()));
    state.setStorage(account, slot(epoch.number(), SIZE_OFFSET), UInt256.fromLong(epoch.validators().size()));
    for (int i = 0; i < epoch.validators().size(); i++) {
      state.setStorage(account, slot(epoch.number(), VALIDATORS_OFFSET + i),
          UInt256.fromBytes(epoch.validators().get(i).toArray()));
    }
    state.setStorage(account, LAST_EPOCH_SLOT, UInt256.fromLong(epoch.number()));
  }

  /** The last epoch {@code state} records, reading only that one; {@code genesis}'s when none. */
  static ValidatorEpoch latest(WorldState state, ValidatorHistory genesis) {
    long last = state.storage(ValidatorGovernance.ADDRESS, LAST_EPOCH_SLOT).longValue();
    return last == 0 ? genesis.epochs.get(0) : readEpoch(state, last);
  }

  private static ValidatorEpoch readEpoch(WorldState state, long number) {
    Address account = ValidatorGovernance.ADDRESS;
    long activation = state.storage(account, slot(number, ACTIVATION_OFFSET)).longValue();
    int size = (int) state.storage(account, slot(number, SIZE_OFFSET)).longValue();
    Invariants.check(size >= 1 && size <= ValidatorGovernance.VALIDATORS_MAX,
        "validator epoch %s records %s validators", number, size);
    List<Address> validators = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      byte[] word = state.storage(account, slot(number, VALIDATORS_OFFSET + i)).toBytes();
      validators.add(Address.wrap(Arrays.copyOfRange(word, UInt256.BYTES - Address.LENGTH, UInt256.BYTES)));
    }
    return new ValidatorEpoch(number, activation, validators);
  }

  private static UInt256 slot(long epoch, int offset) {
    return UInt256.fromBigInteger(BigInteger.valueOf(epoch).shiftLeft(EPOCH_SLOT_SHIFT_BITS)
        .add(BigInteger.valueOf(offset)));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ValidatorHistory history && history.epochs.equals(epochs);
  }

  @Override
  public int hashCode() {
    return Objects.hash(epochs);
  }

  @Override
  public String toString() {
    return "ValidatorHistory" + epochs;
  }
}

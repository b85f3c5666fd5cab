package org.xinlian.execution.governance;

import java.util.List;
import java.util.Objects;
import org.xinlian.common.Address;

/**
 * One validator set and the first height it governs. Epoch 0 is the genesis set, from height 1;
 * each later epoch was recorded by an update (docs/adr/0009) and every validator has voting
 * power 1.
 *
 * @param number 0 for the genesis set, then 1, 2, ... in the order recorded
 * @param activationHeight the first height this set governs (1 for the genesis set)
 * @param validators the validators' addresses; in strictly ascending order for recorded epochs,
 *     in the genesis file's order for epoch 0
 */
public record ValidatorEpoch(long number, long activationHeight, List<Address> validators) {
  public ValidatorEpoch {
    if (number < 0) {
      throw new IllegalArgumentException("validatorEpoch.number: must not be negative, got " + number);
    }
    if (activationHeight < 1) {
      throw new IllegalArgumentException(
          "validatorEpoch.activationHeight: must be at least 1, got " + activationHeight);
    }
    validators = List.copyOf(Objects.requireNonNull(validators, "validatorEpoch.validators"));
    if (validators.isEmpty()) {
      throw new IllegalArgumentException("validatorEpoch.validators: must not be empty");
    }
  }
}

package org.xinlian.consensus;

import java.util.Objects;
import java.util.Optional;

/**
 * {@link Application#commit}'s result.
 *
 * @param validatorSetUpdate the new validator set when the committed block changed it (a
 *     governance transaction): committed at height h, it governs heights from h + 2 on
 *     (CONSENSUS-16)
 */
public record CommitOutcome(Optional<ValidatorSet> validatorSetUpdate) {
  private static final CommitOutcome UNCHANGED = new CommitOutcome(Optional.empty());

  public CommitOutcome {
    Objects.requireNonNull(validatorSetUpdate, "validatorSetUpdate");
  }

  public static CommitOutcome unchanged() {
    return UNCHANGED;
  }

  public static CommitOutcome changedTo(ValidatorSet validators) {
    return new CommitOutcome(Optional.of(validators));
  }
}

package org.xinlian.execution;

import java.util.Objects;
import java.util.Optional;
import org.xinlian.common.Hash;
import org.xinlian.execution.governance.ValidatorEpoch;

/**
 * What {@link ExecutionPort#commit} persisted.
 *
 * @param number the new head's number
 * @param hash the new head's hash
 * @param stateRoot its state root
 * @param validatorChange the validator epoch that governs from {@code number + 2} on, when one
 *     starts exactly there: what consensus applies two heights after the block that reports it
 *     (EXECUTION-11, CONSENSUS-16)
 */
public record CommitResult(long number, Hash hash, Hash stateRoot,
    Optional<ValidatorEpoch> validatorChange) {
  public CommitResult {
    Objects.requireNonNull(validatorChange, "validatorChange");
  }
}

package org.xinlian.execution;

import java.util.Objects;
import java.util.Optional;
import org.xinlian.common.Address;

/**
 * The outcome of {@link ExecutionPort#call}.
 *
 * @param status how the message ended
 * @param output the return data, or the revert data when {@link Status#REVERTED} (RPC decodes the
 *     reason from it)
 * @param gasUsed gas used after refunds (zero when rejected)
 * @param detail why the message was rejected or halted; empty on success
 * @param createdAddress the new contract's address for a successful creation
 */
public record CallResult(
    Status status, byte[] output, long gasUsed, String detail, Optional<Address> createdAddress) {
  /** How a call ended. */
  public enum Status {
    SUCCESS,
    /** REVERT: output holds the revert data. */
    REVERTED,
    /** Out of gas, invalid opcode and the like. */
    HALTED,
    /** Not executed at all: a validity rule failed (balance, gas below intrinsic, ...). */
    REJECTED
  }

  public CallResult {
    Objects.requireNonNull(status, "status");
    output = output.clone();
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(createdAddress, "createdAddress");
  }

  @Override
  public byte[] output() {
    return output.clone();
  }

  public boolean succeeded() {
    return status == Status.SUCCESS;
  }
}

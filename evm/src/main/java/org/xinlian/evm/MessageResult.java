package org.xinlian.evm;

import java.util.List;
import java.util.Optional;
import org.xinlian.common.Address;

/**
 * What a message left behind: how it ended, the gas it did not use, its output (RETURN or REVERT
 * data; empty after an exceptional halt), the logs of the successful frames, and for a successful
 * creation the new contract's address.
 */
public record MessageResult(
    Outcome outcome,
    long gasLeft,
    byte[] output,
    List<Log> logs,
    Optional<Address> createdAddress,
    Optional<HaltReason> haltReason) {

  public boolean isSuccess() {
    return outcome == Outcome.SUCCESS;
  }

  /** An exceptional halt: no gas left, no output, no logs. */
  public static MessageResult halt(HaltReason reason) {
    return new MessageResult(
        Outcome.EXCEPTIONAL_HALT, 0, new byte[0], List.of(), Optional.empty(), Optional.of(reason));
  }
}

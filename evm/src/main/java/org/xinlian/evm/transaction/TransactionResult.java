package org.xinlian.evm.transaction;

import java.util.List;
import java.util.Optional;
import org.xinlian.common.Address;
import org.xinlian.evm.Log;
import org.xinlian.evm.Outcome;

/**
 * A transaction's effect: either rejected (not included; state untouched) with a reason, or
 * executed with the gas it finally used (after refunds), its logs and output.
 */
public record TransactionResult(
    Optional<String> rejection,
    Outcome outcome,
    long gasUsed,
    List<Log> logs,
    byte[] output,
    Optional<Address> createdAddress) {

  static TransactionResult rejected(String reason) {
    return new TransactionResult(
        Optional.of(reason), Outcome.EXCEPTIONAL_HALT, 0, List.of(), new byte[0], Optional.empty());
  }

  public boolean isRejected() {
    return rejection.isPresent();
  }
}

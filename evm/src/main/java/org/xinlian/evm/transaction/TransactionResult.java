package org.xinlian.evm.transaction;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.xinlian.common.Address;
import org.xinlian.common.Hash;
import org.xinlian.common.Invariants;
import org.xinlian.evm.Log;
import org.xinlian.evm.Outcome;
import org.xinlian.types.block.Receipt;
import org.xinlian.types.transaction.TransactionType;

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

  /**
   * The receipt of an executed transaction (EVM-11): status 1 on success, the block's gas used up to
   * and including this transaction, its logs with their bloom (empty when the transaction reverted
   * or halted, since its logs were undone).
   *
   * @param type the transaction's envelope type, which the receipt's encoding carries
   * @param cumulativeGasUsedBefore gas used in the block by the transactions before this one
   */
  public Receipt receipt(TransactionType type, long cumulativeGasUsedBefore) {
    Invariants.check(!isRejected(), "a rejected transaction has no receipt: %s", rejection);
    boolean success = outcome == Outcome.SUCCESS;
    List<org.xinlian.types.block.Log> receiptLogs = new ArrayList<>(logs.size());
    for (Log log : success ? logs : List.<Log>of()) {
      List<Hash> topics = new ArrayList<>(log.topics().size());
      log.topics().forEach(topic -> topics.add(Hash.wrap(topic.toBytes())));
      receiptLogs.add(new org.xinlian.types.block.Log(log.address(), topics, log.data()));
    }
    return Receipt.of(
        type, success, Math.addExact(cumulativeGasUsedBefore, gasUsed), receiptLogs);
  }
}

package org.xinlian.types.block;

import java.util.List;
import java.util.Objects;
import org.xinlian.types.transaction.TransactionType;

/**
 * The outcome of one transaction, in Ethereum's post-Byzantium form: status, gas used so far in
 * the block, the bloom of the logs and the logs. {@link ReceiptCodec} gives the typed encoding
 * (EIP-2718) whose trie root is the header's receipts root.
 *
 * @param type the transaction's envelope type, which prefixes a typed receipt's encoding
 * @param success status 1 (true) or 0 (false)
 * @param cumulativeGasUsed gas used in the block up to and including this transaction
 */
public record Receipt(
    TransactionType type,
    boolean success,
    long cumulativeGasUsed,
    LogsBloom logsBloom,
    List<Log> logs) {
  public Receipt {
    Objects.requireNonNull(type, "receipt.type");
    if (cumulativeGasUsed < 0) {
      throw new IllegalArgumentException("receipt.cumulativeGasUsed: negative");
    }
    Objects.requireNonNull(logsBloom, "receipt.logsBloom");
    logs = List.copyOf(logs);
  }

  /** A receipt whose bloom is computed from its logs. */
  public static Receipt of(TransactionType type, boolean success, long cumulativeGasUsed,
      List<Log> logs) {
    return new Receipt(type, success, cumulativeGasUsed, LogsBloom.of(logs), logs);
  }
}

package org.xinlian.ledger.chain;

import java.util.Objects;
import org.xinlian.types.block.Receipt;
import org.xinlian.types.transaction.Transaction;

/** A transaction found by hash, with its outcome and where it was included. */
public record IndexedTransaction(
    Transaction transaction, Receipt receipt, TransactionLocation location) {
  public IndexedTransaction {
    Objects.requireNonNull(transaction, "transaction");
    Objects.requireNonNull(receipt, "receipt");
    Objects.requireNonNull(location, "location");
  }
}

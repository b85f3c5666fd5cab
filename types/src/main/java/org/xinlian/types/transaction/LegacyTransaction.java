package org.xinlian.types.transaction;

import java.util.Objects;
import org.xinlian.crypto.Signature;

/** A signed legacy transaction. */
public record LegacyTransaction(UnsignedTransaction.Legacy unsigned, Signature signature)
    implements Transaction {
  public LegacyTransaction {
    Objects.requireNonNull(unsigned, "transaction");
    Objects.requireNonNull(signature, "transaction.signature");
  }
}

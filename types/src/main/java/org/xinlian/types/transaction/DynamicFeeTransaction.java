package org.xinlian.types.transaction;

import java.util.Objects;
import org.xinlian.crypto.Signature;

/** A signed EIP-1559 transaction. */
public record DynamicFeeTransaction(UnsignedTransaction.DynamicFee unsigned, Signature signature)
    implements Transaction {
  public DynamicFeeTransaction {
    Objects.requireNonNull(unsigned, "transaction");
    Objects.requireNonNull(signature, "transaction.signature");
  }
}

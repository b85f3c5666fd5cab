package org.xinlian.types.transaction;

import java.util.Objects;
import org.xinlian.crypto.Signature;

/** A signed EIP-2930 transaction. */
public record AccessListTransaction(UnsignedTransaction.AccessList unsigned, Signature signature)
    implements Transaction {
  public AccessListTransaction {
    Objects.requireNonNull(unsigned, "transaction");
    Objects.requireNonNull(signature, "transaction.signature");
  }
}

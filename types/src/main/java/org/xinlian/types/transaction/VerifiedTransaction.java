package org.xinlian.types.transaction;

import java.util.Objects;
import org.xinlian.common.Address;
import org.xinlian.common.Hash;

/**
 * A transaction whose hash and sender were established once, by {@link
 * TransactionCodec#verify}: the pool, block builder and executor pass this around instead of
 * recovering the sender again (a secp256k1 recovery costs far more than the rest of decoding).
 *
 * @param encodedLength the envelope's size in bytes, for pool and block size limits
 */
public record VerifiedTransaction(
    Transaction transaction, Hash hash, Address sender, int encodedLength) {
  public VerifiedTransaction {
    Objects.requireNonNull(transaction, "transaction");
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(sender, "sender");
  }
}

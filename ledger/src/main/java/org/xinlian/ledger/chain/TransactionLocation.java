package org.xinlian.ledger.chain;

import java.util.Objects;
import org.xinlian.common.Hash;

/**
 * Where a transaction was included: what {@code eth_getTransactionReceipt} and friends report, and
 * what lets a transaction be found by hash without scanning blocks.
 *
 * @param position the index of the transaction in its block's body
 */
public record TransactionLocation(Hash blockHash, long blockNumber, int position) {
  public TransactionLocation {
    Objects.requireNonNull(blockHash, "blockHash");
    if (blockNumber < 0 || position < 0) {
      throw new IllegalArgumentException(
          "block number and position must not be negative: " + blockNumber + ", " + position);
    }
  }
}

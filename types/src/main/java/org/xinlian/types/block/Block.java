package org.xinlian.types.block;

import java.util.List;
import java.util.Objects;
import org.xinlian.common.Hash;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.types.transaction.Transaction;

/** A header and its ordered transactions; the block's hash is its header's hash. */
public record Block(BlockHeader header, List<Transaction> transactions) {
  public Block {
    Objects.requireNonNull(header, "block.header");
    transactions = List.copyOf(transactions);
  }

  public Hash hash(CryptoSuite suite) {
    return header.hash(suite);
  }
}

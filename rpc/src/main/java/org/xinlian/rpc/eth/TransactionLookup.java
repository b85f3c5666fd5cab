package org.xinlian.rpc.eth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.xinlian.common.Hash;
import org.xinlian.ledger.chain.IndexedTransaction;
import org.xinlian.types.block.Block;
import org.xinlian.types.block.Receipt;
import org.xinlian.types.transaction.Transaction;

/** Finding transactions and receipts by hash or position, shared by the lookup methods. */
final class TransactionLookup {
  private TransactionLookup() {}

  /** An included transaction's object, or a pending one's (block fields null), or empty. */
  static Optional<ObjectNode> byHash(EthContext context, Hash hash) {
    var dependencies = context.dependencies;
    Optional<IndexedTransaction> indexed = dependencies.blocks().transaction(hash);
    if (indexed.isPresent()) {
      IndexedTransaction found = indexed.get();
      Transaction transaction = found.transaction();
      return Optional.of(TransactionJson.transaction(transaction, hash,
          transaction.sender(dependencies.suite()), inclusion(found), context.baseFee(),
          dependencies.suite()));
    }
    return dependencies.pool().get(hash).map(pending -> TransactionJson.transaction(
        pending.transaction(), pending.hash(), pending.sender(), null, context.baseFee(),
        dependencies.suite()));
  }

  static Optional<ObjectNode> byPosition(EthContext context, Optional<Block> block, long index) {
    if (block.isEmpty() || index >= block.get().transactions().size()) {
      return Optional.empty();
    }
    Block found = block.get();
    Transaction transaction = found.transactions().get((int) index);
    var suite = context.dependencies.suite();
    return Optional.of(TransactionJson.transaction(transaction, transaction.hash(suite),
        transaction.sender(suite), new TransactionJson.Inclusion(found.header().hash(suite),
            found.header().number(), (int) index), context.baseFee(), suite));
  }

  static Optional<ObjectNode> receipt(EthContext context, Hash hash) {
    var dependencies = context.dependencies;
    return dependencies.blocks().transaction(hash).map(found -> {
      List<Receipt> receipts =
          dependencies.blocks().receipts(found.location().blockHash()).orElseThrow();
      Transaction transaction = found.transaction();
      return TransactionJson.receipt(transaction, hash, transaction.sender(dependencies.suite()),
          inclusion(found), receipts, context.baseFee(), context.zeroPrice());
    });
  }

  private static TransactionJson.Inclusion inclusion(IndexedTransaction found) {
    return new TransactionJson.Inclusion(found.location().blockHash(),
        found.location().blockNumber(), found.location().position());
  }
}

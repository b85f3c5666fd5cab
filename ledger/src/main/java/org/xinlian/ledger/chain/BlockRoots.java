package org.xinlian.ledger.chain;

import java.util.ArrayList;
import java.util.List;
import org.xinlian.common.Hash;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.ledger.state.StateHashing;
import org.xinlian.trie.InMemoryNodeStore;
import org.xinlian.trie.MerklePatriciaTrie;
import org.xinlian.trie.TrieHashFunction;
import org.xinlian.types.block.LogsBloom;
import org.xinlian.types.block.Receipt;
import org.xinlian.types.block.ReceiptCodec;
import org.xinlian.types.rlp.Rlp;
import org.xinlian.types.transaction.Transaction;
import org.xinlian.types.transaction.TransactionCodec;

/**
 * The header's commitments to a block's content, computed one way for everyone: the commit
 * check of {@link BlockStore} and the offline {@code LedgerVerifier} must agree bit for bit, or a
 * block accepted today would be reported as corrupt tomorrow (docs/spec/ledger.md LEDGER-2).
 *
 * <p>Both roots are Ethereum's ordered tries: key {@code rlp(index)}, value the transaction's
 * envelope or the receipt's typed encoding, hashed with {@link StateHashing#trieHash} so a
 * standard chain's roots equal Ethereum's and a gm chain's are SM3.
 */
public final class BlockRoots {
  private BlockRoots() {}

  public static Hash transactionsRoot(CryptoSuite suite, List<Transaction> transactions) {
    TransactionCodec codec = TransactionCodec.of(suite);
    List<byte[]> values = new ArrayList<>(transactions.size());
    for (Transaction transaction : transactions) {
      values.add(codec.encode(transaction));
    }
    return orderedTrieRoot(StateHashing.trieHash(suite), values);
  }

  public static Hash receiptsRoot(CryptoSuite suite, List<Receipt> receipts) {
    List<byte[]> values = new ArrayList<>(receipts.size());
    for (Receipt receipt : receipts) {
      values.add(ReceiptCodec.encode(receipt));
    }
    return orderedTrieRoot(StateHashing.trieHash(suite), values);
  }

  /** The block's bloom: the union of its receipts' blooms. */
  public static LogsBloom logsBloom(List<Receipt> receipts) {
    LogsBloom bloom = LogsBloom.EMPTY;
    for (Receipt receipt : receipts) {
      bloom = bloom.or(receipt.logsBloom());
    }
    return bloom;
  }

  /** The root of the trie mapping {@code rlp(i)} to {@code values.get(i)}. */
  public static Hash orderedTrieRoot(TrieHashFunction hashFunction, List<byte[]> values) {
    MerklePatriciaTrie trie = MerklePatriciaTrie.empty(new InMemoryNodeStore(), hashFunction);
    for (int index = 0; index < values.size(); index++) {
      trie.put(Rlp.encodeUnsignedLong(index), values.get(index));
    }
    return trie.rootHash();
  }
}

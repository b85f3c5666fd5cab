package org.xinlian.ledger.chain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.xinlian.common.Hash;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.ledger.state.StateHashing;
import org.xinlian.trie.TrieHashFunction;
import org.xinlian.types.block.LogsBloom;
import org.xinlian.types.block.Receipt;
import org.xinlian.types.block.ReceiptCodec;
import org.xinlian.types.transaction.Transaction;
import org.xinlian.types.transaction.TransactionCodec;

/**
 * What a block's header commits to about its body, computed once: the transactions' envelopes and
 * hashes, the receipts' encodings, both ordered-trie roots and the bloom. Building a block, checking
 * it and storing it each needed these; recomputing them at every step cost the block producer a
 * fifth of its time. Values are the same as {@link BlockRoots}' (LEDGER-2), which stays the
 * reference the offline verifier uses.
 *
 * <p>Instances are made only by {@link #compute} and remember the lists they were computed from,
 * so {@link BlockStore} can tell whether they describe the block it is asked to store.
 */
public final class BlockDigests {
  private final List<Transaction> transactions;
  private final List<Receipt> receipts;
  private final List<byte[]> envelopes;
  private final List<Hash> transactionHashes;
  private final List<byte[]> receiptEncodings;
  private final Hash transactionsRoot;
  private final Hash receiptsRoot;
  private final LogsBloom logsBloom;

  private BlockDigests(List<Transaction> transactions, List<Receipt> receipts, List<byte[]> envelopes,
      List<Hash> transactionHashes, List<byte[]> receiptEncodings, Hash transactionsRoot,
      Hash receiptsRoot, LogsBloom logsBloom) {
    this.transactions = transactions;
    this.receipts = receipts;
    this.envelopes = envelopes;
    this.transactionHashes = transactionHashes;
    this.receiptEncodings = receiptEncodings;
    this.transactionsRoot = transactionsRoot;
    this.receiptsRoot = receiptsRoot;
    this.logsBloom = logsBloom;
  }

  /** Encodes and hashes every transaction and receipt once, and derives the roots and bloom. */
  public static BlockDigests compute(CryptoSuite suite, List<Transaction> transactions, List<Receipt> receipts) {
    List<Transaction> fixedTransactions = List.copyOf(transactions);
    List<Receipt> fixedReceipts = List.copyOf(receipts);
    TransactionCodec codec = TransactionCodec.of(suite);
    List<byte[]> envelopes = new ArrayList<>(fixedTransactions.size());
    List<Hash> hashes = new ArrayList<>(fixedTransactions.size());
    for (Transaction transaction : fixedTransactions) {
      byte[] envelope = codec.encode(transaction);
      envelopes.add(envelope);
      hashes.add(suite.hashOf(envelope));
    }
    List<byte[]> receiptEncodings = new ArrayList<>(fixedReceipts.size());
    for (Receipt receipt : fixedReceipts) {
      receiptEncodings.add(ReceiptCodec.encode(receipt));
    }
    TrieHashFunction trieHash = StateHashing.trieHash(suite);
    return new BlockDigests(fixedTransactions, fixedReceipts, List.copyOf(envelopes), List.copyOf(hashes),
        List.copyOf(receiptEncodings), BlockRoots.orderedTrieRoot(trieHash, envelopes),
        BlockRoots.orderedTrieRoot(trieHash, receiptEncodings), BlockRoots.logsBloom(fixedReceipts));
  }

  /** True when these digests were computed from exactly these transactions and receipts. */
  public boolean describe(List<Transaction> otherTransactions, List<Receipt> otherReceipts) {
    Objects.requireNonNull(otherTransactions, "transactions");
    Objects.requireNonNull(otherReceipts, "receipts");
    return (otherTransactions == transactions || otherTransactions.equals(transactions))
        && (otherReceipts == receipts || otherReceipts.equals(receipts));
  }

  /** The envelopes, as {@link TransactionCodec#encode} gives them; arrays are shared, not copied. */
  List<byte[]> envelopes() {
    return envelopes;
  }

  /** The receipts' typed encodings; arrays are shared, not copied. */
  List<byte[]> receiptEncodings() {
    return receiptEncodings;
  }

  public List<Hash> transactionHashes() {
    return transactionHashes;
  }

  public Hash transactionsRoot() {
    return transactionsRoot;
  }

  public Hash receiptsRoot() {
    return receiptsRoot;
  }

  public LogsBloom logsBloom() {
    return logsBloom;
  }
}

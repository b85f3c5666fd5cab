package org.xinlian.ledger.verify;

import org.xinlian.ledger.state.StateHead;
import org.xinlian.ledger.state.StateDatabase;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.xinlian.common.DecodingException;
import org.xinlian.common.Hash;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.ledger.LedgerNamespaces;
import org.xinlian.ledger.chain.BlockRoots;
import org.xinlian.ledger.chain.ChainEncoding;
import org.xinlian.ledger.chain.LedgerSchema;
import org.xinlian.ledger.chain.TransactionLocation;
import org.xinlian.ledger.state.StateHashing;
import org.xinlian.storage.KeyRange;
import org.xinlian.storage.KeyValue;
import org.xinlian.storage.KeyValueIterator;
import org.xinlian.storage.ReadView;
import org.xinlian.storage.StorageException;
import org.xinlian.types.block.BlockCodec;
import org.xinlian.types.block.BlockHeader;
import org.xinlian.types.block.Receipt;
import org.xinlian.types.transaction.Transaction;
import org.xinlian.types.transaction.TransactionCodec;

/**
 * Checks a ledger store end to end, offline (docs/spec/ledger.md LEDGER-7): every canonical
 * block's header, body, receipts, indexes and bloom against each other, and every node and code
 * of the head state against its hash. It reports every inconsistency it meets instead of stopping
 * at the first, because after a disk fault the operator needs the extent of the damage, not just
 * its existence. Run it on a {@link org.xinlian.storage.StoreSnapshot} to check a live node.
 */
public final class LedgerVerifier {
  /** Mismatches kept in a report; later ones are only counted. */
  public static final int MISMATCHES_MAX = 10_000;

  private static final int PROGRESS_INTERVAL_BLOCKS = 1_000;

  private final ReadView view;
  private final CryptoSuite suite;
  private final String location;
  private final BlockCodec blockCodec;
  private final TransactionCodec transactionCodec;

  /**
   * @param view the store, opened with every namespace of {@link LedgerNamespaces#ALL}
   * @param suite the chain's suite; must be the one recorded at genesis
   * @param location where the store is, for messages
   */
  public LedgerVerifier(ReadView view, CryptoSuite suite, String location) {
    this.view = Objects.requireNonNull(view, "view");
    this.suite = Objects.requireNonNull(suite, "suite");
    this.location = Objects.requireNonNull(location, "location");
    this.blockCodec = BlockCodec.of(suite);
    this.transactionCodec = TransactionCodec.of(suite);
  }

  /**
   * Runs every check.
   *
   * @throws StorageException if the store holds no ledger, another schema version or another
   *     suite's chain: then nothing can be checked
   */
  public VerificationReport verify(VerificationProgress progress) {
    LedgerSchema.ChainFacts facts = LedgerSchema.check(view, LedgerNamespaces.ALL, location)
        .orElseThrow(() -> new StorageException("no ledger in " + location));
    if (!facts.suiteName().equals(suite.name())) {
      throw new StorageException("store was created for crypto suite " + facts.suiteName()
          + ", verified with " + suite.name() + " (" + location + ")");
    }
    Findings findings = new Findings();
    long historyStart = view.get(LedgerNamespaces.META, ChainEncoding.META_HISTORY_START)
        .map(value -> ChainEncoding.decodeNumberKey(value)).orElse(0L);
    BlockPass blocks = new BlockPass(findings, progress, historyStart);
    blocks.run();
    Optional<BlockHeader> head = checkHead(facts.head(), blocks, findings);
    long trieNodes = 0;
    long codes = 0;
    long headNumber = head.map(BlockHeader::number).orElse(-1L);
    if (head.isPresent()) {
      StateWalk state = new StateWalk(
          view, StateHashing.trieHash(suite), headNumber, findings, progress);
      state.walk(head.get().stateRoot());
      trieNodes = state.nodesChecked();
      codes = state.codesChecked();
      checkStateHead(head.get(), findings);
      new FlatViewCheck(view, StateHashing.trieHash(suite), headNumber, findings)
          .check(head.get().stateRoot());
    }
    return new VerificationReport(headNumber, blocks.blocksChecked, blocks.transactionsChecked,
        trieNodes, codes, findings.count(), findings.kept());
  }

  /**
   * The state database's head, written in the same batch as the block, must be the head block's
   * number and state root; otherwise the node would execute the next block on another state.
   */
  private void checkStateHead(BlockHeader head, Findings findings) {
    Optional<StateHead> stateHead;
    try {
      stateHead = StateDatabase.readHead(view);
    } catch (DecodingException e) {
      findings.add(head.number(), LedgerNamespaces.META, StateDatabase.headKey(), e.getMessage());
      return;
    }
    StateHead expected = new StateHead(head.number(), head.stateRoot());
    if (stateHead.isEmpty()) {
      findings.add(head.number(), LedgerNamespaces.META, StateDatabase.headKey(), "no state head recorded");
    } else if (!stateHead.get().equals(expected)) {
      findings.add(head.number(), LedgerNamespaces.META, StateDatabase.headKey(), "state head "
          + stateHead.get() + " is not the head block's " + expected);
    }
  }

  /** The head pointer must name the highest canonical block; its header anchors the state. */
  private Optional<BlockHeader> checkHead(Hash headHash, BlockPass blocks, Findings findings) {
    boolean canonical = headHash.equals(blocks.lastHash);
    if (!canonical) {
      findings.add(Mismatch.NO_BLOCK, LedgerNamespaces.META, ChainEncoding.META_HEAD,
          "head pointer " + headHash + " is not the highest canonical block "
              + blocks.lastNumber + " " + blocks.lastHash);
    }
    Optional<BlockHeader> header = Optional.empty();
    try {
      header = view.get(LedgerNamespaces.HEADERS, headHash.toArray())
          .map(blockCodec::decodeHeader)
          .filter(decoded -> decoded.hash(suite).equals(headHash));
    } catch (DecodingException e) {
      header = Optional.empty();
    }
    // A canonical head's header problems were reported by the block pass already.
    if (header.isEmpty() && !canonical) {
      findings.add(Mismatch.NO_BLOCK, LedgerNamespaces.HEADERS, headHash.toArray(),
          "the head block's header is missing or corrupt; the head state was not checked");
    }
    return header;
  }

  /** The pass over the canonical index, block by block in height order. */
  private final class BlockPass {
    private final Findings findings;
    private final VerificationProgress progress;
    private long blocksChecked;
    private long transactionsChecked;
    private final long historyStart;
    private long lastNumber;
    private Hash lastHash;

    /**
     * @param historyStart the lowest stored block: 0, or the height of the state snapshot the
     *     node started from, whose block is known by its header only (SNAPSHOT-9)
     */
    BlockPass(Findings findings, VerificationProgress progress, long historyStart) {
      this.findings = findings;
      this.progress = progress;
      this.historyStart = historyStart;
      this.lastNumber = historyStart - 1;
    }

    void run() {
      try (KeyValueIterator entries = view.iterate(LedgerNamespaces.CANONICAL, KeyRange.ALL)) {
        while (entries.hasNext()) {
          KeyValue entry = entries.next();
          long number;
          try {
            number = ChainEncoding.decodeNumberKey(entry.key());
          } catch (DecodingException e) {
            findings.add(Mismatch.NO_BLOCK, LedgerNamespaces.CANONICAL, entry.key(),
                "key is not a block number: " + e.getMessage());
            continue;
          }
          if (number != lastNumber + 1) {
            findings.add(number, LedgerNamespaces.CANONICAL, entry.key(),
                "canonical index skips from block " + lastNumber + " to " + number);
          }
          if (entry.value().length != Hash.LENGTH) {
            findings.add(number, LedgerNamespaces.CANONICAL, entry.key(),
                "value of " + entry.value().length + " bytes is not a block hash");
            lastNumber = number;
            lastHash = null;
            continue;
          }
          Hash hash = Hash.wrap(entry.value());
          checkBlock(number, hash, lastNumber == number - 1 ? lastHash : null);
          lastNumber = number;
          lastHash = hash;
          blocksChecked++;
          if (blocksChecked % PROGRESS_INTERVAL_BLOCKS == 0) {
            progress.update(VerificationProgress.Phase.BLOCKS, blocksChecked, -1);
          }
        }
      }
      progress.update(VerificationProgress.Phase.BLOCKS, blocksChecked, blocksChecked);
    }

    private void checkBlock(long number, Hash hash, Hash parentHash) {
      byte[] key = hash.toArray();
      if (number < historyStart) {
        findings.add(number, LedgerNamespaces.CANONICAL, ChainEncoding.numberKey(number),
            "canonical entry below the history start " + historyStart);
        return;
      }
      if (number == historyStart && historyStart > 0) {
        header(number, hash);
        return;
      }
      Optional<BlockHeader> decoded = header(number, hash);
      List<Transaction> transactions = body(number, key);
      List<Receipt> receipts = receipts(number, key);
      checkBloomEntry(number, decoded);
      if (decoded.isEmpty()) {
        return;
      }
      BlockHeader header = decoded.get();
      Hash expectedParent = number == 0 ? Hash.ZERO : parentHash;
      if (expectedParent != null && !header.parentHash().equals(expectedParent)) {
        findings.add(number, LedgerNamespaces.HEADERS, key, "parent hash "
            + header.parentHash() + " is not the canonical block " + (number - 1) + " "
            + expectedParent);
      }
      if (transactions != null) {
        Hash root = BlockRoots.transactionsRoot(suite, transactions);
        if (!root.equals(header.transactionsRoot())) {
          findings.add(number, LedgerNamespaces.BODIES, key, "transactions root " + root
              + " differs from the header's " + header.transactionsRoot());
        }
        checkIndex(number, hash, transactions);
      }
      if (receipts != null) {
        Hash root = BlockRoots.receiptsRoot(suite, receipts);
        if (!root.equals(header.receiptsRoot())) {
          findings.add(number, LedgerNamespaces.RECEIPTS, key, "receipts root " + root
              + " differs from the header's " + header.receiptsRoot());
        }
        if (!BlockRoots.logsBloom(receipts).equals(header.logsBloom())) {
          findings.add(number, LedgerNamespaces.RECEIPTS, key,
              "union of the receipts' blooms differs from the header's logs bloom");
        }
        if (transactions != null && receipts.size() != transactions.size()) {
          findings.add(number, LedgerNamespaces.RECEIPTS, key, receipts.size()
              + " receipts for " + transactions.size() + " transactions");
        }
      }
    }

    private Optional<BlockHeader> header(long number, Hash hash) {
      byte[] key = hash.toArray();
      Optional<byte[]> encoded = view.get(LedgerNamespaces.HEADERS, key);
      if (encoded.isEmpty()) {
        findings.add(number, LedgerNamespaces.HEADERS, key, "header missing");
        return Optional.empty();
      }
      BlockHeader header;
      try {
        header = blockCodec.decodeHeader(encoded.get());
      } catch (DecodingException e) {
        findings.add(number, LedgerNamespaces.HEADERS, key,
            "header does not decode: " + e.getMessage());
        return Optional.empty();
      }
      Hash actual = header.hash(suite);
      if (!actual.equals(hash)) {
        findings.add(number, LedgerNamespaces.HEADERS, key,
            "header hashes to " + actual + ", not its key");
        return Optional.empty();
      }
      if (header.number() != number) {
        findings.add(number, LedgerNamespaces.HEADERS, key,
            "header says block " + header.number() + ", canonical index says " + number);
      }
      return Optional.of(header);
    }

    private List<Transaction> body(long number, byte[] key) {
      Optional<byte[]> encoded = view.get(LedgerNamespaces.BODIES, key);
      if (encoded.isEmpty()) {
        findings.add(number, LedgerNamespaces.BODIES, key, "body missing");
        return null;
      }
      try {
        return ChainEncoding.decodeBody(transactionCodec, encoded.get());
      } catch (DecodingException e) {
        findings.add(number, LedgerNamespaces.BODIES, key, "body does not decode: " + e.getMessage());
        return null;
      }
    }

    private List<Receipt> receipts(long number, byte[] key) {
      Optional<byte[]> encoded = view.get(LedgerNamespaces.RECEIPTS, key);
      if (encoded.isEmpty()) {
        findings.add(number, LedgerNamespaces.RECEIPTS, key, "receipts missing");
        return null;
      }
      try {
        return ChainEncoding.decodeReceipts(encoded.get());
      } catch (DecodingException e) {
        findings.add(number, LedgerNamespaces.RECEIPTS, key,
            "receipts do not decode: " + e.getMessage());
        return null;
      }
    }

    private void checkBloomEntry(long number, Optional<BlockHeader> header) {
      byte[] key = ChainEncoding.numberKey(number);
      Optional<byte[]> stored = view.get(LedgerNamespaces.BLOOMS, key);
      if (stored.isEmpty()) {
        findings.add(number, LedgerNamespaces.BLOOMS, key, "bloom missing");
      } else if (header.isPresent()
          && !Arrays.equals(stored.get(), header.get().logsBloom().toArray())) {
        findings.add(number, LedgerNamespaces.BLOOMS, key,
            "bloom differs from the header's logs bloom");
      }
    }

    private void checkIndex(long number, Hash blockHash, List<Transaction> transactions) {
      for (int position = 0; position < transactions.size(); position++) {
        transactionsChecked++;
        Hash transactionHash = transactionCodec.hash(transactions.get(position));
        byte[] key = transactionHash.toArray();
        TransactionLocation expected = new TransactionLocation(blockHash, number, position);
        Optional<byte[]> stored = view.get(LedgerNamespaces.TX_INDEX, key);
        if (stored.isEmpty()) {
          findings.add(number, LedgerNamespaces.TX_INDEX, key, "transaction index entry missing");
          continue;
        }
        try {
          TransactionLocation found = ChainEncoding.decodeLocation(stored.get());
          if (!found.equals(expected)) {
            findings.add(number, LedgerNamespaces.TX_INDEX, key, "points at block "
                + found.blockNumber() + " " + found.blockHash() + " position " + found.position()
                + ", expected block " + number + " " + blockHash + " position " + position);
          }
        } catch (DecodingException e) {
          findings.add(number, LedgerNamespaces.TX_INDEX, key,
              "entry does not decode: " + e.getMessage());
        }
      }
    }
  }
}

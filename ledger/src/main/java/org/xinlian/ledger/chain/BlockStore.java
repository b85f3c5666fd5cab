package org.xinlian.ledger.chain;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.xinlian.common.Address;
import org.xinlian.common.DecodingException;
import org.xinlian.common.Hash;
import org.xinlian.common.Hex;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.ledger.LedgerNamespaces;
import org.xinlian.storage.KeyRange;
import org.xinlian.storage.KeyValue;
import org.xinlian.storage.KeyValueIterator;
import org.xinlian.storage.KeyValueStore;
import org.xinlian.storage.Namespace;
import org.xinlian.storage.StorageException;
import org.xinlian.storage.WriteBatch;
import org.xinlian.types.block.Block;
import org.xinlian.types.block.BlockCodec;
import org.xinlian.types.block.BlockHeader;
import org.xinlian.types.block.LogsBloom;
import org.xinlian.types.block.Receipt;
import org.xinlian.types.transaction.Transaction;
import org.xinlian.types.transaction.TransactionCodec;

/**
 * The chain on disk: headers, bodies, receipts, the canonical index, the transaction index and
 * per-block blooms, all committed with the block's state writes in one atomic batch so a crash
 * leaves either the whole block or none of it (docs/spec/ledger.md LEDGER-1 to LEDGER-6).
 *
 * <p>Reads are thread-safe and may run during a commit; commits are serialised. Stored data that
 * does not decode surfaces as a {@link StorageException} naming the namespace and key, since it
 * means the disk or the software is broken, not the caller's input.
 */
public final class BlockStore {
  /**
   * Most blocks one bloom query may scan: 10,000 blocks is 2.5 MB of blooms, a bound that keeps
   * a log filter from an RPC client from reading the whole chain.
   */
  public static final int BLOOM_RANGE_BLOCKS_MAX = 10_000;

  private final KeyValueStore store;
  private final CryptoSuite suite;
  private final BlockCodec blockCodec;
  private final TransactionCodec transactionCodec;
  private volatile BlockHeader head;

  private BlockStore(KeyValueStore store, CryptoSuite suite, BlockHeader head) {
    this.store = store;
    this.suite = suite;
    this.blockCodec = BlockCodec.of(suite);
    this.transactionCodec = TransactionCodec.of(suite);
    this.head = head;
  }

  /** As {@link #open(KeyValueStore, CryptoSuite, String)} for a store without a path to name. */
  public static BlockStore open(KeyValueStore store, CryptoSuite suite) {
    return open(store, suite, "unnamed store");
  }

  /**
   * Opens the chain held by {@code store}, or an empty one to be started by a genesis commit.
   *
   * @param location where the store lives, named in error messages
   * @throws StorageException if the store has another schema version, another suite, or data
   *     without a schema (LEDGER-5)
   */
  public static BlockStore open(KeyValueStore store, CryptoSuite suite, String location) {
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(suite, "suite");
    if (!store.namespaces().containsAll(LedgerNamespaces.ALL)) {
      throw new IllegalArgumentException("the store must be opened with LedgerNamespaces.ALL");
    }
    Optional<LedgerSchema.ChainFacts> facts =
        LedgerSchema.check(store, store.namespaces(), location);
    if (facts.isEmpty()) {
      return new BlockStore(store, suite, null);
    }
    if (!facts.get().suiteName().equals(suite.name())) {
      throw new StorageException("store was created for crypto suite " + facts.get().suiteName()
          + ", opened with " + suite.name() + " (" + location + ")");
    }
    BlockStore opened = new BlockStore(store, suite, null);
    Hash headHash = facts.get().head();
    opened.head = opened.header(headHash).orElseThrow(() -> new StorageException(
        "head block " + headHash + " has no header (" + location + ")"));
    return opened;
  }

  public CryptoSuite suite() {
    return suite;
  }

  /** The header of the last committed block; empty before genesis. */
  public Optional<BlockHeader> head() {
    return Optional.ofNullable(head);
  }

  public Optional<Hash> headHash() {
    BlockHeader current = head;
    return current == null ? Optional.empty() : Optional.of(current.hash(suite));
  }

  public Optional<Hash> canonicalHash(long number) {
    if (number < 0) {
      return Optional.empty();
    }
    return read(LedgerNamespaces.CANONICAL, ChainEncoding.numberKey(number), value -> {
      if (value.length != Hash.LENGTH) {
        throw new DecodingException("canonicalHash", value.length + " bytes, expected 32");
      }
      return Hash.wrap(value);
    });
  }

  public Optional<BlockHeader> header(Hash hash) {
    return read(LedgerNamespaces.HEADERS, hash.toArray(), blockCodec::decodeHeader);
  }

  public Optional<BlockHeader> header(long number) {
    return canonicalHash(number).flatMap(this::header);
  }

  public Optional<Block> block(Hash hash) {
    Optional<BlockHeader> header = header(hash);
    if (header.isEmpty()) {
      return Optional.empty();
    }
    List<Transaction> body = read(LedgerNamespaces.BODIES, hash.toArray(),
        value -> ChainEncoding.decodeBody(transactionCodec, value))
        .orElseThrow(() -> missing(LedgerNamespaces.BODIES, hash.toArray()));
    return Optional.of(new Block(header.get(), body));
  }

  public Optional<Block> block(long number) {
    return canonicalHash(number).flatMap(this::block);
  }

  public Optional<List<Receipt>> receipts(Hash blockHash) {
    return read(LedgerNamespaces.RECEIPTS, blockHash.toArray(), ChainEncoding::decodeReceipts);
  }

  public Optional<List<Receipt>> receipts(long number) {
    return canonicalHash(number).flatMap(this::receipts);
  }

  public Optional<TransactionLocation> transactionLocation(Hash transactionHash) {
    return read(LedgerNamespaces.TX_INDEX, transactionHash.toArray(),
        ChainEncoding::decodeLocation);
  }

  /** The transaction with this hash, its receipt and its location, if it is in a stored block. */
  public Optional<IndexedTransaction> transaction(Hash transactionHash) {
    Optional<TransactionLocation> location = transactionLocation(transactionHash);
    if (location.isEmpty()) {
      return Optional.empty();
    }
    TransactionLocation at = location.get();
    Block block = block(at.blockHash())
        .orElseThrow(() -> missing(LedgerNamespaces.HEADERS, at.blockHash().toArray()));
    List<Receipt> receipts = receipts(at.blockHash())
        .orElseThrow(() -> missing(LedgerNamespaces.RECEIPTS, at.blockHash().toArray()));
    if (at.position() >= block.transactions().size() || at.position() >= receipts.size()) {
      throw new StorageException("tx_index entry " + transactionHash + " points at position "
          + at.position() + " of block " + at.blockHash() + ", which has "
          + block.transactions().size() + " transactions");
    }
    return Optional.of(new IndexedTransaction(
        block.transactions().get(at.position()), receipts.get(at.position()), at));
  }

  /**
   * Canonical block numbers in {@code [fromBlock, toBlock]} whose bloom may hold a log matching
   * the filter, in ascending order; blocks not listed certainly hold none. As in
   * {@code eth_getLogs}, a log matches when its address is one of {@code addresses} (any address
   * if empty) and, for each position {@code i} of {@code topics} with a non-empty list, its topic
   * {@code i} is one of that list's.
   *
   * @throws IllegalArgumentException if the range is reversed, negative or longer than
   *     {@link #BLOOM_RANGE_BLOCKS_MAX}
   */
  public List<Long> blocksWhoseBloomMayMatch(
      long fromBlock, long toBlock, List<Address> addresses, List<List<Hash>> topics) {
    if (fromBlock < 0 || toBlock < fromBlock) {
      throw new IllegalArgumentException(
          "invalid block range " + fromBlock + ".." + toBlock);
    }
    if (toBlock - fromBlock >= BLOOM_RANGE_BLOCKS_MAX) {
      throw new IllegalArgumentException("block range " + fromBlock + ".." + toBlock
          + " exceeds the limit of " + BLOOM_RANGE_BLOCKS_MAX + " blocks");
    }
    // Each address and topic is hashed once per query, not once per block: with 1,000
    // addresses over 10,000 blocks that is 1,000 hashes instead of 10,000,000.
    List<LogsBloom.Probe> addressProbes = addresses.stream()
        .map(address -> LogsBloom.probe(address.toArray())).toList();
    List<List<LogsBloom.Probe>> topicProbes = topics.stream()
        .map(alternatives -> alternatives.stream().map(topic -> LogsBloom.probe(topic.toArray())).toList())
        .toList();
    List<Long> matches = new ArrayList<>();
    KeyRange range = new KeyRange(ChainEncoding.numberKey(fromBlock),
        toBlock == Long.MAX_VALUE ? null : ChainEncoding.numberKey(toBlock + 1));
    try (KeyValueIterator entries = store.iterate(LedgerNamespaces.BLOOMS, range)) {
      while (entries.hasNext()) {
        KeyValue entry = entries.next();
        LogsBloom bloom = decodeStored(LedgerNamespaces.BLOOMS, entry.key(), entry.value(),
            LogsBloom::wrap);
        if (mayMatch(bloom, addressProbes, topicProbes)) {
          matches.add(decodeStored(LedgerNamespaces.BLOOMS, entry.key(), entry.key(),
              ChainEncoding::decodeNumberKey));
        }
      }
    }
    return matches;
  }

  private static boolean mayMatch(
      LogsBloom bloom, List<LogsBloom.Probe> addresses, List<List<LogsBloom.Probe>> topics) {
    if (!addresses.isEmpty() && addresses.stream().noneMatch(bloom::mightContain)) {
      return false;
    }
    for (List<LogsBloom.Probe> alternatives : topics) {
      if (!alternatives.isEmpty() && alternatives.stream().noneMatch(bloom::mightContain)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Validates {@code block} against the head and its receipts, adds the block, its indexes and
   * the new head pointer to {@code batch}, which already holds the block's state writes, and
   * writes the batch (LEDGER-3). Nothing is added or written if a check fails. An empty store
   * starts with {@link #commitGenesis} instead. The caller keeps ownership of the batch and closes
   * it.
   *
   * @return the block's hash
   * @throws BlockRejectedException if the block does not extend the head or its header does not
   *     match its transactions and receipts
   */
  public synchronized Hash commitBlock(WriteBatch batch, Block block, List<Receipt> receipts) {
    return commitBlock(batch, block, receipts, null);
  }

  /**
   * As {@link #commitBlock(WriteBatch, Block, List)}, reusing the digests the caller computed
   * while building or checking the block. The header is still checked against them; digests of
   * other transactions or receipts are ignored and the store computes its own.
   */
  public synchronized Hash commitBlock(WriteBatch batch, Block block, List<Receipt> receipts,
      BlockDigests digests) {
    if (head == null) {
      throw new BlockRejectedException("the store is empty, so the first block must be genesis, "
          + "committed with commitGenesis (got block " + block.header().number() + ")");
    }
    return commit(batch, block, receipts, -1, digests);
  }

  /**
   * Starts the chain in an empty store: {@code genesis} must be block 0 with a zero parent hash.
   * Besides what {@link #commitBlock} writes, it records the schema version, the suite's name, the
   * chain id and the genesis hash, so tools and snapshots know which chain a store holds.
   */
  public synchronized Hash commitGenesis(
      WriteBatch batch, Block genesis, List<Receipt> receipts, long chainId) {
    if (head != null) {
      throw new BlockRejectedException("the store already holds a chain at height "
          + head.number() + "; genesis can only start an empty store");
    }
    if (chainId < 0) {
      throw new IllegalArgumentException("chain id must not be negative: " + chainId);
    }
    return commit(batch, genesis, receipts, chainId, null);
  }

  private Hash commit(WriteBatch batch, Block block, List<Receipt> receipts, long chainId,
      BlockDigests given) {
    Objects.requireNonNull(batch, "batch");
    BlockHeader header = block.header();
    if (receipts.size() != block.transactions().size()) {
      throw new BlockRejectedException("block " + header.number() + " has "
          + block.transactions().size() + " transactions but " + receipts.size() + " receipts");
    }
    BlockDigests digests = given != null && given.describe(block.transactions(), receipts)
        ? given : BlockDigests.compute(suite, block.transactions(), receipts);
    validate(block, receipts, digests);
    Hash hash = header.hash(suite);
    byte[] hashKey = hash.toArray();
    byte[] numberKey = ChainEncoding.numberKey(header.number());
    batch.put(LedgerNamespaces.HEADERS, hashKey, blockCodec.encodeHeader(header));
    batch.put(LedgerNamespaces.BODIES, hashKey, ChainEncoding.encodeList(digests.envelopes()));
    batch.put(LedgerNamespaces.RECEIPTS, hashKey, ChainEncoding.encodeList(digests.receiptEncodings()));
    batch.put(LedgerNamespaces.CANONICAL, numberKey, hashKey);
    batch.put(LedgerNamespaces.BLOOMS, numberKey, header.logsBloom().toArray());
    for (int position = 0; position < block.transactions().size(); position++) {
      Hash transactionHash = digests.transactionHashes().get(position);
      batch.put(LedgerNamespaces.TX_INDEX, transactionHash.toArray(), ChainEncoding.encodeLocation(
          new TransactionLocation(hash, header.number(), position)));
    }
    if (head == null) {
      batch.put(LedgerNamespaces.META, ChainEncoding.META_SCHEMA_VERSION,
          ChainEncoding.encodeSchemaVersion(LedgerNamespaces.SCHEMA_VERSION));
      batch.put(LedgerNamespaces.META, ChainEncoding.META_SUITE,
          suite.name().getBytes(StandardCharsets.UTF_8));
      batch.put(LedgerNamespaces.META, ChainEncoding.META_CHAIN_ID, ChainEncoding.numberKey(chainId));
      batch.put(LedgerNamespaces.META, ChainEncoding.META_GENESIS, hashKey);
    }
    batch.put(LedgerNamespaces.META, ChainEncoding.META_HEAD, hashKey);
    store.write(batch);
    head = header;
    return hash;
  }

  private void validate(Block block, List<Receipt> receipts, BlockDigests digests) {
    BlockHeader header = block.header();
    BlockHeader parent = head;
    if (parent == null) {
      if (header.number() != 0 || !header.parentHash().equals(Hash.ZERO)) {
        throw new BlockRejectedException("the store is empty, so the first block must be genesis "
            + "(number 0, zero parent hash), got block " + header.number() + " with parent "
            + header.parentHash());
      }
    } else {
      if (header.number() != parent.number() + 1) {
        throw new BlockRejectedException("block " + header.number() + " does not follow the head, "
            + "block " + parent.number());
      }
      Hash parentHash = parent.hash(suite);
      if (!header.parentHash().equals(parentHash)) {
        throw new BlockRejectedException("block " + header.number() + " has parent hash "
            + header.parentHash() + ", the head is " + parentHash);
      }
    }
    Hash transactionsRoot = digests.transactionsRoot();
    if (!transactionsRoot.equals(header.transactionsRoot())) {
      throw new BlockRejectedException("block " + header.number() + " header transactionsRoot "
          + header.transactionsRoot() + " differs from the transactions' root " + transactionsRoot);
    }
    Hash receiptsRoot = digests.receiptsRoot();
    if (!receiptsRoot.equals(header.receiptsRoot())) {
      throw new BlockRejectedException("block " + header.number() + " header receiptsRoot "
          + header.receiptsRoot() + " differs from the receipts' root " + receiptsRoot);
    }
    if (!digests.logsBloom().equals(header.logsBloom())) {
      throw new BlockRejectedException("block " + header.number()
          + " header logsBloom differs from the union of its receipts' blooms");
    }
    long gasUsed = receipts.isEmpty() ? 0 : receipts.get(receipts.size() - 1).cumulativeGasUsed();
    if (gasUsed != header.gasUsed()) {
      throw new BlockRejectedException("block " + header.number() + " header gasUsed "
          + header.gasUsed() + " differs from the last receipt's cumulative gas " + gasUsed);
    }
  }

  private <T> Optional<T> read(Namespace namespace, byte[] key, Function<byte[], T> decoder) {
    return store.get(namespace, key).map(value -> decodeStored(namespace, key, value, decoder));
  }

  private static <T> T decodeStored(
      Namespace namespace, byte[] key, byte[] value, Function<byte[], T> decoder) {
    try {
      return decoder.apply(value);
    } catch (DecodingException e) {
      throw new StorageException(
          "corrupt entry in " + namespace + " at key " + Hex.encode(key) + ": " + e.getMessage(),
          e);
    }
  }

  private static StorageException missing(Namespace namespace, byte[] key) {
    return new StorageException(
        "missing entry in " + namespace + " at key " + Hex.encode(key));
  }
}

package org.xinlian.ledger.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.xinlian.common.Hash;
import org.xinlian.common.Hex;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.ledger.LedgerNamespaces;
import org.xinlian.ledger.TestChain;
import org.xinlian.storage.KeyRange;
import org.xinlian.storage.KeyValue;
import org.xinlian.storage.KeyValueIterator;
import org.xinlian.storage.KeyValueStore;
import org.xinlian.storage.KeyValueStores;
import org.xinlian.storage.Namespace;
import org.xinlian.storage.StorageException;
import org.xinlian.storage.WriteBatch;
import org.xinlian.types.block.Block;
import org.xinlian.types.block.BlockHeader;
import org.xinlian.types.block.Log;
import org.xinlian.types.block.LogsBloom;
import org.xinlian.types.block.Receipt;
import org.xinlian.types.transaction.Transaction;
import org.xinlian.types.transaction.TransactionCodec;

/** LEDGER-1, LEDGER-3 to LEDGER-6, LEDGER-9: the block store's reads, commit checks, schema and blooms. */
class BlockStoreTest {
  private final CryptoSuite suite = CryptoSuites.standard();
  private final KeyValueStore store = KeyValueStores.inMemory(LedgerNamespaces.ALL);

  /** LEDGER-1: every committed block reads back by hash, by number and by transaction hash. */
  @Test
  void committedBlocksReadBack() {
    TestChain chain = new TestChain(store, suite, 11);
    BlockStore blocks = chain.blocks();
    assertTrue(blocks.head().isEmpty());
    List<Block> committed = new ArrayList<>();
    List<List<Receipt>> committedReceipts = new ArrayList<>();
    for (int number = 0; number < 6; number++) {
      try (WriteBatch batch = store.newBatch()) {
        TestChain.PreparedBlock prepared = chain.prepareNext(batch, number == 0 ? 0 : 3);
        Hash hash = chain.commit(batch, prepared);
        assertEquals(prepared.block().hash(suite), hash);
        committed.add(prepared.block());
        committedReceipts.add(prepared.receipts());
      }
    }
    assertEquals(committed.get(5).header(), blocks.head().orElseThrow());
    assertEquals(committed.get(5).hash(suite), blocks.headHash().orElseThrow());
    TransactionCodec codec = TransactionCodec.of(suite);
    for (int number = 0; number < 6; number++) {
      Block block = committed.get(number);
      Hash hash = block.hash(suite);
      assertEquals(hash, blocks.canonicalHash(number).orElseThrow());
      assertEquals(block.header(), blocks.header(hash).orElseThrow());
      assertEquals(block.header(), blocks.header(number).orElseThrow());
      assertEquals(block, blocks.block(hash).orElseThrow());
      assertEquals(block, blocks.block(number).orElseThrow());
      assertEquals(committedReceipts.get(number), blocks.receipts(hash).orElseThrow());
      assertEquals(committedReceipts.get(number), blocks.receipts(number).orElseThrow());
      for (int position = 0; position < block.transactions().size(); position++) {
        Transaction transaction = block.transactions().get(position);
        IndexedTransaction found = blocks.transaction(codec.hash(transaction)).orElseThrow();
        assertEquals(transaction, found.transaction());
        assertEquals(committedReceipts.get(number).get(position), found.receipt());
        assertEquals(new TransactionLocation(hash, number, position), found.location());
      }
    }
    assertTrue(blocks.canonicalHash(6).isEmpty());
    assertTrue(blocks.block(Hash.ZERO).isEmpty());
    assertTrue(blocks.transaction(Hash.ZERO).isEmpty());
    // The stored layout is the documented one (LEDGER-1): number keys are 8 bytes big-endian.
    assertEquals("0x0000000000000005", Hex.encode(ChainEncoding.numberKey(5)));
    assertTrue(store.get(LedgerNamespaces.CANONICAL, ChainEncoding.numberKey(5)).isPresent());
  }

  /** LEDGER-6: a reopened store has the same head and chain. */
  @Test
  void reopeningFindsTheHead() {
    TestChain chain = new TestChain(store, suite, 12);
    Block last = chain.commitBlocks(4);
    BlockStore reopened = BlockStore.open(store, suite, "test");
    assertEquals(last.header(), reopened.head().orElseThrow());
    assertEquals(last, reopened.block(4).orElseThrow());
  }

  /** LEDGER-3: each invalid block is refused with its reason, and nothing reaches the store. */
  @Test
  void invalidBlocksAreRefusedAndWriteNothing() {
    TestChain chain = new TestChain(store, suite, 13);
    chain.commitBlocks(2);
    BlockStore blocks = chain.blocks();
    Map<String, String> before = dump(store);

    assertRefused(chain, "does not follow the head", p -> withHeader(p, header(p.block().header(),
        p.block().header().number() + 1, null, null, null, null, -1)));
    assertRefused(chain, "has parent hash", p -> withHeader(p, header(p.block().header(),
        -1, Hash.fromHex("01".repeat(32)), null, null, null, -1)));
    assertRefused(chain, "header transactionsRoot", p -> withHeader(p, header(p.block().header(),
        -1, null, Hash.fromHex("02".repeat(32)), null, null, -1)));
    assertRefused(chain, "header receiptsRoot", p -> withHeader(p, header(p.block().header(),
        -1, null, null, Hash.fromHex("03".repeat(32)), null, -1)));
    assertRefused(chain, "logsBloom", p -> withHeader(p, header(p.block().header(),
        -1, null, null, null, LogsBloom.EMPTY.with(new byte[] {1}), -1)));
    assertRefused(chain, "gasUsed", p -> withHeader(p, header(p.block().header(),
        -1, null, null, null, null, p.block().header().gasUsed() + 1)));
    assertRefused(chain, "receipts", p -> new TestChain.PreparedBlock(p.block(),
        p.receipts().subList(0, p.receipts().size() - 1)));
    assertEquals(before, dump(store), "a refused block left writes in the store");
    assertEquals(2, blocks.head().orElseThrow().number());
    chain.commitNext(2);
    assertEquals(3, blocks.head().orElseThrow().number());
  }

  /** LEDGER-3: the first block must be a genesis block. */
  @Test
  void firstBlockMustBeGenesis() {
    TestChain other = new TestChain(KeyValueStores.inMemory(LedgerNamespaces.ALL), suite, 14);
    other.commitBlocks(1);
    Block notGenesis = other.blocks().block(1).orElseThrow();
    List<Receipt> receipts = other.blocks().receipts(1).orElseThrow();
    BlockStore empty = BlockStore.open(store, suite);
    try (WriteBatch batch = store.newBatch()) {
      BlockRejectedException e = assertThrows(BlockRejectedException.class,
          () -> empty.commitBlock(batch, notGenesis, receipts));
      assertTrue(e.getMessage().contains("must be genesis"), e.getMessage());
      BlockRejectedException viaGenesis = assertThrows(BlockRejectedException.class,
          () -> empty.commitGenesis(batch, notGenesis, receipts, TestChain.CHAIN_ID));
      assertTrue(viaGenesis.getMessage().contains("must be genesis"), viaGenesis.getMessage());
    }
    assertTrue(dump(store).isEmpty());
  }

  /** LEDGER-5: the schema version and suite are written at genesis and checked on open. */
  @Test
  void otherSchemaVersionsAndSuitesAreRefused() {
    new TestChain(store, suite, 15).commitBlocks(1);
    assertEquals(LedgerNamespaces.SCHEMA_VERSION, ChainEncoding.decodeSchemaVersion(
        store.get(LedgerNamespaces.META, ChainEncoding.META_SCHEMA_VERSION).orElseThrow()));
    assertEquals("standard", new String(
        store.get(LedgerNamespaces.META, ChainEncoding.META_SUITE).orElseThrow(),
        StandardCharsets.UTF_8));

    StorageException suiteError = assertThrows(StorageException.class,
        () -> BlockStore.open(store, CryptoSuites.gm(), "/data/chain"));
    assertEquals("store was created for crypto suite standard, opened with gm (/data/chain)",
        suiteError.getMessage());

    put(LedgerNamespaces.META, ChainEncoding.META_SCHEMA_VERSION,
        ChainEncoding.encodeSchemaVersion(LedgerNamespaces.SCHEMA_VERSION + 1));
    StorageException versionError = assertThrows(StorageException.class,
        () -> BlockStore.open(store, suite, "/data/chain"));
    assertEquals("store schema " + (LedgerNamespaces.SCHEMA_VERSION + 1) + ", this build reads "
        + LedgerNamespaces.SCHEMA_VERSION + " (/data/chain)", versionError.getMessage());
  }

  /** LEDGER-5: data without a schema version (and head) is not taken for an empty chain. */
  @Test
  void dataWithoutSchemaIsRefused() {
    put(LedgerNamespaces.TRIE_NODES, new byte[] {1}, new byte[] {2});
    StorageException e = assertThrows(StorageException.class,
        () -> BlockStore.open(store, suite, "/data/chain"));
    assertTrue(e.getMessage().contains("no ledger schema version (/data/chain)"), e.getMessage());
  }

  /** LEDGER-5: a schema version without a head block is refused too. */
  @Test
  void schemaWithoutHeadIsRefused() {
    put(LedgerNamespaces.META, ChainEncoding.META_SCHEMA_VERSION,
        ChainEncoding.encodeSchemaVersion(LedgerNamespaces.SCHEMA_VERSION));
    StorageException e = assertThrows(StorageException.class,
        () -> BlockStore.open(store, suite, "/data/chain"));
    assertTrue(e.getMessage().contains("has no head block (/data/chain)"), e.getMessage());
  }

  /** LEDGER-4: bloom queries find every block holding a matching log, within a bounded range. */
  @Test
  void bloomQueriesFindEveryMatchingBlock() {
    TestChain chain = new TestChain(store, suite, 16);
    chain.commitBlocks(30);
    BlockStore blocks = chain.blocks();
    Log sample = null;
    for (long number = 1; number <= 30 && sample == null; number++) {
      for (Receipt receipt : blocks.receipts(number).orElseThrow()) {
        if (!receipt.logs().isEmpty()) {
          sample = receipt.logs().get(0);
        }
      }
    }
    Log wanted = sample;
    List<Long> expectedAddress = new ArrayList<>();
    List<Long> expectedBoth = new ArrayList<>();
    for (long number = 0; number <= 30; number++) {
      for (Receipt receipt : blocks.receipts(number).orElseThrow()) {
        for (Log log : receipt.logs()) {
          if (log.address().equals(wanted.address()) && !expectedAddress.contains(number)) {
            expectedAddress.add(number);
          }
          if (log.address().equals(wanted.address()) && log.topics().equals(wanted.topics())
              && !expectedBoth.contains(number)) {
            expectedBoth.add(number);
          }
        }
      }
    }
    List<Long> byAddress = blocks.blocksWhoseBloomMayMatch(0, 30, List.of(wanted.address()),
        List.of());
    assertTrue(byAddress.containsAll(expectedAddress), byAddress + " " + expectedAddress);
    List<Long> byBoth = blocks.blocksWhoseBloomMayMatch(0, 30, List.of(wanted.address()),
        List.of(wanted.topics()));
    assertTrue(byBoth.containsAll(expectedBoth));
    // A topic never logged is absent from (almost) every bloom: 3 bits of 2048 in ~1-4 logs.
    Hash never = Hash.fromHex("ab".repeat(32));
    assertTrue(blocks.blocksWhoseBloomMayMatch(0, 30, List.of(), List.of(List.of(never))).size()
        < 3);
    assertEquals(31, blocks.blocksWhoseBloomMayMatch(0, 30, List.of(), List.of()).size());
    assertEquals(List.of(5L, 6L), blocks.blocksWhoseBloomMayMatch(5, 6, List.of(), List.of()));
    assertEquals(List.of(30L),
        blocks.blocksWhoseBloomMayMatch(30, 1000, List.of(), List.of()));
    assertThrows(IllegalArgumentException.class,
        () -> blocks.blocksWhoseBloomMayMatch(0, BlockStore.BLOOM_RANGE_BLOCKS_MAX, List.of(),
            List.of()));
    assertEquals(1, blocks.blocksWhoseBloomMayMatch(30, 30 + BlockStore.BLOOM_RANGE_BLOCKS_MAX - 1,
        List.of(), List.of()).size());
    assertThrows(IllegalArgumentException.class,
        () -> blocks.blocksWhoseBloomMayMatch(5, 4, List.of(), List.of()));
    assertThrows(IllegalArgumentException.class,
        () -> blocks.blocksWhoseBloomMayMatch(-1, 4, List.of(), List.of()));
  }

  /** LEDGER-9: corrupt stored data is a storage error naming the namespace and key. */
  @Test
  void corruptStoredHeaderNamesItsLocation() {
    TestChain chain = new TestChain(store, suite, 17);
    chain.commitBlocks(2);
    Hash hash = chain.blocks().canonicalHash(1).orElseThrow();
    put(LedgerNamespaces.HEADERS, hash.toArray(), new byte[] {(byte) 0xc1, 0x01});
    StorageException e = assertThrows(StorageException.class,
        () -> chain.blocks().header(1));
    assertTrue(e.getMessage().startsWith("corrupt entry in headers at key " + hash), e.getMessage());
  }

  private void assertRefused(TestChain chain, String reason,
      UnaryOperator<TestChain.PreparedBlock> corrupt) {
    try (WriteBatch batch = store.newBatch()) {
      TestChain.PreparedBlock prepared = corrupt.apply(chain.prepareNext(batch, 2));
      int batchSize = batch.size();
      BlockRejectedException e = assertThrows(BlockRejectedException.class,
          () -> chain.blocks().commitBlock(batch, prepared.block(), prepared.receipts()));
      assertTrue(e.getMessage().contains(reason), e.getMessage());
      assertEquals(batchSize, batch.size(), "a refused block added writes to the batch");
      // Digests the caller computed from the body do not vouch for the header: same refusal.
      if (prepared.receipts().size() == prepared.block().transactions().size()) {
        BlockDigests digests = BlockDigests.compute(suite, prepared.block().transactions(), prepared.receipts());
        BlockRejectedException withDigests = assertThrows(BlockRejectedException.class,
            () -> chain.blocks().commitBlock(batch, prepared.block(), prepared.receipts(), digests));
        assertTrue(withDigests.getMessage().contains(reason), withDigests.getMessage());
        assertEquals(batchSize, batch.size(), "a refused block added writes to the batch");
      }
    }
  }

  private static TestChain.PreparedBlock withHeader(TestChain.PreparedBlock prepared,
      BlockHeader header) {
    return new TestChain.PreparedBlock(
        new Block(header, prepared.block().transactions()), prepared.receipts());
  }

  /** A copy of {@code h} with the given fields replaced (-1 or null keeps the original). */
  private static BlockHeader header(BlockHeader h, long number, Hash parent, Hash transactionsRoot,
      Hash receiptsRoot, LogsBloom bloom, long gasUsed) {
    return new BlockHeader(parent == null ? h.parentHash() : parent,
        number < 0 ? h.number() : number, h.timestamp(), h.proposer(), h.stateRoot(),
        transactionsRoot == null ? h.transactionsRoot() : transactionsRoot,
        receiptsRoot == null ? h.receiptsRoot() : receiptsRoot,
        bloom == null ? h.logsBloom() : bloom, gasUsed < 0 ? h.gasUsed() : gasUsed,
        h.gasLimit(), h.extraData(), h.commitCertificate());
  }

  private void put(Namespace namespace, byte[] key, byte[] value) {
    try (WriteBatch batch = store.newBatch()) {
      batch.put(namespace, key, value);
      store.write(batch);
    }
  }

  static Map<String, String> dump(KeyValueStore store) {
    Map<String, String> entries = new TreeMap<>();
    for (Namespace namespace : store.namespaces()) {
      try (KeyValueIterator iterator = store.iterate(namespace, KeyRange.ALL)) {
        while (iterator.hasNext()) {
          KeyValue entry = iterator.next();
          entries.put(namespace + "/" + Hex.encode(entry.key()), Arrays.toString(entry.value()));
        }
      }
    }
    return entries;
  }
}

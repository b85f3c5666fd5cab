package org.xinlian.ledger.verify;

import org.xinlian.storage.KeyValueIterator;
import org.xinlian.storage.KeyRange;
import org.xinlian.ledger.state.StateDatabase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.xinlian.common.Hash;
import org.xinlian.common.Hex;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.ledger.LedgerNamespaces;
import org.xinlian.ledger.TestChain;
import org.xinlian.ledger.chain.ChainEncoding;
import org.xinlian.ledger.state.KeyValueNodeStore;
import org.xinlian.ledger.state.StateHashing;
import org.xinlian.storage.KeyValueStore;
import org.xinlian.storage.KeyValueStores;
import org.xinlian.storage.Namespace;
import org.xinlian.storage.StorageException;
import org.xinlian.storage.WriteBatch;
import org.xinlian.trie.MerklePatriciaTrie;
import org.xinlian.trie.TrieHashFunction;
import org.xinlian.types.block.BlockHeader;
import org.xinlian.types.rlp.RlpReader;
import org.xinlian.types.transaction.TransactionCodec;

/** LEDGER-7: the verifier finds each kind of damage, says where, and keeps going. */
class LedgerVerifierTest {
  private final CryptoSuite suite = CryptoSuites.standard();
  private final KeyValueStore store = KeyValueStores.inMemory(LedgerNamespaces.ALL);

  @ParameterizedTest
  @ValueSource(strings = {"standard", "gm"})
  void freshChainVerifiesClean(String suiteName) {
    CryptoSuite chainSuite = CryptoSuites.byName(suiteName);
    new TestChain(store, chainSuite, 21).commitBlocks(25);
    List<String> progress = new ArrayList<>();
    VerificationReport report = new LedgerVerifier(store, chainSuite, "test")
        .verify((phase, done, total) -> progress.add(phase + " " + done));
    assertTrue(report.clean(), report.mismatches().toString());
    assertEquals(25, report.headNumber());
    assertEquals(26, report.blocksChecked());
    assertTrue(report.transactionsChecked() >= 25);
    assertTrue(report.trieNodesChecked() > 10, report.summary());
    assertTrue(progress.contains("BLOCKS 26"), progress.toString());
    assertTrue(progress.stream().anyMatch(line -> line.startsWith("STATE ")), progress.toString());
  }

  @Test
  void flippedBytesInBodyReceiptsAndHeaderAreEachReportedAtTheirBlock() {
    TestChain chain = new TestChain(store, suite, 22);
    chain.commitBlocks(10);
    Hash three = chain.blocks().canonicalHash(3).orElseThrow();
    Hash five = chain.blocks().canonicalHash(5).orElseThrow();
    Hash seven = chain.blocks().canonicalHash(7).orElseThrow();
    flipLastByte(LedgerNamespaces.BODIES, three.toArray());
    flipLastByte(LedgerNamespaces.RECEIPTS, five.toArray());
    flipByte(LedgerNamespaces.HEADERS, seven.toArray(), 40);

    VerificationReport report = verify();
    assertReported(report, 3, "bodies", three.toArray());
    assertReported(report, 5, "receipts", five.toArray());
    assertReported(report, 7, "headers", seven.toArray());
    // The changed body also changes a transaction's hash, so its index entry is missing too;
    // nothing outside the three damaged blocks is reported.
    assertTrue(report.mismatches().stream().allMatch(m -> List.of(3L, 5L, 7L)
        .contains(m.blockNumber())), report.mismatches().toString());
    assertEquals(11, report.blocksChecked());
  }

  @Test
  void corruptAndMissingTrieNodesAndCodeAreReported() {
    TestChain chain = new TestChain(store, suite, 23);
    chain.commitBlocks(40);
    BlockHeader head = chain.blocks().head().orElseThrow();
    TrieHashFunction trieHash = StateHashing.trieHash(suite);
    // An account of the head state that has storage, and one that has code.
    MerklePatriciaTrie accounts =
        MerklePatriciaTrie.load(head.stateRoot(), new KeyValueNodeStore(store, null), trieHash);
    Hash storageRoot = null;
    Hash codeHash = null;
    for (Optional<byte[]> key = accounts.firstKey(); key.isPresent();
        key = accounts.nextKey(key.get())) {
      RlpReader account = RlpReader.ofList(accounts.get(key.get()).orElseThrow(), "account");
      account.readBytes("nonce");
      account.readBytes("balance");
      Hash root = account.readHash("storageRoot");
      Hash code = account.readHash("codeHash");
      if (!root.equals(MerklePatriciaTrie.emptyRoot(trieHash))) {
        storageRoot = root;
      }
      if (!code.equals(Hash.fromHex(
          "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"))) {
        codeHash = code;
      }
    }
    assertTrue(storageRoot != null && codeHash != null, "the test chain has storage and code");
    flipLastByte(LedgerNamespaces.TRIE_NODES, head.stateRoot().toArray());
    VerificationReport rootCorrupt = verify();
    assertReported(rootCorrupt, 40, "trie_nodes", head.stateRoot().toArray());
    assertTrue(rootCorrupt.mismatches().get(0).problem().contains("not its key"));
    flipLastByte(LedgerNamespaces.TRIE_NODES, head.stateRoot().toArray());

    delete(LedgerNamespaces.TRIE_NODES, storageRoot.toArray());
    flipLastByte(LedgerNamespaces.CODE, codeHash.toArray());
    VerificationReport report = verify();
    assertReported(report, 40, "trie_nodes", storageRoot.toArray());
    assertReported(report, 40, "code", codeHash.toArray());
    assertEquals(2, report.mismatchCount(), report.mismatches().toString());
    assertTrue(report.mismatches().stream().anyMatch(
        m -> m.problem().equals("storage trie node missing")), report.mismatches().toString());
  }

  @Test
  void indexesAndHeadPointerAreChecked() {
    TestChain chain = new TestChain(store, suite, 24);
    chain.commitBlocks(6);
    var block = chain.blocks().block(4).orElseThrow();
    byte[] transactionHash =
        TransactionCodec.of(suite).hash(block.transactions().get(0)).toArray();
    delete(LedgerNamespaces.TX_INDEX, transactionHash);
    flipLastByte(LedgerNamespaces.BLOOMS, ChainEncoding.numberKey(2));
    delete(LedgerNamespaces.CANONICAL, ChainEncoding.numberKey(6));
    VerificationReport report = verify();
    assertReported(report, 4, "tx_index", transactionHash);
    assertReported(report, 2, "blooms", ChainEncoding.numberKey(2));
    assertReported(report, Mismatch.NO_BLOCK, "meta", ChainEncoding.META_HEAD);
    assertEquals(3, report.mismatchCount(), report.mismatches().toString());
  }

  /**
   * LEDGER-7, STATE-5: execution reads the flat view, so a flat entry that differs from the head
   * tries, is missing or is extra is reported, and so is a state head other than the head block's.
   */
  @Test
  void flatViewAndStateHeadAreChecked() {
    TestChain chain = new TestChain(store, suite, 26);
    chain.commitBlocks(12);
    byte[] account;
    byte[] slot;
    try (KeyValueIterator accounts = store.iterate(LedgerNamespaces.FLAT_ACCOUNTS, KeyRange.ALL);
        KeyValueIterator slots = store.iterate(LedgerNamespaces.FLAT_STORAGE, KeyRange.ALL)) {
      account = accounts.next().key();
      slot = slots.next().key();
    }
    assertTrue(verify().clean());
    flipLastByte(LedgerNamespaces.FLAT_ACCOUNTS, account);
    delete(LedgerNamespaces.FLAT_STORAGE, slot);
    byte[] extra = slot.clone();
    extra[extra.length - 1] ^= 0x5a;
    try (WriteBatch batch = store.newBatch()) {
      batch.put(LedgerNamespaces.FLAT_STORAGE, extra, new byte[] {0x01});
      batch.put(LedgerNamespaces.META, StateDatabase.headKey(), new byte[40]);
      store.write(batch);
    }
    VerificationReport report = verify();
    assertReported(report, 12, "flat_accounts", account);
    assertReported(report, 12, "flat_storage", slot);
    assertReported(report, 12, "flat_storage", extra);
    assertReported(report, 12, "meta", StateDatabase.headKey());
    assertEquals(4, report.mismatchCount(), report.mismatches().toString());
    List<String> problems = report.mismatches().stream().map(Mismatch::problem).toList();
    assertTrue(problems.contains("flat value differs from the head trie's leaf"), problems.toString());
    assertTrue(problems.contains("head trie leaf missing from the flat view"), problems.toString());
    assertTrue(problems.contains("flat entry not in the head state trie"), problems.toString());
  }

  /** LEDGER-5: a store the verifier cannot read is an error, not a list of mismatches. */
  @Test
  void wrongSchemaOrSuiteOrNoLedgerIsAnErrorNotAReport() {
    StorageException empty = assertThrows(StorageException.class,
        () -> new LedgerVerifier(store, suite, "/data/x").verify(VerificationProgress.NONE));
    assertEquals("no ledger in /data/x", empty.getMessage());
    new TestChain(store, suite, 25).commitBlocks(1);
    assertThrows(StorageException.class,
        () -> new LedgerVerifier(store, CryptoSuites.gm(), "/data/x")
            .verify(VerificationProgress.NONE));
    try (WriteBatch batch = store.newBatch()) {
      batch.put(LedgerNamespaces.META, ChainEncoding.META_SCHEMA_VERSION,
          ChainEncoding.encodeSchemaVersion(LedgerNamespaces.SCHEMA_VERSION + 1));
      store.write(batch);
    }
    StorageException version = assertThrows(StorageException.class,
        () -> new LedgerVerifier(store, suite, "/data/x").verify(VerificationProgress.NONE));
    assertTrue(version.getMessage().startsWith("store schema "), version.getMessage());
  }

  private VerificationReport verify() {
    return new LedgerVerifier(store, suite, "test").verify(VerificationProgress.NONE);
  }

  private static void assertReported(
      VerificationReport report, long blockNumber, String namespace, byte[] key) {
    assertTrue(report.mismatches().stream().anyMatch(m -> m.blockNumber() == blockNumber
            && m.namespace().equals(namespace) && m.key().equals(Hex.encode(key))),
        "expected a mismatch at block " + blockNumber + " " + namespace + " " + Hex.encode(key)
            + " in " + report.mismatches());
  }

  private void flipLastByte(Namespace namespace, byte[] key) {
    byte[] value = store.get(namespace, key).orElseThrow();
    flipByte(namespace, key, value.length - 1);
  }

  private void flipByte(Namespace namespace, byte[] key, int index) {
    byte[] value = store.get(namespace, key).orElseThrow();
    value[index] ^= 0x01;
    try (WriteBatch batch = store.newBatch()) {
      batch.put(namespace, key, value);
      store.write(batch);
    }
  }

  private void delete(Namespace namespace, byte[] key) {
    try (WriteBatch batch = store.newBatch()) {
      batch.delete(namespace, key);
      store.write(batch);
    }
  }
}

package org.xinlian.ledger.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xinlian.common.Hex;
import org.xinlian.ledger.state.StateDatabase;
import org.xinlian.storage.KeyRange;
import org.xinlian.storage.KeyValueIterator;
import org.xinlian.storage.Namespace;
import org.xinlian.common.Hash;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.ledger.LedgerNamespaces;
import org.xinlian.ledger.TestChain;
import org.xinlian.ledger.chain.BlockStore;
import org.xinlian.ledger.verify.LedgerVerifier;
import org.xinlian.ledger.verify.VerificationProgress;
import org.xinlian.ledger.verify.VerificationReport;
import org.xinlian.storage.KeyValueStore;
import org.xinlian.storage.KeyValueStores;
import org.xinlian.storage.StoreSnapshot;
import org.xinlian.types.block.BlockHeader;

/**
 * A node started from a snapshot is a node like any other (SNAPSHOT-9): the block store opens it at
 * the snapshot's block with the same state head and flat view as the source, the next blocks commit
 * on top of it, and the verifier finds nothing wrong, although no block below the snapshot's height
 * is stored.
 */
class SnapshotChainTest {
  private final CryptoSuite suite = CryptoSuites.standard();

  @Test
  void importedNodeOpensCommitsAndVerifiesClean() {
    KeyValueStore source = KeyValueStores.inMemory(LedgerNamespaces.ALL);
    TestChain chain = new TestChain(source, suite, 31);
    chain.commitBlocks(8);
    BlockHeader head = chain.blocks().head().orElseThrow();
    Hash genesis = chain.blocks().canonicalHash(0).orElseThrow();

    ByteArrayOutputStream file = new ByteArrayOutputStream();
    try (StoreSnapshot view = source.snapshot()) {
      SnapshotExporter.export(view, suite, head, genesis, TestChain.CHAIN_ID, file,
          ProgressListener.NONE);
    }
    KeyValueStore target = KeyValueStores.inMemory(LedgerNamespaces.ALL);
    SnapshotImporter.importInto(target, suite, genesis,
        new ByteArrayInputStream(file.toByteArray()), ProgressListener.NONE);

    for (Namespace flat : List.of(LedgerNamespaces.FLAT_ACCOUNTS, LedgerNamespaces.FLAT_STORAGE)) {
      assertEquals(entries(source, flat), entries(target, flat), "flat view " + flat);
    }
    assertEquals(chain.states().head(), new StateDatabase(target, suite).head());

    BlockStore imported = BlockStore.open(target, suite);
    assertEquals(head, imported.head().orElseThrow());
    assertEquals(head.hash(suite), imported.canonicalHash(head.number()).orElseThrow());
    assertTrue(imported.canonicalHash(head.number() - 1).isEmpty(), "no history below the snapshot");

    TestChain continued = new TestChain(target, suite, 32);
    continued.commitBlocks(3);
    assertEquals(head.number() + 3, continued.blocks().head().orElseThrow().number());

    VerificationReport report =
        new LedgerVerifier(target, suite, "imported").verify(VerificationProgress.NONE);
    assertTrue(report.clean(), report.mismatches().toString());
    assertEquals(4, report.blocksChecked(), "the snapshot's block and the three after it");
    assertTrue(new LedgerVerifier(source, suite, "source").verify(VerificationProgress.NONE).clean());
  }

  private static List<String> entries(KeyValueStore store, Namespace namespace) {
    List<String> entries = new ArrayList<>();
    try (KeyValueIterator iterator = store.iterate(namespace, KeyRange.ALL)) {
      iterator.forEachRemaining(
          entry -> entries.add(Hex.encode(entry.key()) + "=" + Hex.encode(entry.value())));
    }
    return entries;
  }
}

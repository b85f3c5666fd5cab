package org.xinlian.ledger.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xinlian.common.Hash;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.crypto.Keccak256;
import org.xinlian.ledger.LedgerNamespaces;
import org.xinlian.storage.KeyValueStore;
import org.xinlian.storage.WriteBatch;

/** Imports refused before anything is written: wrong chain, wrong suite, a store in use (SNAPSHOT-3, 9). */
class SnapshotRefusalTest {
  private static final CryptoSuite SUITE = CryptoSuites.standard();
  private static TestStates.Built source;
  private static byte[] file;

  @BeforeAll
  static void exportSmallState() {
    source = TestStates.build(SUITE, new TestStates.Shape(20, 4, 3, 2), 21);
    file = source.export();
  }

  @Test
  void anotherGenesisIsRefused() {
    Hash ours = Hash.wrap(Keccak256.hash(new byte[] {42}));
    KeyValueStore target = TestStates.emptyStore();
    SnapshotRefusedException error = assertThrows(SnapshotRefusedException.class,
        () -> SnapshotImporter.importInto(target, SUITE, ours, new ByteArrayInputStream(file),
            ProgressListener.NONE));
    assertEquals(
        "snapshot is for chain id " + TestStates.CHAIN_ID + " genesis " + source.genesisHash()
            + ", this node is " + ours,
        error.getMessage());
    assertTrue(TestStates.dumpAll(target).values().stream().allMatch(Map::isEmpty));
  }

  @Test
  void theMatchingGenesisIsAccepted() {
    KeyValueStore target = TestStates.emptyStore();
    SnapshotImporter.importInto(target, SUITE, source.genesisHash(), new ByteArrayInputStream(file),
        ProgressListener.NONE);
    assertEquals(Optional.of(source.blockHash()), SnapshotLayout.head(target));
  }

  /** A store that recorded its genesis (but has no head yet) refuses another chain too. */
  @Test
  void theStoresRecordedGenesisIsChecked() {
    KeyValueStore target = TestStates.emptyStore();
    try (WriteBatch batch = target.newBatch()) {
      batch.put(SnapshotLayout.META, SnapshotLayout.META_GENESIS, Keccak256.hash(new byte[] {1}));
      target.write(batch);
    }
    SnapshotRefusedException error = assertThrows(SnapshotRefusedException.class,
        () -> TestStates.importBytes(target, SUITE, file));
    assertTrue(error.getMessage().startsWith("snapshot is for chain id"), error.getMessage());
  }

  @Test
  void anotherSuiteIsRefused() {
    SnapshotRefusedException error = assertThrows(SnapshotRefusedException.class,
        () -> TestStates.importBytes(TestStates.emptyStore(), CryptoSuites.gm(), file));
    assertEquals("snapshot is for a standard chain, this node uses the gm suite", error.getMessage());
  }

  /** A store with a chain is refused and left exactly as it was. */
  @Test
  void aStoreWithAChainIsRefusedAndUntouched() {
    TestStates.Built existing = TestStates.build(SUITE, new TestStates.Shape(5, 1, 2, 1), 22);
    Map<String, Map<String, String>> before = TestStates.dumpAll(existing.store());
    SnapshotRefusedException error = assertThrows(SnapshotRefusedException.class,
        () -> TestStates.importBytes(existing.store(), SUITE, file));
    assertEquals(
        "the store already holds a chain at height " + TestStates.HEIGHT
            + "; import needs an empty node",
        error.getMessage());
    assertEquals(before, TestStates.dumpAll(existing.store()));
  }

  /** Leftovers of a failed import (data but no head) are refused too, not mixed into. */
  @Test
  void aStoreWithDataButNoHeadIsRefused() {
    KeyValueStore target = TestStates.emptyStore();
    byte[] damaged = TestStates.copy(file);
    damaged[damaged.length - 1] ^= 1;
    assertThrows(SnapshotFormatException.class, () -> TestStates.importBytes(target, SUITE, damaged));
    assertEquals(Optional.empty(), SnapshotLayout.head(target));
    Map<String, Map<String, String>> before = TestStates.dumpAll(target);
    assertTrue(!before.get(LedgerNamespaces.CODE.name()).isEmpty(), "codes are written first");
    SnapshotRefusedException error = assertThrows(SnapshotRefusedException.class,
        () -> TestStates.importBytes(target, SUITE, file));
    assertTrue(error.getMessage().contains("the store is not empty"), error.getMessage());
    assertEquals(before, TestStates.dumpAll(target));
  }
}

package org.xinlian.ledger.snapshot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.ledger.LedgerNamespaces;
import org.xinlian.storage.KeyValueStore;

/** Export then import (docs/spec/snapshot.md SNAPSHOT-5 to SNAPSHOT-9). */
class SnapshotRoundTripTest {
  private static final TestStates.Shape SHAPE = new TestStates.Shape(300, 40, 25, 6);

  /** SNAPSHOT-6, SNAPSHOT-9: same root, flat view, code and head, on both suites. */
  @ParameterizedTest
  @ValueSource(strings = {CryptoSuites.STANDARD, CryptoSuites.GM})
  void roundTripRebuildsTheSameState(String suiteName) {
    CryptoSuite suite = CryptoSuites.byName(suiteName);
    TestStates.Built source = TestStates.build(suite, SHAPE, 1);
    byte[] file = source.export();
    KeyValueStore imported = TestStates.emptyStore();
    SnapshotResult result = TestStates.importBytes(imported, suite, file);

    assertEquals(source.header().stateRoot(), result.stateRoot());
    assertEquals(source.blockHash(), result.blockHash());
    assertEquals(TestStates.HEIGHT, result.height());
    assertEquals(300, result.accounts());
    assertEquals(40 * 25, result.slots());
    assertEquals(TestStates.dump(source.store(), LedgerNamespaces.CODE).size(),
        result.codes());
    assertEquals(file.length, result.bytes());
    SnapshotAssertions.assertSameState(source, imported);
    SnapshotAssertions.assertHead(source, imported);
  }

  /** SNAPSHOT-8: flushing every few entries (many batches, trie reloads) changes nothing. */
  @ParameterizedTest
  @ValueSource(strings = {CryptoSuites.STANDARD, CryptoSuites.GM})
  void tinyBatchesGiveTheSameState(String suiteName) {
    CryptoSuite suite = CryptoSuites.byName(suiteName);
    TestStates.Built source = TestStates.build(suite, SHAPE, 2);
    byte[] file = source.export();
    KeyValueStore imported = TestStates.emptyStore();
    SnapshotImporter.importInto(imported, suite, source.genesisHash(),
        new ByteArrayInputStream(file), ProgressListener.NONE, new ImportWriter.FlushPolicy(2048, 7));
    SnapshotAssertions.assertSameState(source, imported);
    SnapshotAssertions.assertHead(source, imported);
  }

  /** SNAPSHOT-4: the file is canonical, so exporting the imported store gives the same bytes. */
  @Test
  void reExportOfAnImportIsByteIdentical() {
    CryptoSuite suite = CryptoSuites.standard();
    TestStates.Built source = TestStates.build(suite, SHAPE, 3);
    byte[] file = source.export();
    KeyValueStore imported = TestStates.emptyStore();
    TestStates.importBytes(imported, suite, file);
    TestStates.Built again =
        new TestStates.Built(imported, suite, source.header(), source.genesisHash());
    assertArrayEquals(file, again.export());
  }

  @Test
  void emptyStateRoundTrips() {
    CryptoSuite suite = CryptoSuites.gm();
    TestStates.Built source = TestStates.build(suite, new TestStates.Shape(0, 0, 0, 0), 4);
    KeyValueStore imported = TestStates.emptyStore();
    SnapshotResult result = TestStates.importBytes(imported, suite, source.export());
    assertEquals(0, result.accounts());
    SnapshotAssertions.assertHead(source, imported);
  }

  /** The header record can be read alone, to pick the suite before importing. */
  @Test
  void infoNamesTheChainAndBlock() {
    TestStates.Built source = TestStates.build(CryptoSuites.gm(), new TestStates.Shape(3, 1, 2, 1), 5);
    SnapshotInfo info = SnapshotImporter.readInfo(new ByteArrayInputStream(source.export()));
    assertEquals("gm", info.suiteName());
    assertEquals(TestStates.CHAIN_ID, info.chainId());
    assertEquals(source.genesisHash(), info.genesisHash());
    assertEquals(source.header(), info.header());
    assertEquals(source.blockHash(), info.blockHash());
  }

  /** Progress estimates rise to 100 and end with the totals, on export and import alike. */
  @Test
  void progressRisesToCompletion() {
    CryptoSuite suite = CryptoSuites.standard();
    TestStates.Built source = TestStates.build(suite, SHAPE, 6);
    List<SnapshotProgress> exported = new ArrayList<>();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    SnapshotResult result = SnapshotExporter.export(source.store(), suite, source.header(),
        source.genesisHash(), TestStates.CHAIN_ID, out, exported::add);
    List<SnapshotProgress> importedProgress = new ArrayList<>();
    SnapshotImporter.importInto(TestStates.emptyStore(), suite, null,
        new ByteArrayInputStream(out.toByteArray()), importedProgress::add);
    for (List<SnapshotProgress> reports : List.of(exported, importedProgress)) {
      assertTrue(reports.size() > SHAPE.accounts());
      for (int index = 1; index < reports.size(); index++) {
        assertTrue(reports.get(index).percent() >= reports.get(index - 1).percent());
        assertTrue(reports.get(index).accounts() >= reports.get(index - 1).accounts());
      }
      SnapshotProgress last = reports.get(reports.size() - 1);
      assertEquals(
          new SnapshotProgress(100, result.accounts(), result.slots(), result.codes(), result.bytes()),
          last);
    }
  }
}

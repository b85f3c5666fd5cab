package org.xinlian.ledger.snapshot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.storage.KeyValueStore;

/** Random small states survive export and import unchanged, whatever the batch sizes (SNAPSHOT-4 to 9). */
class SnapshotProperties {
  @Property(tries = 60)
  void randomStatesRoundTrip(
      @ForAll boolean gm,
      @ForAll @IntRange(min = 0, max = 40) int accounts,
      @ForAll @IntRange(min = 0, max = 10) int contracts,
      @ForAll @IntRange(min = 0, max = 30) int slots,
      @ForAll @IntRange(min = 0, max = 4) int codes,
      @ForAll @IntRange(min = 1, max = 50) int flushEntries,
      @ForAll long seed) {
    CryptoSuite suite = gm ? CryptoSuites.gm() : CryptoSuites.standard();
    TestStates.Built source = TestStates.build(
        suite, new TestStates.Shape(accounts, Math.min(contracts, accounts), slots, codes), seed);
    byte[] file = source.export();
    KeyValueStore imported = TestStates.emptyStore();
    SnapshotResult result = SnapshotImporter.importInto(imported, suite, null,
        new ByteArrayInputStream(file), ProgressListener.NONE,
        new ImportWriter.FlushPolicy(flushEntries * 100L, flushEntries));
    assertEquals(source.header().stateRoot(), result.stateRoot());
    assertEquals(accounts, result.accounts());
    SnapshotAssertions.assertSameState(source, imported);
    SnapshotAssertions.assertHead(source, imported);
    assertArrayEquals(file,
        new TestStates.Built(imported, suite, source.header(), source.genesisHash()).export());
  }
}

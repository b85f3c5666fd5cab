package org.xinlian.ledger.snapshot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.Optional;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
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

  private static final byte[] SMALL_FILE =
      TestStates.build(CryptoSuites.standard(), new TestStates.Shape(8, 3, 5, 2), 41).export();

  /** SNAPSHOT-2: a valid start followed by garbage is a format error, never anything else. */
  @Property(tries = 300)
  void garbageAfterAValidStartIsAFormatError(
      @ForAll @IntRange(min = 0, max = 2000) int keep, @ForAll @Size(max = 300) byte[] garbage) {
    int kept = Math.min(keep, SMALL_FILE.length - 1);
    byte[] file = Arrays.copyOf(SMALL_FILE, kept + garbage.length);
    System.arraycopy(garbage, 0, file, kept, garbage.length);
    Assume.that(!Arrays.equals(file, SMALL_FILE));
    KeyValueStore target = TestStates.emptyStore();
    assertThrows(SnapshotFormatException.class,
        () -> TestStates.importBytes(target, CryptoSuites.standard(), file));
    assertEquals(Optional.empty(), SnapshotLayout.head(target));
  }
}

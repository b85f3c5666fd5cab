package org.xinlian.ledger.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.ledger.LedgerNamespaces;
import org.xinlian.storage.KeyValueStore;

/**
 * A state of 20,000 accounts, 30 of them with 1,000 slots, streamed through a file with the
 * default batch policy (SNAPSHOT-8). It asserts only the result; that it runs at all in the test
 * JVM's heap, with files read and written as streams, is the point.
 */
class SnapshotLargeStateTest {
  @Test
  void twentyThousandAccountsStreamThroughAFile(@TempDir Path directory) throws IOException {
    CryptoSuite suite = CryptoSuites.standard();
    TestStates.Built source =
        TestStates.build(suite, new TestStates.Shape(20_000, 30, 1_000, 10), 31);
    Path file = directory.resolve("state.snapshot");
    SnapshotResult exported;
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
      exported = SnapshotExporter.export(source.store(), suite, source.header(),
          source.genesisHash(), TestStates.CHAIN_ID, out, ProgressListener.NONE);
    }
    assertEquals(Files.size(file), exported.bytes());
    KeyValueStore imported = TestStates.emptyStore();
    SnapshotResult result;
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      result = SnapshotImporter.importInto(imported, suite, source.genesisHash(), in,
          ProgressListener.NONE);
    }
    assertEquals(exported, result);
    assertEquals(20_000, result.accounts());
    assertEquals(30_000, result.slots());
    assertEquals(
        TestStates.dump(source.store(), LedgerNamespaces.FLAT_STORAGE),
        TestStates.dump(imported, LedgerNamespaces.FLAT_STORAGE));
    SnapshotAssertions.assertHead(source, imported);
  }
}

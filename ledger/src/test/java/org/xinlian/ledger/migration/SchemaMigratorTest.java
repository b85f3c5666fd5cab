package org.xinlian.ledger.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xinlian.common.Address;
import org.xinlian.common.Hash;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.ledger.LedgerNamespaces;
import org.xinlian.ledger.chain.BlockRoots;
import org.xinlian.ledger.chain.BlockStore;
import org.xinlian.ledger.chain.ChainEncoding;
import org.xinlian.ledger.chain.LedgerSchema;
import org.xinlian.ledger.state.StateDatabase;
import org.xinlian.storage.KeyRange;
import org.xinlian.storage.KeyValueIterator;
import org.xinlian.storage.KeyValueStore;
import org.xinlian.storage.KeyValueStores;
import org.xinlian.storage.ReadView;
import org.xinlian.storage.StorageException;
import org.xinlian.storage.StoreOptions;
import org.xinlian.storage.WriteBatch;
import org.xinlian.types.block.Block;
import org.xinlian.types.block.BlockHeader;
import org.xinlian.types.block.LogsBloom;

/**
 * Storage schema migrations (docs/spec/operations.md OPS-85 to OPS-87) on a real RocksDB ledger.
 * This release registers no migration (schema 1 is the only layout so far), so the steps here are
 * registered by the test: one that records the number of canonical blocks in META, as a layout
 * change would add an index.
 */
class SchemaMigratorTest {
  private static final byte[] COUNT_KEY = "canonical_count".getBytes(StandardCharsets.US_ASCII);
  private final CryptoSuite suite = CryptoSuites.standard();
  @TempDir Path directory;
  private Path data;

  /** Schema 1 → 2: META gains the number of canonical blocks. */
  private static final SchemaMigration COUNT_CANONICAL = new SchemaMigration() {
    @Override
    public int fromVersion() {
      return 1;
    }

    @Override
    public String description() {
      return "record the canonical block count in meta";
    }

    @Override
    public void migrate(ReadView store, WriteBatch batch) {
      long count = 0;
      try (KeyValueIterator entries = store.iterate(LedgerNamespaces.CANONICAL, KeyRange.ALL)) {
        while (entries.hasNext()) {
          entries.next();
          count++;
        }
      }
      batch.put(LedgerNamespaces.META, COUNT_KEY, Long.toString(count).getBytes(StandardCharsets.US_ASCII));
    }
  };

  /** A step from {@code from} that writes a marker and then fails, as a crash inside a step would. */
  private static SchemaMigration failing(int from) {
    return new SchemaMigration() {
      @Override
      public int fromVersion() {
        return from;
      }

      @Override
      public String description() {
        return "a step that fails";
      }

      @Override
      public void migrate(ReadView store, WriteBatch batch) {
        batch.put(LedgerNamespaces.META, "half_done".getBytes(StandardCharsets.US_ASCII), new byte[] {1});
        throw new IllegalStateException("disk pulled");
      }
    };
  }

  private static SchemaMigration noop(int from) {
    return new SchemaMigration() {
      @Override
      public int fromVersion() {
        return from;
      }

      @Override
      public String description() {
        return "nothing";
      }

      @Override
      public void migrate(ReadView store, WriteBatch batch) {}
    };
  }

  private KeyValueStore open() {
    return KeyValueStores.openRocksDb(StoreOptions.of(data, LedgerNamespaces.ALL));
  }

  /** A ledger of genesis and two blocks at schema 1, as this release writes it. */
  @BeforeEach
  void createLedger() {
    data = directory.resolve("ledger");
    try (KeyValueStore store = open()) {
      BlockStore blocks = BlockStore.open(store, suite, data.toString());
      StateDatabase states = new StateDatabase(store, suite);
      for (int number = 0; number < 3; number++) {
        try (WriteBatch batch = store.newBatch()) {
          Hash stateRoot = states.commit(states.headState(), number, batch).root();
          BlockHeader header = new BlockHeader(blocks.headHash().orElse(Hash.ZERO), number, 1_700_000_000L + number,
              Address.ZERO, stateRoot, BlockRoots.transactionsRoot(suite, List.of()),
              BlockRoots.receiptsRoot(suite, List.of()), LogsBloom.EMPTY, 0, 30_000_000, new byte[0], new byte[0]);
          Block block = new Block(header, List.of());
          if (number == 0) {
            blocks.commitGenesis(batch, block, List.of(), 7);
          } else {
            blocks.commitBlock(batch, block, List.of());
          }
        }
      }
    }
  }

  private int version() {
    try (KeyValueStore store = open()) {
      return SchemaMigrator.storedVersion(store, data.toString());
    }
  }

  private Optional<byte[]> meta(byte[] key) {
    try (KeyValueStore store = open()) {
      return store.get(LedgerNamespaces.META, key);
    }
  }

  /** OPS-85: this release's migrator refuses a current store, naming the schema, and changes nothing. */
  @Test
  void aCurrentStoreNeedsNoMigration() {
    try (KeyValueStore store = open()) {
      SchemaMigrator.MigrationRefusedException refused = assertThrows(SchemaMigrator.MigrationRefusedException.class,
          () -> SchemaMigrator.release().migrate(store, data.toString()));
      assertEquals("the ledger in " + data + " is already at schema 1, the one this release reads: nothing to "
          + "migrate", refused.getMessage());
    }
    assertEquals(LedgerNamespaces.SCHEMA_VERSION, version());
  }

  /** OPS-85, OPS-87: a registered step runs once, survives a reopen, and a second run is refused. */
  @Test
  void aPendingStepRunsOnceAndIsRecorded() {
    SchemaMigrator migrator = new SchemaMigrator(List.of(COUNT_CANONICAL), 2);
    try (KeyValueStore store = open()) {
      assertEquals(List.of(new SchemaMigrator.Step(1, 2, "record the canonical block count in meta")),
          migrator.migrate(store, data.toString()));
    }
    assertEquals(2, version());
    assertEquals("3", new String(meta(COUNT_KEY).orElseThrow(), StandardCharsets.US_ASCII));
    try (KeyValueStore store = open()) {
      SchemaMigrator.MigrationRefusedException again = assertThrows(SchemaMigrator.MigrationRefusedException.class,
          () -> migrator.migrate(store, data.toString()));
      assertTrue(again.getMessage().contains("already at schema 2"), again.getMessage());
    }
    assertEquals(2, version());
  }

  /**
   * OPS-87: a failing step writes nothing of itself, the steps before it stay, and the next run
   * resumes from the last completed version.
   */
  @Test
  void anInterruptedRunResumesFromTheLastCompletedStep() {
    try (KeyValueStore store = open()) {
      StorageException failed = assertThrows(StorageException.class,
          () -> new SchemaMigrator(List.of(COUNT_CANONICAL, failing(2)), 3).migrate(store, data.toString()));
      assertEquals("migration to schema 3 (a step that fails) failed, the store stays at schema 2 (" + data
          + "): disk pulled", failed.getMessage());
    }
    assertEquals(2, version());
    assertTrue(meta(COUNT_KEY).isPresent(), "the completed step is kept");
    assertTrue(meta("half_done".getBytes(StandardCharsets.US_ASCII)).isEmpty(), "nothing of the failed step");
    try (KeyValueStore store = open()) {
      assertEquals(List.of(new SchemaMigrator.Step(2, 3, "nothing")),
          new SchemaMigrator(List.of(COUNT_CANONICAL, noop(2)), 3).migrate(store, data.toString()));
    }
    assertEquals(3, version());
  }

  /** OPS-86: a store newer than the build is refused by the migrator and by every reader. */
  @Test
  void aNewerStoreIsRefused() {
    try (KeyValueStore store = open()) {
      new SchemaMigrator(List.of(COUNT_CANONICAL), 2).migrate(store, data.toString());
      SchemaMigrator.MigrationRefusedException refused = assertThrows(SchemaMigrator.MigrationRefusedException.class,
          () -> SchemaMigrator.release().migrate(store, data.toString()));
      assertEquals("the ledger in " + data + " is at schema 2, newer than this release's 1: it was written by a "
          + "newer release, and migrating down is not supported", refused.getMessage());
      StorageException reading = assertThrows(StorageException.class,
          () -> LedgerSchema.check(store, LedgerNamespaces.ALL, data.toString()));
      assertEquals("store schema 2, this build reads 1 (" + data + ")", reading.getMessage());
    }
  }

  /** OPS-86: a store older than the build is refused by every reader, naming the command that migrates it. */
  @Test
  void anOlderStoreNamesTheMigrateCommand() {
    try (KeyValueStore store = open()) {
      try (WriteBatch batch = store.newBatch()) {
        batch.put(LedgerNamespaces.META, ChainEncoding.META_SCHEMA_VERSION, ChainEncoding.encodeSchemaVersion(0));
        store.write(batch);
      }
      StorageException reading = assertThrows(StorageException.class, () -> BlockStore.open(store, suite,
          data.toString()));
      assertEquals("store schema 0 is older than the schema 1 this build reads (" + data + "): stop the node and "
          + "run 'xinlian db migrate --data-dir " + data + "'", reading.getMessage());
      SchemaMigrator.MigrationRefusedException noPath = assertThrows(SchemaMigrator.MigrationRefusedException.class,
          () -> SchemaMigrator.release().migrate(store, data.toString()));
      assertTrue(noPath.getMessage().contains("is at schema 0, and this release migrates only from schema 1"),
          noPath.getMessage());
    }
  }

  /** The registry itself: steps must be consecutive and end at the target. */
  @Test
  void stepsMustBeConsecutive() {
    IllegalArgumentException gap = assertThrows(IllegalArgumentException.class,
        () -> new SchemaMigrator(List.of(noop(1), noop(3)), 4));
    assertEquals("migrations: step 0 reads schema 1, expected 2 (consecutive, ending at 4)", gap.getMessage());
  }
}

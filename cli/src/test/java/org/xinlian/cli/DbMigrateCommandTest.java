package org.xinlian.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
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
import org.xinlian.ledger.state.StateDatabase;
import org.xinlian.storage.KeyValueStore;
import org.xinlian.storage.KeyValueStores;
import org.xinlian.storage.StoreOptions;
import org.xinlian.storage.WriteBatch;
import org.xinlian.types.block.Block;
import org.xinlian.types.block.BlockHeader;
import org.xinlian.types.block.LogsBloom;

/**
 * {@code xinlian db migrate} (docs/spec/operations.md OPS-85, OPS-86) with this release's
 * migrations, of which there are none yet: every current store is refused as already migrated,
 * a newer one as newer, and neither is changed. The steps themselves are tested in
 * SchemaMigratorTest.
 */
class DbMigrateCommandTest {
  private final CryptoSuite suite = CryptoSuites.standard();
  @TempDir Path directory;
  private Path data;

  private CliRun.Result run(String... args) {
    return new CliRun(directory).withoutTerminal().run(args);
  }

  private KeyValueStore open() {
    return KeyValueStores.openRocksDb(StoreOptions.of(data, LedgerNamespaces.ALL));
  }

  /** A node data directory {@code node} whose {@code ledger} holds a genesis block. */
  @BeforeEach
  void createLedger() {
    data = directory.resolve("node").resolve("ledger");
    try (KeyValueStore store = open(); WriteBatch batch = store.newBatch()) {
      BlockStore blocks = BlockStore.open(store, suite, data.toString());
      StateDatabase states = new StateDatabase(store, suite);
      Hash stateRoot = states.commit(states.headState(), 0, batch).root();
      BlockHeader header = new BlockHeader(Hash.ZERO, 0, 1_700_000_000L, Address.ZERO, stateRoot,
          BlockRoots.transactionsRoot(suite, List.of()), BlockRoots.receiptsRoot(suite, List.of()),
          LogsBloom.EMPTY, 0, 30_000_000, new byte[0], new byte[0]);
      blocks.commitGenesis(batch, new Block(header, List.of()), List.of(), 7);
    }
  }

  private int storedVersion() {
    try (KeyValueStore store = open()) {
      return ChainEncoding.decodeSchemaVersion(store.get(LedgerNamespaces.META, ChainEncoding.META_SCHEMA_VERSION)
          .orElseThrow());
    }
  }

  @Test
  void aCurrentLedgerIsAlreadyMigrated() {
    CliRun.Result byDataDirectory = run("db", "migrate", "--data-dir", "node");
    assertEquals(1, byDataDirectory.exitCode(), byDataDirectory.out());
    assertEquals("error: the ledger in " + data + " is already at schema 1, the one this release reads: nothing "
        + "to migrate", byDataDirectory.err().strip());
    CliRun.Result byLedger = run("db", "migrate", "--data-dir", data.toString());
    assertEquals(byDataDirectory.err(), byLedger.err());
    CliRun.Result dryRun = run("db", "migrate", "--data-dir", "node", "--dry-run");
    assertEquals(0, dryRun.exitCode(), dryRun.err());
    assertEquals("the ledger in " + data + " is at schema 1; this release reads 1; no step to run",
        dryRun.out().strip());
    assertEquals(LedgerNamespaces.SCHEMA_VERSION, storedVersion());
  }

  @Test
  void aNewerLedgerOrNoLedgerIsRefused() {
    try (KeyValueStore store = open(); WriteBatch batch = store.newBatch()) {
      batch.put(LedgerNamespaces.META, ChainEncoding.META_SCHEMA_VERSION, ChainEncoding.encodeSchemaVersion(2));
      store.write(batch);
    }
    CliRun.Result newer = run("db", "migrate", "--data-dir", "node");
    assertEquals(1, newer.exitCode());
    assertEquals("error: the ledger in " + data + " is at schema 2, newer than this release's 1: it was written "
        + "by a newer release, and migrating down is not supported", newer.err().strip());
    assertEquals(2, storedVersion());
    CliRun.Result missing = run("db", "migrate", "--data-dir", "nowhere");
    assertEquals(1, missing.exitCode());
    assertEquals("error: no such ledger directory: " + directory.resolve("nowhere"), missing.err().strip());
    assertEquals(2, run("db", "migrate").exitCode());
  }

  /** A running node holds the store's lock: the command is refused and changes nothing. */
  @Test
  void aLedgerInUseIsRefused() {
    try (KeyValueStore held = open()) {
      CliRun.Result locked = run("db", "migrate", "--data-dir", "node");
      assertEquals(1, locked.exitCode(), locked.out());
      assertTrue(locked.err().startsWith("error: "), locked.err());
      assertTrue(held.get(LedgerNamespaces.META, ChainEncoding.META_SCHEMA_VERSION).isPresent());
    }
  }
}

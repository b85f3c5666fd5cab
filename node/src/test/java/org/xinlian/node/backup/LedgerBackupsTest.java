package org.xinlian.node.backup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xinlian.common.Clock;
import org.xinlian.execution.genesis.Genesis;
import org.xinlian.execution.genesis.GenesisConfig;
import org.xinlian.ledger.LedgerNamespaces;
import org.xinlian.node.DevChain;
import org.xinlian.node.consensus.ConsensusService;
import org.xinlian.storage.KeyValueStore;
import org.xinlian.storage.KeyValueStores;
import org.xinlian.storage.StoreOptions;

/**
 * Backup, check and restore on real RocksDB stores in temporary directories
 * (docs/spec/operations.md OPS-70 to OPS-76): the bounds of {@code admin_backup}, a backup's
 * manifest against its files, and a restore that refuses another chain or an occupied data
 * directory and otherwise yields the backed-up ledger.
 */
class LedgerBackupsTest {
  private static final byte[] CONSENSUS_STATE = "a write-ahead record".getBytes(StandardCharsets.UTF_8);

  @TempDir Path root;
  private Path dataDirectory;
  private Path backups;
  private GenesisConfig genesis;
  private final TestClock clock = new TestClock();

  @BeforeEach
  void ledger() throws IOException {
    dataDirectory = root.resolve("node").resolve("ledger");
    backups = root.resolve("backups");
    genesis = genesis("genesis.json", 1_700_000_000L);
    try (KeyValueStore store = open()) {
      Genesis.initialize(genesis, store);
    }
    Files.write(dataDirectory.resolve(ConsensusService.WRITE_AHEAD_STATE_FILE), CONSENSUS_STATE);
  }

  private GenesisConfig genesis(String name, long timestamp) throws IOException {
    Path file = root.resolve(name);
    Files.writeString(file, DevChain.genesisJson(timestamp));
    return GenesisConfig.load(file);
  }

  private KeyValueStore open() {
    return KeyValueStores.openRocksDb(StoreOptions.of(dataDirectory, LedgerNamespaces.ALL));
  }

  private BackupService service(KeyValueStore store, BackupConfig config) {
    return new BackupService(config, store, dataDirectory, genesis.chainId(), clock);
  }

  private BackupConfig enabled(int backupsMax, long intervalMsMin) {
    return new BackupConfig(Optional.of(backups), backupsMax, intervalMsMin, 0);
  }

  private Path backup(String name) {
    try (KeyValueStore store = open()) {
      return service(store, enabled(4, 0)).create(name).directory();
    }
  }

  @Test
  void backupRecordsTheChainHeadAndFilesAndChecks() throws IOException {
    Path backup;
    BackupManifest manifest;
    try (KeyValueStore store = open()) {
      BackupService.BackupResult result = service(store, enabled(4, 0)).create("nightly-1");
      backup = result.directory();
      manifest = result.manifest();
    }
    assertEquals(backups.resolve("nightly-1"), backup);
    assertEquals(LedgerBackups.genesisHash(genesis), manifest.genesisHash());
    assertEquals(DevChain.CHAIN_ID, manifest.chainId());
    assertEquals(0, manifest.height());
    assertEquals(manifest.genesisHash(), manifest.headHash());
    assertTrue(manifest.ledgerFiles().stream().anyMatch(file -> file.name().equals("CURRENT")), manifest.ledgerFiles().toString());
    assertEquals(CONSENSUS_STATE.length, manifest.consensusState().orElseThrow().bytes());
    LedgerBackups.CheckedBackup checked = LedgerBackups.check(backup);
    assertEquals(manifest, checked.manifest());
    assertEquals(backup.resolve(BackupManifest.LEDGER_DIRECTORY), checked.ledgerDirectory());
    try (Stream<Path> entries = filesUnder(backups)) {
      assertFalse(entries.anyMatch(path -> path.getFileName().toString().startsWith(BackupService.STAGING_PREFIX)),
          "no staging directory is left");
    }
  }

  @Test
  void backupsAreBoundedAndConfined() throws IOException {
    try (KeyValueStore store = open()) {
      BackupRefusedException disabled = assertThrows(BackupRefusedException.class,
          () -> service(store, BackupConfig.disabled()).create("a"));
      assertTrue(disabled.getMessage().contains("backup.directory"), disabled.getMessage());
      BackupService service = service(store, enabled(2, 60_000));
      for (String name : List.of("../escape", "a/b", ".hidden", "", "x".repeat(65), "/tmp/abs")) {
        BackupRefusedException refused = assertThrows(BackupRefusedException.class, () -> service.create(name));
        assertTrue(refused.getMessage().startsWith("name:"), refused.getMessage());
      }
      assertFalse(Files.exists(root.resolve("escape")));
      service.create("first");
      BackupRefusedException tooSoon = assertThrows(BackupRefusedException.class, () -> service.create("second"));
      assertTrue(tooSoon.getMessage().contains("backup.intervalMsMin"), tooSoon.getMessage());
      clock.advanceMillis(60_000);
      BackupRefusedException exists = assertThrows(BackupRefusedException.class, () -> service.create("first"));
      assertTrue(exists.getMessage().contains("exists already"), exists.getMessage());
      service.create("second");
      clock.advanceMillis(60_000);
      BackupRefusedException full = assertThrows(BackupRefusedException.class, () -> service.create("third"));
      assertTrue(full.getMessage().contains("backup.backupsMax is 2"), full.getMessage());
      assertFalse(Files.exists(backups.resolve("third")));
      // No file system here has a pebibyte free: refused before anything is written.
      BackupService roomless = service(store, new BackupConfig(Optional.of(backups), 4, 0, BackupConfig.FREE_BYTES_LIMIT));
      BackupRefusedException noRoom = assertThrows(BackupRefusedException.class, () -> roomless.create("fourth"));
      assertTrue(noRoom.getMessage().contains("backup.freeBytesMin = " + BackupConfig.FREE_BYTES_LIMIT), noRoom.getMessage());
      assertFalse(Files.exists(backups.resolve("fourth")));
    }
  }

  @Test
  void aDamagedOrAlteredBackupFailsItsCheckNamingTheFile() throws IOException {
    Path backup = backup("b");
    Path ledger = backup.resolve(BackupManifest.LEDGER_DIRECTORY);
    Path state = ledger.resolve(ConsensusService.WRITE_AHEAD_STATE_FILE);
    Files.write(state, "a forged write-ahead rec".getBytes(StandardCharsets.UTF_8));
    assertRefused(backup, state + ": 24 bytes");
    Files.write(state, "A write-ahead record".getBytes(StandardCharsets.UTF_8));
    assertRefused(backup, state + ": SHA-256");
    Files.write(state, CONSENSUS_STATE);
    LedgerBackups.check(backup);

    Path stray = Files.writeString(ledger.resolve("000999.sst"), "added");
    assertRefused(backup, stray + ": not in the manifest");
    Files.delete(stray);

    Path current = ledger.resolve("CURRENT");
    byte[] content = Files.readAllBytes(current);
    Files.delete(current);
    assertRefused(backup, current + ": missing");
    Files.write(current, content);

    Path manifest = backup.resolve(BackupManifest.FILE_NAME);
    String json = Files.readString(manifest);
    Files.writeString(manifest, json.replace("\"height\" : 0", "\"height\" : 5"));
    assertRefused(backup, "its manifest says block 5");
    Files.writeString(manifest, json.replace("\"format\" : 1", "\"format\" : 2"));
    assertRefused(backup, "backup format 2");
    Files.delete(manifest);
    assertRefused(backup, "is not a backup");
  }

  private static void assertRefused(Path backup, String expected) {
    BackupRefusedException refused = assertThrows(BackupRefusedException.class, () -> LedgerBackups.check(backup));
    assertTrue(refused.getMessage().contains(expected), refused.getMessage());
  }

  @Test
  void restoreBringsBackTheLedgerAndTheConsensusState() throws IOException {
    Path backup = backup("b");
    Path target = root.resolve("restored").resolve("ledger");
    LedgerBackups.RestoreResult result = LedgerBackups.restore(backup, target, genesis, false);
    assertFalse(result.replaced());
    assertArrayEquals(CONSENSUS_STATE, Files.readAllBytes(target.resolve(ConsensusService.WRITE_AHEAD_STATE_FILE)));
    LedgerFacts facts = LedgerFacts.read(target);
    assertEquals(LedgerBackups.genesisHash(genesis), facts.genesisHash());
    // A node opens it as its own: the genesis check passes and it stays writable.
    try (KeyValueStore store = KeyValueStores.openRocksDb(StoreOptions.of(target, LedgerNamespaces.ALL))) {
      assertFalse(Genesis.initialize(genesis, store).created());
    }
    try (Stream<Path> entries = Files.list(target.getParent())) {
      assertEquals(List.of(target), entries.toList(), "no temporary directory is left");
    }
  }

  @Test
  void restoreRefusesAnotherChainNamingBoth() throws IOException {
    Path backup = backup("b");
    GenesisConfig other = genesis("other.json", 1_800_000_000L);
    Path target = root.resolve("restored");
    BackupRefusedException refused = assertThrows(BackupRefusedException.class,
        () -> LedgerBackups.restore(backup, target, other, false));
    assertTrue(refused.getMessage().contains("another chain"), refused.getMessage());
    assertTrue(refused.getMessage().contains(LedgerBackups.genesisHash(genesis).toString()), refused.getMessage());
    assertTrue(refused.getMessage().contains(LedgerBackups.genesisHash(other).toString()), refused.getMessage());
    assertFalse(Files.exists(target));
  }

  @Test
  void restoreOverDataRequiresForceAndThenReplacesIt() throws IOException {
    Path backup = backup("b");
    Path target = root.resolve("occupied");
    Path kept = Files.createDirectories(target).resolve("precious");
    Files.writeString(kept, "the node's own data");
    BackupRefusedException refused = assertThrows(BackupRefusedException.class,
        () -> LedgerBackups.restore(backup, target, genesis, false));
    assertTrue(refused.getMessage().contains("--force"), refused.getMessage());
    assertEquals("the node's own data", Files.readString(kept), "nothing changed");
    try (Stream<Path> entries = Files.list(root)) {
      assertFalse(entries.anyMatch(path -> path.getFileName().toString().endsWith(LedgerBackups.RESTORING_SUFFIX)));
    }

    // A crash of an earlier restore left a half copy: it is not taken for the restored data.
    Path leftover = Files.createDirectories(root.resolve(".occupied" + LedgerBackups.RESTORING_SUFFIX));
    Files.writeString(leftover.resolve("CURRENT"), "half");
    LedgerBackups.RestoreResult result = LedgerBackups.restore(backup, target, genesis, true);
    assertTrue(result.replaced());
    assertFalse(Files.exists(kept));
    assertFalse(Files.exists(leftover));
    assertEquals(LedgerBackups.genesisHash(genesis), LedgerFacts.read(target).headHash());
  }

  private static Stream<Path> filesUnder(Path directory) throws IOException {
    return Files.walk(directory);
  }

  /** Time the test moves by hand: the interval bound without waiting. */
  private static final class TestClock implements Clock {
    private long millis = 1_700_000_000_000L;

    void advanceMillis(long delta) {
      millis += delta;
    }

    @Override
    public long currentTimeMillis() {
      return millis;
    }

    @Override
    public long nanoTime() {
      return millis * 1_000_000;
    }
  }
}

package org.xinlian.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xinlian.common.Address;
import org.xinlian.common.Hash;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.crypto.Keccak256;
import org.xinlian.ledger.LedgerNamespaces;
import org.xinlian.ledger.snapshot.ProgressListener;
import org.xinlian.ledger.snapshot.SnapshotExporter;
import org.xinlian.ledger.snapshot.SnapshotLayout;
import org.xinlian.ledger.state.KeyValueNodeStore;
import org.xinlian.ledger.state.StateHashing;
import org.xinlian.storage.KeyValueStore;
import org.xinlian.storage.KeyValueStores;
import org.xinlian.storage.StoreOptions;
import org.xinlian.storage.WriteBatch;
import org.xinlian.trie.MerklePatriciaTrie;
import org.xinlian.trie.SecureTrie;
import org.xinlian.types.block.BlockCodec;
import org.xinlian.types.block.BlockHeader;
import org.xinlian.types.block.LogsBloom;
import org.xinlian.types.rlp.RlpWriter;

/**
 * {@code xinlian db snapshot export/import} (docs/spec/snapshot.md SNAPSHOT-10), on RocksDB.
 */
class DbSnapshotCommandTest {
  private static final long CHAIN_ID = 77;
  private static final Hash GENESIS = Hash.wrap(Keccak256.hash(new byte[] {0}));

  @TempDir Path directory;

  @Test
  void importRefusesANonEmptyDirectoryAndLeavesIt() throws IOException {
    Path data = Files.createDirectories(directory.resolve("data"));
    Path keep = Files.writeString(data.resolve("keep.txt"), "mine");
    Path file = writeEmptyStateSnapshot();
    CliRun.Result result = run("db", "snapshot", "import", "--data", "data", "--in", file.toString());
    assertEquals(1, result.exitCode());
    assertEquals(
        "error: --data " + data + " exists and is not empty; import needs a new directory",
        result.err().strip());
    assertEquals("mine", Files.readString(keep));
  }

  @Test
  void importOfANonSnapshotFileCreatesNothing() throws IOException {
    Path file = Files.writeString(directory.resolve("bad.snapshot"), "hello, not a snapshot");
    CliRun.Result result = run("db", "snapshot", "import", "--data", "data", "--in", file.toString());
    assertEquals(1, result.exitCode());
    assertEquals(
        "error: snapshot magic: not a Xinlian snapshot file (at byte offset 0)", result.err().strip());
    assertFalse(Files.exists(directory.resolve("data")));
  }

  /** Whatever fails after the directory was created (open, or a truncated file), it is deleted. */
  @Test
  void aFailedImportDeletesTheDirectoryItCreated() throws IOException {
    byte[] whole = Files.readAllBytes(writeEmptyStateSnapshot());
    Path cut = Files.write(directory.resolve("cut.snapshot"), Arrays.copyOf(whole, whole.length - 1));
    CliRun.Result result = run("db", "snapshot", "import", "--data", "data", "--in", cut.toString());
    assertEquals(1, result.exitCode());
    assertTrue(result.err().lines().anyMatch(line -> line.startsWith("error: ")), result.err());
    assertFalse(Files.exists(directory.resolve("data")));
  }

  @Test
  void exportDoesNotOverwriteAFile() throws IOException {
    Files.createDirectories(directory.resolve("data"));
    Path existing = Files.writeString(directory.resolve("out.snapshot"), "old");
    CliRun.Result result =
        run("db", "snapshot", "export", "--data", "data", "--out", "out.snapshot");
    assertEquals(1, result.exitCode());
    assertEquals("error: file already exists (not overwritten): " + existing, result.err().strip());
    assertEquals("old", Files.readString(existing));
  }

  /** Needs RocksDB: export from a ledger directory, import into a new one, same state and head. */
  @Test
  void exportThenImportThroughTheCommandLine() throws IOException {
    CryptoSuite suite = CryptoSuites.gm();
    BlockHeader header;
    try (KeyValueStore store = open(directory.resolve("source"))) {
      header = writeState(store, suite, 50);
    }
    CliRun.Result exported = run(
        "db", "snapshot", "export", "--data", "source", "--out", "state.snapshot");
    assertEquals(0, exported.exitCode(), exported.err());
    assertTrue(exported.out().startsWith("exported block 5 " + header.hash(suite)), exported.out());
    assertTrue(exported.err().contains("100%  50 accounts"), exported.err());
    assertFalse(Files.exists(directory.resolve("state.snapshot.partial")));

    CliRun.Result imported = run("db", "snapshot", "import", "--data", "target", "--in",
        "state.snapshot", "--genesis", GENESIS.toHexString());
    assertEquals(0, imported.exitCode(), imported.err());
    assertTrue(imported.out().startsWith("imported block 5 " + header.hash(suite)), imported.out());
    try (KeyValueStore store = open(directory.resolve("target"))) {
      assertEquals(Optional.of(header.hash(suite)), SnapshotLayout.head(store));
      MerklePatriciaTrie state = MerklePatriciaTrie.load(
          header.stateRoot(), new KeyValueNodeStore(store, null), StateHashing.trieHash(suite));
      assertEquals(header.stateRoot(), state.rootHash());
      assertTrue(state.firstKey().isPresent());
    }
  }

  /** Needs RocksDB: a store that does not record its chain identity cannot be exported. */
  @Test
  void exportNeedsTheChainIdentity() throws IOException {
    try (KeyValueStore store = open(directory.resolve("source"))) {
      writeState(store, CryptoSuites.standard(), 3);
      try (WriteBatch batch = store.newBatch()) {
        batch.delete(SnapshotLayout.META, SnapshotLayout.META_CHAIN_ID);
        store.write(batch);
      }
    }
    CliRun.Result result = run("db", "snapshot", "export", "--data", "source", "--out", "x.snapshot");
    assertEquals(1, result.exitCode());
    assertTrue(result.err().contains("does not record its chain's chain_id"), result.err());
    assertFalse(Files.exists(directory.resolve("x.snapshot")));
  }

  /** Needs RocksDB: --height picks a canonical block; an unknown height is refused. */
  @Test
  void exportAtAnUnknownHeightIsRefused() throws IOException {
    try (KeyValueStore store = open(directory.resolve("source"))) {
      writeState(store, CryptoSuites.standard(), 3);
    }
    CliRun.Result result = run("db", "snapshot", "export", "--data", "source", "--out", "x.snapshot",
        "--height", "4");
    assertEquals(1, result.exitCode());
    assertTrue(result.err().contains("has no canonical block at height 4"), result.err());
    CliRun.Result atFive = run("db", "snapshot", "export", "--data", "source", "--out", "y.snapshot",
        "--height", "5");
    assertEquals(0, atFive.exitCode(), atFive.err());
  }

  private CliRun.Result run(String... args) {
    return new CliRun(directory).run(args);
  }

  private static KeyValueStore open(Path path) {
    return KeyValueStores.openRocksDb(StoreOptions.of(path, LedgerNamespaces.ALL));
  }


  /** A snapshot of the empty state, made with the ledger's exporter over an in-memory store. */
  private Path writeEmptyStateSnapshot() throws IOException {
    CryptoSuite suite = CryptoSuites.standard();
    BlockHeader header = header(MerklePatriciaTrie.emptyRoot(StateHashing.trieHash(suite)));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    SnapshotExporter.export(KeyValueStores.inMemory(LedgerNamespaces.ALL), suite, header, GENESIS,
        CHAIN_ID, out, ProgressListener.NONE);
    return Files.write(directory.resolve("empty.snapshot"), out.toByteArray());
  }

  /** Accounts with a little storage, a head at height 5, and the chain identity in META. */
  private static BlockHeader writeState(KeyValueStore store, CryptoSuite suite, int accounts) {
    BlockHeader header;
    try (WriteBatch batch = store.newBatch()) {
      KeyValueNodeStore nodes = new KeyValueNodeStore(store, batch);
      SecureTrie state = SecureTrie.empty(nodes, StateHashing.trieHash(suite));
      for (int index = 0; index < accounts; index++) {
        SecureTrie storage = SecureTrie.empty(nodes, StateHashing.trieHash(suite));
        storage.put(new byte[] {(byte) index}, new RlpWriter().writeUnsignedLong(index + 1).toByteArray());
        byte[] address = Arrays.copyOf(Keccak256.hash(new byte[] {(byte) index}), Address.LENGTH);
        state.put(address, new RlpWriter().startList().writeUnsignedLong(index)
            .writeBigInteger(BigInteger.TEN).writeBytes(storage.commit().toArray())
            .writeBytes(Keccak256.hash(new byte[0])).endList().toByteArray());
      }
      header = header(state.commit());
      Hash blockHash = header.hash(suite);
      batch.put(SnapshotLayout.HEADERS, blockHash.toArray(), BlockCodec.of(suite).encodeHeader(header));
      batch.put(SnapshotLayout.CANONICAL, SnapshotLayout.heightKey(5), blockHash.toArray());
      batch.put(SnapshotLayout.META, SnapshotLayout.META_HEAD, blockHash.toArray());
      batch.put(SnapshotLayout.META, SnapshotLayout.META_SUITE,
          suite.name().getBytes(StandardCharsets.UTF_8));
      batch.put(SnapshotLayout.META, SnapshotLayout.META_CHAIN_ID, SnapshotLayout.encodeLong(CHAIN_ID));
      batch.put(SnapshotLayout.META, SnapshotLayout.META_GENESIS, GENESIS.toArray());
      store.write(batch);
    }
    return header;
  }

  private static BlockHeader header(Hash stateRoot) {
    return new BlockHeader(Hash.ZERO, 5, 1_700_000_000L, Address.wrap(new byte[Address.LENGTH]),
        stateRoot, Hash.ZERO, Hash.ZERO, LogsBloom.EMPTY, 0, 30_000_000, new byte[0], new byte[0]);
  }
}

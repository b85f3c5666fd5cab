package org.xinlian.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Online checkpoints of a live RocksDB store and read-only opening (docs/spec/operations.md
 * OPS-71, OPS-74): a checkpoint taken while a writer commits holds a prefix of its batches, each
 * whole; a read-only open changes no file and refuses writes.
 */
class StoreCheckpointsTest {
  private static final Namespace ENTRIES = Namespace.of("entries");
  private static final Namespace COUNTER = Namespace.of("counter");
  private static final Set<Namespace> NAMESPACES = Set.of(ENTRIES, COUNTER);
  private static final byte[] COUNT_KEY = {1};
  /** Batches the writer commits before the checkpoint, so the copy cannot be trivially empty. */
  private static final int BATCHES_BEFORE = 200;

  @TempDir Path root;

  private static byte[] key(long index) {
    return ByteBuffer.allocate(Long.BYTES).putLong(index).array();
  }

  /** One batch: entry i and the counter set to i, so a torn batch shows as a mismatch. */
  private static void commit(KeyValueStore store, long index) {
    try (WriteBatch batch = store.newBatch()) {
      batch.put(ENTRIES, key(index), key(index * 7));
      batch.put(COUNTER, COUNT_KEY, key(index));
      store.write(batch);
    }
  }

  @Test
  void checkpointUnderWritesHoldsAPrefixOfWholeBatches() throws Exception {
    Path checkpoint = root.resolve("checkpoint");
    AtomicLong committed = new AtomicLong(-1);
    try (KeyValueStore store = KeyValueStores.openRocksDb(StoreOptions.of(root.resolve("live"), NAMESPACES))) {
      for (long index = 0; index < BATCHES_BEFORE; index++) {
        commit(store, index);
        committed.set(index);
      }
      AtomicBoolean stop = new AtomicBoolean();
      Thread writer = new Thread(() -> {
        for (long index = BATCHES_BEFORE; !stop.get(); index++) {
          commit(store, index);
          committed.set(index);
        }
      });
      writer.start();
      long before;
      long after;
      try {
        before = committed.get();
        StoreCheckpoints.create(store, checkpoint);
        after = committed.get();
      } finally {
        stop.set(true);
        writer.join();
      }
      try (KeyValueStore copy = StoreCheckpoints.openReadOnly(StoreOptions.of(checkpoint, NAMESPACES))) {
        long count = ByteBuffer.wrap(copy.get(COUNTER, COUNT_KEY).orElseThrow()).getLong();
        assertTrue(count >= before, "the checkpoint holds every batch done before it: " + count + " < " + before);
        assertTrue(count <= after + 1, "and none begun after it: " + count + " > " + (after + 1));
        for (long index = 0; index <= count; index++) {
          assertArrayEquals(key(index * 7), copy.get(ENTRIES, key(index)).orElseThrow(), "entry " + index);
        }
        assertEquals(Optional.empty(), copy.get(ENTRIES, key(count + 1)), "no entry beyond the counter");
      }
      // The live store goes on, unaffected.
      commit(store, committed.get() + 1);
    }
  }

  @Test
  void readOnlyOpenChangesNoFileAndRefusesWrites() throws Exception {
    Path directory = root.resolve("store");
    try (KeyValueStore store = KeyValueStores.openRocksDb(StoreOptions.of(directory, NAMESPACES))) {
      commit(store, 0);
    }
    Map<String, String> before = files(directory);
    try (KeyValueStore store = StoreCheckpoints.openReadOnly(StoreOptions.of(directory, NAMESPACES))) {
      assertArrayEquals(key(0), store.get(COUNTER, COUNT_KEY).orElseThrow());
      try (WriteBatch batch = store.newBatch()) {
        batch.put(ENTRIES, key(5), key(5));
        assertThrows(StorageException.class, () -> store.write(batch));
      }
    }
    assertEquals(before, files(directory));
  }

  @Test
  void checkpointIntoAnExistingDirectoryIsRefused() throws Exception {
    Path existing = Files.createDirectories(root.resolve("taken"));
    try (KeyValueStore store = KeyValueStores.openRocksDb(StoreOptions.of(root.resolve("live"), NAMESPACES))) {
      IllegalArgumentException refused =
          assertThrows(IllegalArgumentException.class, () -> StoreCheckpoints.create(store, existing));
      assertTrue(refused.getMessage().contains(existing.toString()), refused.getMessage());
    }
    try (Stream<Path> entries = Files.list(existing)) {
      assertEquals(0, entries.count());
    }
  }

  @Test
  void readOnlyOpenRefusesWhatIsNoStoreOrLacksANamespace() throws Exception {
    Path empty = Files.createDirectories(root.resolve("empty"));
    StorageException none = assertThrows(StorageException.class,
        () -> StoreCheckpoints.openReadOnly(StoreOptions.of(empty, NAMESPACES)));
    assertTrue(none.getMessage().contains("no store at " + empty), none.getMessage());
    try (Stream<Path> entries = Files.list(empty)) {
      assertEquals(0, entries.count(), "nothing created");
    }
    Path directory = root.resolve("store");
    KeyValueStores.openRocksDb(StoreOptions.of(directory, Set.of(ENTRIES))).close();
    StorageException missing = assertThrows(StorageException.class,
        () -> StoreCheckpoints.openReadOnly(StoreOptions.of(directory, NAMESPACES)));
    assertTrue(missing.getMessage().contains("no namespace counter"), missing.getMessage());
  }

  @Test
  void onlyRocksDbStoresAreCheckpointed() {
    try (KeyValueStore memory = KeyValueStores.inMemory(NAMESPACES)) {
      assertThrows(IllegalArgumentException.class, () -> StoreCheckpoints.create(memory, root.resolve("x")));
    }
    assertFalse(Files.exists(root.resolve("x")));
  }

  /** Every file but RocksDB's info logs, with its size and modification time. */
  private static Map<String, String> files(Path directory) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> entries = Files.list(directory)) {
      for (Path file : entries.toList()) {
        String name = file.getFileName().toString();
        if (!name.equals("LOG") && !name.startsWith("LOG.old")) {
          FileTime modified = Files.getLastModifiedTime(file);
          files.put(name, Files.size(file) + "@" + modified);
        }
      }
    }
    return files;
  }
}

package org.xinlian.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The behaviour every {@link KeyValueStore} owes its callers (docs/spec/storage.md). Each
 * implementation runs this whole suite through a subclass; nothing here knows which one it tests.
 */
public abstract class KeyValueStoreContract {
  protected static final Namespace ALPHA = Namespace.of("alpha");
  protected static final Namespace BETA = Namespace.of("beta");
  protected static final Namespace UNKNOWN = Namespace.of("gamma");

  protected KeyValueStore store;

  /** A new, empty store with {@code namespaces}; each call gives a separate store. */
  protected abstract KeyValueStore open(Set<Namespace> namespaces);

  @BeforeEach
  void openStore() {
    store = open(Set.of(ALPHA, BETA));
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  protected static byte[] bytes(int... values) {
    byte[] result = new byte[values.length];
    for (int index = 0; index < values.length; index++) {
      result[index] = (byte) values[index];
    }
    return result;
  }

  protected static void put(KeyValueStore target, Namespace namespace, byte[] key, byte[] value) {
    try (WriteBatch batch = target.newBatch()) {
      batch.put(namespace, key, value);
      target.write(batch);
    }
  }

  protected static List<String> keys(ReadView view, Namespace namespace, KeyRange range) {
    List<String> keys = new ArrayList<>();
    try (KeyValueIterator iterator = view.iterate(namespace, range)) {
      while (iterator.hasNext()) {
        keys.add(HexFormat.of().formatHex(iterator.next().key()));
      }
    }
    return keys;
  }

  private static List<String> hex(byte[]... keys) {
    return Arrays.stream(keys).map(HexFormat.of()::formatHex).toList();
  }

  private static void assertStorageException(String expectedFragment, Executable executable) {
    StorageException thrown = assertThrows(StorageException.class, executable);
    assertTrue(thrown.getMessage().contains(expectedFragment),
        () -> "message \"" + thrown.getMessage() + "\" should contain \"" + expectedFragment + "\"");
  }

  @Test
  @DisplayName("STORAGE-2: a put is readable, a delete removes it, a missing key is empty")
  void putGetDelete() {
    put(store, ALPHA, bytes(1), bytes(10, 11));
    assertArrayEquals(bytes(10, 11), store.get(ALPHA, bytes(1)).orElseThrow());
    assertTrue(store.get(ALPHA, bytes(2)).isEmpty());
    try (WriteBatch batch = store.newBatch()) {
      batch.delete(ALPHA, bytes(1));
      batch.delete(ALPHA, bytes(3));
      store.write(batch);
    }
    assertTrue(store.get(ALPHA, bytes(1)).isEmpty());
    put(store, ALPHA, new byte[0], new byte[0]);
    assertArrayEquals(new byte[0], store.get(ALPHA, new byte[0]).orElseThrow());
  }

  @Test
  @DisplayName("STORAGE-2: arrays passed in or handed out are copies")
  void arraysAreCopies() {
    byte[] key = bytes(1);
    byte[] value = bytes(5);
    try (WriteBatch batch = store.newBatch()) {
      batch.put(ALPHA, key, value);
      key[0] = 2;
      value[0] = 6;
      store.write(batch);
    }
    byte[] read = store.get(ALPHA, bytes(1)).orElseThrow();
    assertArrayEquals(bytes(5), read);
    read[0] = 7;
    assertArrayEquals(bytes(5), store.get(ALPHA, bytes(1)).orElseThrow());
    assertTrue(store.get(ALPHA, bytes(2)).isEmpty());
  }

  @Test
  @DisplayName("STORAGE-2: nothing of a batch is visible before write, all of it after")
  void batchBecomesVisibleWhole() {
    try (WriteBatch batch = store.newBatch()) {
      for (int index = 0; index < 100; index++) {
        batch.put(index % 2 == 0 ? ALPHA : BETA, bytes(index), bytes(index, index));
      }
      assertEquals(100, batch.size());
      assertEquals(300, batch.sizeBytes());
      assertTrue(keys(store, ALPHA, KeyRange.ALL).isEmpty());
      store.write(batch);
    }
    assertEquals(50, keys(store, ALPHA, KeyRange.ALL).size());
    assertEquals(50, keys(store, BETA, KeyRange.ALL).size());
    assertArrayEquals(bytes(99, 99), store.get(BETA, bytes(99)).orElseThrow());
  }

  @Test
  @DisplayName("STORAGE-2, STORAGE-5: a batch refused on a limit while built is unchanged and, "
      + "discarded, writes nothing")
  void batchRefusedOnLimitWritesNothing() {
    try (WriteBatch batch = store.newBatch()) {
      batch.put(ALPHA, bytes(1), bytes(1));
      batch.delete(BETA, bytes(2));
      assertThrows(StorageException.class, () ->
          batch.put(ALPHA, new byte[StorageLimits.KEY_BYTES_MAX + 1], bytes(1)));
      assertThrows(StorageException.class, () -> batch.put(UNKNOWN, bytes(3), bytes(3)));
      assertEquals(2, batch.size());
      assertEquals(3, batch.sizeBytes());
    }
    assertTrue(store.get(ALPHA, bytes(1)).isEmpty());
    assertTrue(keys(store, ALPHA, KeyRange.ALL).isEmpty());
  }

  @Test
  @DisplayName("STORAGE-2: within a batch the later write to a key wins")
  void laterWriteInBatchWins() {
    put(store, ALPHA, bytes(3), bytes(30));
    try (WriteBatch batch = store.newBatch()) {
      batch.put(ALPHA, bytes(1), bytes(1));
      batch.put(ALPHA, bytes(1), bytes(2));
      batch.put(ALPHA, bytes(2), bytes(1));
      batch.delete(ALPHA, bytes(2));
      batch.delete(ALPHA, bytes(3));
      batch.put(ALPHA, bytes(3), bytes(31));
      store.write(batch);
    }
    assertArrayEquals(bytes(2), store.get(ALPHA, bytes(1)).orElseThrow());
    assertTrue(store.get(ALPHA, bytes(2)).isEmpty());
    assertArrayEquals(bytes(31), store.get(ALPHA, bytes(3)).orElseThrow());
  }

  @Test
  @DisplayName("STORAGE-2: a batch of another store, or a closed batch, is refused")
  void foreignOrClosedBatchRefused() {
    try (KeyValueStore other = open(Set.of(ALPHA)); WriteBatch foreign = other.newBatch()) {
      foreign.put(ALPHA, bytes(1), bytes(1));
      assertThrows(IllegalArgumentException.class, () -> store.write(foreign));
    }
    WriteBatch batch = store.newBatch();
    batch.put(ALPHA, bytes(1), bytes(1));
    batch.close();
    assertStorageException("closed", () -> store.write(batch));
    assertStorageException("closed", () -> batch.put(ALPHA, bytes(2), bytes(2)));
    assertDoesNotThrow(batch::close);
    assertTrue(store.get(ALPHA, bytes(1)).isEmpty());
  }

  @Test
  @DisplayName("STORAGE-1: namespaces are separate key spaces")
  void namespacesAreIsolated() {
    assertEquals(Set.of(ALPHA, BETA), store.namespaces());
    put(store, ALPHA, bytes(1), bytes(0xa));
    put(store, BETA, bytes(1), bytes(0xb));
    put(store, BETA, bytes(2), bytes(0xb));
    assertArrayEquals(bytes(0xa), store.get(ALPHA, bytes(1)).orElseThrow());
    assertArrayEquals(bytes(0xb), store.get(BETA, bytes(1)).orElseThrow());
    try (WriteBatch batch = store.newBatch()) {
      batch.delete(ALPHA, bytes(1));
      store.write(batch);
    }
    assertTrue(store.get(ALPHA, bytes(1)).isEmpty());
    assertArrayEquals(bytes(0xb), store.get(BETA, bytes(1)).orElseThrow());
    assertEquals(List.of(), keys(store, ALPHA, KeyRange.ALL));
    assertEquals(hex(bytes(1), bytes(2)), keys(store, BETA, KeyRange.ALL));
  }

  @Test
  @DisplayName("STORAGE-1: a namespace the store was not opened with is refused by name")
  void unknownNamespaceRefused() {
    assertStorageException("gamma", () -> store.get(UNKNOWN, bytes(1)));
    assertStorageException("gamma", () -> store.iterate(UNKNOWN, KeyRange.ALL));
    try (WriteBatch batch = store.newBatch()) {
      assertStorageException("gamma", () -> batch.put(UNKNOWN, bytes(1), bytes(1)));
      assertStorageException("gamma", () -> batch.delete(UNKNOWN, bytes(1)));
    }
    try (StoreSnapshot snapshot = store.snapshot()) {
      assertStorageException("gamma", () -> snapshot.get(UNKNOWN, bytes(1)));
      assertStorageException("gamma", () -> snapshot.iterate(UNKNOWN, KeyRange.ALL));
    }
  }

  @Test
  @DisplayName("STORAGE-1: the name \"default\" is reserved for the store's metadata")
  void reservedNamespaceRefused() {
    assertThrows(IllegalArgumentException.class, () -> open(Set.of(Namespace.of("default"))));
  }

  /** Keys of mixed lengths whose order differs between signed and unsigned byte comparison. */
  private void putOrderingKeys() {
    try (WriteBatch batch = store.newBatch()) {
      for (byte[] key : List.of(bytes(0xff), bytes(0x80), bytes(0x7f), bytes(0x00),
          bytes(0x7f, 0xff), bytes(0x00, 0x00), bytes(0xff, 0xff), bytes(0xff, 0x00),
          bytes(0x80, 0x00), new byte[0], bytes(0x12, 0xff), bytes(0x12, 0xff, 0xff),
          bytes(0x13))) {
        batch.put(ALPHA, key, bytes(1));
      }
      store.write(batch);
    }
  }

  @Test
  @DisplayName("STORAGE-4: iteration is in ascending unsigned byte order (0x80 after 0x7f)")
  void iterationIsUnsignedOrder() {
    putOrderingKeys();
    assertEquals(List.of("", "00", "0000", "12ff", "12ffff", "13", "7f", "7fff", "80", "8000",
        "ff", "ff00", "ffff"), keys(store, ALPHA, KeyRange.ALL));
  }

  @Test
  @DisplayName("STORAGE-4: ranges include their start, exclude their end, and may be open")
  void rangesAndOpenBounds() {
    putOrderingKeys();
    assertEquals(List.of("7f", "7fff", "80"),
        keys(store, ALPHA, new KeyRange(bytes(0x7f), bytes(0x80, 0x00))));
    assertEquals(List.of("7fff", "80", "8000"),
        keys(store, ALPHA, new KeyRange(bytes(0x7f, 0x00), bytes(0x80, 0x01))));
    assertEquals(List.of("", "00", "0000"), keys(store, ALPHA, new KeyRange(null, bytes(0x01))));
    assertEquals(List.of("ff00", "ffff"), keys(store, ALPHA, new KeyRange(bytes(0xff, 0x00), null)));
    assertEquals(List.of(), keys(store, ALPHA, new KeyRange(bytes(0x80), bytes(0x80))));
    assertEquals(List.of(), keys(store, ALPHA, new KeyRange(bytes(0x80), bytes(0x7f))));
    try (KeyValueIterator iterator = store.iterate(ALPHA, new KeyRange(bytes(0x13), bytes(0x14)))) {
      KeyValue only = iterator.next();
      assertArrayEquals(bytes(0x13), only.key());
      assertArrayEquals(bytes(1), only.value());
      assertFalse(iterator.hasNext());
      assertThrows(NoSuchElementException.class, iterator::next);
    }
  }

  @Test
  @DisplayName("STORAGE-4: KeyRange.prefix selects exactly the keys with the prefix, 0xff too")
  void prefixRanges() {
    putOrderingKeys();
    assertEquals(List.of("ff", "ff00", "ffff"), keys(store, ALPHA, KeyRange.prefix(bytes(0xff))));
    assertEquals(List.of("ffff"), keys(store, ALPHA, KeyRange.prefix(bytes(0xff, 0xff))));
    assertEquals(List.of("12ff", "12ffff"), keys(store, ALPHA, KeyRange.prefix(bytes(0x12, 0xff))));
    assertEquals(List.of("7f", "7fff"), keys(store, ALPHA, KeyRange.prefix(bytes(0x7f))));
    assertEquals(List.of("00", "0000"), keys(store, ALPHA, KeyRange.prefix(bytes(0x00))));
    assertEquals(13, keys(store, ALPHA, KeyRange.prefix(new byte[0])).size());
  }

  @Test
  @DisplayName("STORAGE-3: a snapshot does not see writes made after it, in gets or iteration")
  void snapshotIsolation() {
    put(store, ALPHA, bytes(1), bytes(1));
    put(store, ALPHA, bytes(2), bytes(2));
    try (StoreSnapshot snapshot = store.snapshot()) {
      try (WriteBatch batch = store.newBatch()) {
        batch.put(ALPHA, bytes(1), bytes(100));
        batch.delete(ALPHA, bytes(2));
        batch.put(ALPHA, bytes(3), bytes(3));
        batch.put(BETA, bytes(4), bytes(4));
        store.write(batch);
      }
      assertArrayEquals(bytes(1), snapshot.get(ALPHA, bytes(1)).orElseThrow());
      assertArrayEquals(bytes(2), snapshot.get(ALPHA, bytes(2)).orElseThrow());
      assertTrue(snapshot.get(ALPHA, bytes(3)).isEmpty());
      assertEquals(hex(bytes(1), bytes(2)), keys(snapshot, ALPHA, KeyRange.ALL));
      assertEquals(List.of(), keys(snapshot, BETA, KeyRange.ALL));
      try (KeyValueIterator iterator = snapshot.iterate(ALPHA, KeyRange.ALL)) {
        assertArrayEquals(bytes(1), iterator.next().value());
      }
      assertEquals(hex(bytes(1), bytes(3)), keys(store, ALPHA, KeyRange.ALL));
      assertArrayEquals(bytes(100), store.get(ALPHA, bytes(1)).orElseThrow());
    }
  }

  @Test
  @DisplayName("STORAGE-3: an iterator sees the store as of its creation")
  void iteratorIsConsistent() {
    put(store, ALPHA, bytes(1), bytes(1));
    put(store, ALPHA, bytes(5), bytes(5));
    try (KeyValueIterator iterator = store.iterate(ALPHA, KeyRange.ALL)) {
      try (WriteBatch batch = store.newBatch()) {
        batch.put(ALPHA, bytes(3), bytes(3));
        batch.delete(ALPHA, bytes(5));
        store.write(batch);
      }
      assertArrayEquals(bytes(1), iterator.next().key());
      assertArrayEquals(bytes(5), iterator.next().key());
      assertFalse(iterator.hasNext());
    }
  }

  @Test
  @DisplayName("STORAGE-3: concurrent readers see whole batches, never half of one")
  void concurrentReadersSeeWholeBatches() throws InterruptedException {
    int rounds = 300;
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread reader = new Thread(() -> {
      try {
        for (int round = 0; round < rounds; round++) {
          try (StoreSnapshot snapshot = store.snapshot()) {
            byte[] left = snapshot.get(ALPHA, bytes(1)).orElse(bytes(0));
            byte[] right = snapshot.get(BETA, bytes(1)).orElse(bytes(0));
            assertArrayEquals(left, right, "a snapshot saw half a batch");
          }
        }
      } catch (Throwable e) {
        failure.set(e);
      }
    });
    reader.start();
    for (int round = 1; round <= rounds; round++) {
      try (WriteBatch batch = store.newBatch()) {
        batch.put(ALPHA, bytes(1), bytes(round % 256));
        batch.put(BETA, bytes(1), bytes(round % 256));
        store.write(batch);
      }
    }
    reader.join();
    if (failure.get() != null) {
      throw new AssertionError(failure.get());
    }
  }

  @Test
  @DisplayName("STORAGE-5: keys up to KEY_BYTES_MAX are accepted, longer ones refused by name")
  void keyLimit() {
    byte[] longest = new byte[StorageLimits.KEY_BYTES_MAX];
    longest[0] = 1;
    put(store, ALPHA, longest, bytes(1));
    assertArrayEquals(bytes(1), store.get(ALPHA, longest).orElseThrow());
    byte[] tooLong = new byte[StorageLimits.KEY_BYTES_MAX + 1];
    try (WriteBatch batch = store.newBatch()) {
      StorageException thrown =
          assertThrows(StorageException.class, () -> batch.put(ALPHA, tooLong, bytes(1)));
      assertTrue(thrown.getMessage().contains("1025 bytes in namespace alpha exceeds 1024"),
          thrown.getMessage());
      assertStorageException("KEY_BYTES_MAX", () -> batch.delete(ALPHA, tooLong));
    }
    assertStorageException("KEY_BYTES_MAX", () -> store.get(ALPHA, tooLong));
    assertThrows(IllegalArgumentException.class, () -> store.get(ALPHA, null));
  }

  @Test
  @DisplayName("STORAGE-5: a value over VALUE_BYTES_MAX is refused, naming namespace and key")
  void valueLimit() {
    byte[] tooLarge = new byte[StorageLimits.VALUE_BYTES_MAX + 1];
    try (WriteBatch batch = store.newBatch()) {
      StorageException thrown = assertThrows(StorageException.class,
          () -> batch.put(BETA, bytes(0xab, 0xcd), tooLarge));
      assertTrue(thrown.getMessage().contains("under key 0xabcd in namespace beta exceeds 67108864"),
          thrown.getMessage());
      assertThrows(IllegalArgumentException.class, () -> batch.put(BETA, bytes(1), null));
      assertEquals(0, batch.size());
    }
  }

  @Test
  @DisplayName("STORAGE-7: after close every operation fails with StorageException; close twice is harmless")
  void useAfterCloseFailsCleanly() {
    put(store, ALPHA, bytes(1), bytes(1));
    WriteBatch batch = store.newBatch();
    batch.put(ALPHA, bytes(2), bytes(2));
    StoreSnapshot snapshot = store.snapshot();
    KeyValueIterator iterator = store.iterate(ALPHA, KeyRange.ALL);
    store.close();
    assertStorageException("closed", () -> store.get(ALPHA, bytes(1)));
    assertStorageException("closed", () -> store.iterate(ALPHA, KeyRange.ALL));
    assertStorageException("closed", () -> store.newBatch());
    assertStorageException("closed", () -> store.snapshot());
    assertStorageException("closed", () -> store.write(batch));
    assertStorageException("closed", () -> batch.put(ALPHA, bytes(3), bytes(3)));
    assertStorageException("closed", () -> snapshot.get(ALPHA, bytes(1)));
    assertStorageException("closed", () -> snapshot.iterate(ALPHA, KeyRange.ALL));
    assertStorageException("closed", iterator::hasNext);
    assertStorageException("closed", iterator::next);
    assertDoesNotThrow(iterator::close);
    assertDoesNotThrow(snapshot::close);
    assertDoesNotThrow(batch::close);
    assertDoesNotThrow(store::close);
  }

  @Test
  @DisplayName("STORAGE-7: a closed snapshot or iterator fails cleanly; the store goes on")
  void closedSnapshotAndIteratorFailCleanly() {
    put(store, ALPHA, bytes(1), bytes(1));
    StoreSnapshot snapshot = store.snapshot();
    snapshot.close();
    assertStorageException("closed", () -> snapshot.get(ALPHA, bytes(1)));
    assertDoesNotThrow(snapshot::close);
    KeyValueIterator iterator = store.iterate(ALPHA, KeyRange.ALL);
    iterator.close();
    assertStorageException("closed", iterator::hasNext);
    assertDoesNotThrow(iterator::close);
    assertArrayEquals(bytes(1), store.get(ALPHA, bytes(1)).orElseThrow());
  }
}

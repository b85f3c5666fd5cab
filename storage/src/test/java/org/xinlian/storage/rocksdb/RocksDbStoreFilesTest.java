package org.xinlian.storage.rocksdb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.DBOptions;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.xinlian.storage.KeyRange;
import org.xinlian.storage.KeyValue;
import org.xinlian.storage.KeyValueIterator;
import org.xinlian.storage.KeyValueStore;
import org.xinlian.storage.KeyValueStores;
import org.xinlian.storage.Namespace;
import org.xinlian.storage.StorageException;
import org.xinlian.storage.StoreOptions;
import org.xinlian.storage.WriteBatch;
import org.xinlian.storage.WriteDurability;

/**
 * What only a store on disk can get wrong: persistence, the format marker, locking, and refusing
 * damaged or foreign directories with a message that names the path (docs/spec/storage.md). Raw
 * RocksDB calls here play the part of another program or a newer build touching the files.
 */
class RocksDbStoreFilesTest {
  private static final Namespace ALPHA = Namespace.of("alpha");
  private static final Namespace BETA = Namespace.of("beta");
  /** The marker as docs/spec/storage.md STORAGE-8 defines it, written independently of the code. */
  private static final byte[] MARKER_KEY =
      "xinlian.storage.format".getBytes(StandardCharsets.US_ASCII);
  private static final int ENTRIES = 500;

  @TempDir Path root;

  private Path directory() {
    return root.resolve("store");
  }

  private KeyValueStore open(Set<Namespace> namespaces) {
    return KeyValueStores.openRocksDb(StoreOptions.of(directory(), namespaces));
  }

  private static byte[] key(int index) {
    return new byte[] {(byte) (index >> 8), (byte) index};
  }

  /** Distinct, poorly compressible values, so the tables hold several checksummed blocks. */
  private static byte[] value(int index) {
    byte[] value = new byte[100];
    long state = index * 0x9E3779B97F4A7C15L + 1;
    for (int position = 0; position < value.length; position++) {
      state ^= state << 13;
      state ^= state >>> 7;
      state ^= state << 17;
      value[position] = (byte) state;
    }
    return value;
  }

  private void writeEntries(KeyValueStore store, Namespace namespace) {
    try (WriteBatch batch = store.newBatch()) {
      for (int index = 0; index < ENTRIES; index++) {
        batch.put(namespace, key(index), value(index));
      }
      store.write(batch);
    }
  }

  /** Reads every entry back, through iteration and point gets, checking each value. */
  private static void readEverything(KeyValueStore store, Namespace namespace) {
    int count = 0;
    try (KeyValueIterator iterator = store.iterate(namespace, KeyRange.ALL)) {
      while (iterator.hasNext()) {
        KeyValue entry = iterator.next();
        assertArrayEquals(value(count), entry.value());
        count++;
      }
    }
    assertEquals(ENTRIES, count);
    for (int index = 0; index < ENTRIES; index++) {
      assertArrayEquals(value(index), store.get(namespace, key(index)).orElseThrow());
    }
  }

  /** A store whose entries are in table files (the reopen replays the log into one). */
  private List<Path> storeWithTables() throws IOException {
    try (KeyValueStore store = open(Set.of(ALPHA))) {
      writeEntries(store, ALPHA);
    }
    open(Set.of(ALPHA)).close();
    List<Path> tables = files(name -> name.endsWith(".sst"));
    assertFalse(tables.isEmpty(), "precondition: the reopened store has table files");
    return tables;
  }

  private List<Path> files(java.util.function.Predicate<String> nameFilter) throws IOException {
    try (Stream<Path> entries = Files.list(directory())) {
      return entries.filter(path -> nameFilter.test(path.getFileName().toString()))
          .sorted(Comparator.comparing(Path::toString)).toList();
    }
  }

  /** Every file but RocksDB's own info logs, which even a read-only open appends to. */
  private Map<String, List<Byte>> contents() throws IOException {
    Map<String, List<Byte>> contents = new TreeMap<>();
    for (Path file : files(name -> !name.startsWith("LOG"))) {
      byte[] bytes = Files.readAllBytes(file);
      List<Byte> list = new ArrayList<>(bytes.length);
      for (byte value : bytes) {
        list.add(value);
      }
      contents.put(file.getFileName().toString(), list);
    }
    return contents;
  }

  /** Opening and reading fails with a StorageException naming the path, and changes no file. */
  private StorageException assertRefusedUnchanged(String expectedFragment) throws IOException {
    Map<String, List<Byte>> before = contents();
    StorageException thrown = assertRefused(expectedFragment);
    assertEquals(before.keySet(), contents().keySet(), "no file added or removed");
    assertTrue(before.equals(contents()), "no file changed");
    return thrown;
  }

  /** Opening and reading fails with a StorageException naming the path. */
  private StorageException assertRefused(String expectedFragment) {
    StorageException thrown = assertThrows(StorageException.class, () -> {
      try (KeyValueStore store = open(Set.of(ALPHA))) {
        readEverything(store, ALPHA);
      }
    });
    System.out.println("refused as expected: " + thrown.getMessage());
    assertTrue(thrown.getMessage().contains(directory().toString()), thrown.getMessage());
    assertTrue(thrown.getMessage().contains(expectedFragment),
        () -> "\"" + thrown.getMessage() + "\" should contain \"" + expectedFragment + "\"");
    return thrown;
  }

  private static Path largest(List<Path> files) throws IOException {
    Path largest = files.get(0);
    for (Path file : files) {
      if (Files.size(file) > Files.size(largest)) {
        largest = file;
      }
    }
    return largest;
  }

  private static void overwrite(Path file, long offset, byte[] bytes) throws IOException {
    try (RandomAccessFile access = new RandomAccessFile(file.toFile(), "rw")) {
      access.seek(offset);
      access.write(bytes);
    }
  }

  private static void truncate(Path file, long length) throws IOException {
    try (RandomAccessFile access = new RandomAccessFile(file.toFile(), "rw")) {
      access.setLength(length);
    }
  }

  /** Opens the store with raw RocksDB (as another program would) and runs {@code action}. */
  private void withRawDatabase(RawAction action) throws RocksDBException {
    RocksDB.loadLibrary();
    List<byte[]> families;
    try (Options options = new Options()) {
      families = RocksDB.listColumnFamilies(options, directory().toString());
    }
    List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
    families.forEach(name -> descriptors.add(new ColumnFamilyDescriptor(name)));
    List<ColumnFamilyHandle> handles = new ArrayList<>();
    try (DBOptions options = new DBOptions();
        RocksDB database = RocksDB.open(options, directory().toString(), descriptors, handles)) {
      action.run(database, handles.get(0));
    } finally {
      handles.forEach(ColumnFamilyHandle::close);
    }
  }

  interface RawAction {
    void run(RocksDB database, ColumnFamilyHandle defaultFamily) throws RocksDBException;
  }

  @ParameterizedTest
  @EnumSource(WriteDurability.class)
  @DisplayName("STORAGE-6: written data survives closing and reopening the store")
  void dataSurvivesReopen(WriteDurability durability) {
    StoreOptions options = new StoreOptions(directory(), Set.of(ALPHA, BETA), durability,
        StoreOptions.BLOCK_CACHE_BYTES_DEFAULT);
    try (KeyValueStore store = KeyValueStores.openRocksDb(options)) {
      writeEntries(store, ALPHA);
      try (WriteBatch batch = store.newBatch()) {
        batch.delete(ALPHA, key(7));
        batch.put(BETA, key(7), value(7));
        store.write(batch);
      }
    }
    try (KeyValueStore store = KeyValueStores.openRocksDb(options)) {
      assertTrue(store.get(ALPHA, key(7)).isEmpty());
      assertArrayEquals(value(8), store.get(ALPHA, key(8)).orElseThrow());
      assertArrayEquals(value(7), store.get(BETA, key(7)).orElseThrow());
    }
  }

  @Test
  @DisplayName("STORAGE-10: namespaces in the store but not listed are kept, unreadable until listed")
  void unlistedNamespacesAreKept() {
    try (KeyValueStore store = open(Set.of(ALPHA, BETA))) {
      writeEntries(store, BETA);
    }
    try (KeyValueStore store = open(Set.of(ALPHA))) {
      assertEquals(Set.of(ALPHA), store.namespaces());
      StorageException thrown =
          assertThrows(StorageException.class, () -> store.get(BETA, key(1)));
      assertTrue(thrown.getMessage().contains("namespace beta"), thrown.getMessage());
    }
    try (KeyValueStore store = open(Set.of(BETA))) {
      readEverything(store, BETA);
    }
  }

  @Test
  @DisplayName("STORAGE-8: a new store carries the format marker \"1\" in the default column family")
  void formatMarkerWrittenOnCreation() throws RocksDBException {
    open(Set.of(ALPHA)).close();
    withRawDatabase((database, defaultFamily) -> assertArrayEquals(
        "1".getBytes(StandardCharsets.US_ASCII), database.get(defaultFamily, MARKER_KEY)));
  }

  @Test
  @DisplayName("STORAGE-8: a store of another format is refused and left untouched")
  void otherFormatRefused() throws Exception {
    try (KeyValueStore store = open(Set.of(ALPHA))) {
      writeEntries(store, ALPHA);
    }
    withRawDatabase((database, defaultFamily) ->
        database.put(defaultFamily, MARKER_KEY, "2".getBytes(StandardCharsets.US_ASCII)));
    assertRefusedUnchanged("store format 2, this build reads 1");
  }

  @Test
  @DisplayName("STORAGE-8: a RocksDB store with data but no marker is not a Xinlian store")
  void foreignStoreRefused() throws Exception {
    Files.createDirectories(directory());
    RocksDB.loadLibrary();
    try (Options options = new Options().setCreateIfMissing(true);
        RocksDB database = RocksDB.open(options, directory().toString())) {
      database.put(new byte[] {1}, new byte[] {1});
    }
    assertRefusedUnchanged("no Xinlian format marker");
  }

  @Test
  @DisplayName("STORAGE-8: an empty store without a marker (creation interrupted) gets one")
  void emptyStoreWithoutMarkerAccepted() throws Exception {
    Files.createDirectories(directory());
    RocksDB.loadLibrary();
    try (Options options = new Options().setCreateIfMissing(true);
        RocksDB database = RocksDB.open(options, directory().toString())) {
      assertTrue(database.get(MARKER_KEY) == null);
    }
    open(Set.of(ALPHA)).close();
    withRawDatabase((database, defaultFamily) -> assertArrayEquals(
        "1".getBytes(StandardCharsets.US_ASCII), database.get(defaultFamily, MARKER_KEY)));
  }

  @Test
  @DisplayName("STORAGE-9: a store open in another instance is refused as in use")
  void lockedStoreRefused() {
    try (KeyValueStore first = open(Set.of(ALPHA))) {
      StorageException thrown = assertThrows(StorageException.class, () -> open(Set.of(ALPHA)));
      assertTrue(thrown.getMessage().contains("in use by another process?"), thrown.getMessage());
      assertTrue(thrown.getMessage().contains(directory().toString()), thrown.getMessage());
      writeEntries(first, ALPHA);
    }
    try (KeyValueStore again = open(Set.of(ALPHA))) {
      readEverything(again, ALPHA);
    }
  }

  @Test
  @DisplayName("STORAGE-9: garbage in CURRENT is refused as corruption")
  void garbageCurrentRefused() throws Exception {
    storeWithTables();
    Files.write(directory().resolve("CURRENT"), "garbage".getBytes(StandardCharsets.US_ASCII));
    assertRefusedUnchanged("is corrupt: CURRENT");
  }

  @Test
  @DisplayName("STORAGE-9: CURRENT naming a missing MANIFEST is refused")
  void currentNamingMissingManifestRefused() throws Exception {
    storeWithTables();
    Files.write(directory().resolve("CURRENT"),
        "MANIFEST-999999\n".getBytes(StandardCharsets.US_ASCII));
    assertRefusedUnchanged("MANIFEST-999999");
  }

  @Test
  @DisplayName("STORAGE-9: a lost CURRENT file never lets a new store be created over the old one")
  void lostCurrentRefused() throws Exception {
    storeWithTables();
    Files.delete(directory().resolve("CURRENT"));
    assertRefusedUnchanged("no CURRENT file");
  }

  @Test
  @DisplayName("STORAGE-9: a truncated MANIFEST is refused as corruption")
  void truncatedManifestRefused() throws Exception {
    storeWithTables();
    Path manifest = files(name -> name.startsWith("MANIFEST-")).get(0);
    truncate(manifest, Files.size(manifest) / 2);
    assertRefusedUnchanged("MANIFEST is truncated or damaged");
  }

  @Test
  @DisplayName("STORAGE-9: a garbled MANIFEST is refused as corruption")
  void garbledManifestRefused() throws Exception {
    storeWithTables();
    Path manifest = files(name -> name.startsWith("MANIFEST-")).get(0);
    byte[] garbage = new byte[16];
    Arrays.fill(garbage, (byte) 0x5a);
    overwrite(manifest, Files.size(manifest) / 2, garbage);
    assertRefusedUnchanged("corrupt");
  }

  @Test
  @DisplayName("STORAGE-9: a truncated table file is refused at open or read, naming it")
  void truncatedTableRefused() throws Exception {
    Path table = largest(storeWithTables());
    truncate(table, Files.size(table) / 2);
    assertRefusedUnchanged(table.getFileName().toString());
  }

  @Test
  @DisplayName("STORAGE-9: a garbled data block is refused at read, naming key and file")
  void garbledTableRefused() throws Exception {
    Path table = largest(storeWithTables());
    byte[] garbage = new byte[16];
    Arrays.fill(garbage, (byte) 0xa5);
    overwrite(table, 64, garbage);
    byte[] damaged = Files.readAllBytes(table);
    StorageException thrown = assertRefused(table.getFileName().toString());
    assertTrue(thrown.getMessage().contains("corrupt data"), thrown.getMessage());
    assertTrue(thrown.getMessage().contains("namespace alpha"), thrown.getMessage());
    // The damage is found only when read, after a normal open; the file is left as it was found.
    assertArrayEquals(damaged, Files.readAllBytes(table), "the damaged file is not repaired");
    try (KeyValueStore store = open(Set.of(ALPHA))) {
      StorageException atKey = assertThrows(StorageException.class, () -> store.get(ALPHA, key(0)));
      assertTrue(atKey.getMessage().contains("reading key 0x0000 in namespace alpha"),
          atKey.getMessage());
      assertTrue(atKey.getMessage().contains(table.toString()), atKey.getMessage());
    }
  }

  @Test
  @DisplayName("STORAGE-9: a path that is a file, not a directory, is refused by name")
  void fileInsteadOfDirectoryRefused() throws IOException {
    Files.write(directory(), new byte[] {1});
    StorageException thrown = assertThrows(StorageException.class, () -> open(Set.of(ALPHA)));
    assertTrue(thrown.getMessage().contains(directory() + " is not a directory"),
        thrown.getMessage());
    Path below = directory().resolve("store");
    StorageException nested = assertThrows(StorageException.class,
        () -> KeyValueStores.openRocksDb(StoreOptions.of(below, Set.of(ALPHA))));
    assertTrue(nested.getMessage().contains(below.toString()), nested.getMessage());
    assertArrayEquals(new byte[] {1}, Files.readAllBytes(directory()));
  }

  @Test
  @DisplayName("STORAGE-9: a directory with other files but no store is not taken over")
  void foreignDirectoryRefused() throws IOException {
    Files.createDirectories(directory());
    Files.write(directory().resolve("notes.txt"), new byte[] {1});
    assertRefusedUnchanged("notes.txt");
  }

  @Test
  @DisplayName("STORAGE-9: a directory this process cannot read or write is refused by name")
  void unreadableDirectoryRefused() throws IOException {
    Files.createDirectories(directory());
    Files.setPosixFilePermissions(directory(), PosixFilePermissions.fromString("---------"));
    try {
      Assumptions.assumeFalse(Files.isReadable(directory()),
          "this user (root?) reads any directory; the check cannot be exercised");
      StorageException thrown = assertThrows(StorageException.class, () -> open(Set.of(ALPHA)));
      assertTrue(thrown.getMessage().contains(directory() + " is not readable and writable"),
          thrown.getMessage());
    } finally {
      Files.setPosixFilePermissions(directory(), PosixFilePermissions.fromString("rwx------"));
    }
  }

  @Test
  @DisplayName("STORAGE-1: the reserved name \"default\" cannot be opened as a namespace")
  void defaultFamilyIsNotANamespace() {
    assertThrows(IllegalArgumentException.class,
        () -> StoreOptions.of(directory(), Set.of(Namespace.of("default"))));
  }
}

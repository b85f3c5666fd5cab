package org.xinlian.storage.rocksdb;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rocksdb.Checkpoint;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.xinlian.storage.KeyValueStore;
import org.xinlian.storage.Namespace;
import org.xinlian.storage.StorageException;
import org.xinlian.storage.StoreOptions;

/**
 * Online copies of a live store (docs/adr/0019-online-backup.md) and read-only opening of such a
 * copy. A checkpoint is RocksDB's own consistent point-in-time copy: the memtables are flushed,
 * then the table files are hard-linked (copied when the target is on another file system) and the
 * MANIFEST and CURRENT files copied, all while the store keeps taking writes.
 */
public final class RocksDbCheckpoints {
  private RocksDbCheckpoints() {}

  /**
   * Writes a checkpoint of {@code store} into {@code target}, which must not exist yet (its parent
   * must). Writes to the store go on meanwhile; the checkpoint holds every batch that completed
   * before the call and none that started after it returned, each batch wholly or not at all.
   *
   * @throws IllegalArgumentException if {@code store} is not a RocksDB store or {@code target}
   *     exists
   * @throws StorageException if RocksDB cannot write the checkpoint
   */
  public static void create(KeyValueStore store, Path target) {
    if (!(store instanceof RocksDbStore rocks)) {
      throw new IllegalArgumentException("only a RocksDB store can be checkpointed");
    }
    if (Files.exists(target)) {
      throw new IllegalArgumentException("checkpoint directory " + target + " exists already");
    }
    rocks.lock.readLock().lock();
    try {
      rocks.requireOpen();
      try (Checkpoint checkpoint = Checkpoint.create(rocks.database)) {
        checkpoint.createCheckpoint(target.toString());
      } catch (RocksDBException e) {
        throw RocksDbErrors.failed("writing a checkpoint to " + target, rocks.directory, e);
      }
    } finally {
      rocks.lock.readLock().unlock();
    }
  }

  /**
   * Opens an existing store for reading only: nothing in its files changes (RocksDB still writes
   * its info LOG beside them). Every namespace of {@code options} must exist in the store. Writes
   * through the returned store fail with a {@link StorageException}.
   *
   * @throws StorageException if the directory holds no store, a store of another format, or one
   *     without a requested namespace
   */
  public static KeyValueStore openReadOnly(StoreOptions options) {
    if (options == null) {
      throw new IllegalArgumentException("store options are required");
    }
    Path directory = options.directory().toAbsolutePath().normalize();
    if (!Files.isRegularFile(directory.resolve("CURRENT"))) {
      throw new StorageException("no store at " + directory + " (it has no CURRENT file)");
    }
    RocksDB.loadLibrary();
    List<byte[]> families;
    try (Options listing = new Options()) {
      families = RocksDB.listColumnFamilies(listing, directory.toString());
    } catch (RocksDBException e) {
      throw RocksDbErrors.opening(directory, e);
    }
    List<String> names = families.stream()
        .map(name -> new String(name, StandardCharsets.UTF_8)).toList();
    for (Namespace namespace : options.namespaces()) {
      if (!names.contains(namespace.name())) {
        throw new StorageException("store at " + directory + " has no namespace " + namespace
            + " (it has " + names + ")");
      }
    }
    NativeOptions tuning = new NativeOptions(options);
    List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
    families.forEach(name -> descriptors.add(new ColumnFamilyDescriptor(name, tuning.columnFamilyOptions)));
    List<ColumnFamilyHandle> handles = new ArrayList<>();
    RocksDB database;
    try {
      database = RocksDB.openReadOnly(tuning.databaseOptions, directory.toString(), descriptors, handles);
    } catch (RocksDBException e) {
      tuning.close();
      throw RocksDbErrors.opening(directory, e);
    }
    try {
      requireFormat(database, handles.get(indexOf(families, RocksDB.DEFAULT_COLUMN_FAMILY)), directory);
    } catch (RuntimeException e) {
      handles.forEach(ColumnFamilyHandle::close);
      database.close();
      tuning.close();
      throw e;
    }
    Map<Namespace, ColumnFamilyHandle> byNamespace = new HashMap<>();
    for (Namespace namespace : options.namespaces()) {
      byNamespace.put(namespace, handles.get(names.indexOf(namespace.name())));
    }
    return new RocksDbStore(directory, database, handles, byNamespace, tuning);
  }

  private static void requireFormat(RocksDB database, ColumnFamilyHandle defaultFamily, Path directory) {
    byte[] marker;
    try {
      marker = database.get(defaultFamily, RocksDbOpener.FORMAT_KEY);
    } catch (RocksDBException e) {
      throw RocksDbErrors.failed("reading its format marker", directory, e);
    }
    String expected = RocksDbOpener.FORMAT_VERSION;
    if (marker == null || !Arrays.equals(marker, expected.getBytes(StandardCharsets.US_ASCII))) {
      throw new StorageException("store at " + directory + " has "
          + (marker == null ? "no Xinlian format marker" : "another store format than " + expected)
          + ": it is not a store this build reads");
    }
  }

  private static int indexOf(List<byte[]> names, byte[] name) {
    for (int index = 0; index < names.size(); index++) {
      if (Arrays.equals(names.get(index), name)) {
        return index;
      }
    }
    throw new StorageException("RocksDB lists no default column family");
  }
}

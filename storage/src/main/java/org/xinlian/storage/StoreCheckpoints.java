package org.xinlian.storage;

import java.nio.file.Path;
import org.xinlian.storage.rocksdb.RocksDbCheckpoints;

/**
 * Online point-in-time copies of a RocksDB store and read-only opening of them
 * (docs/adr/0019-online-backup.md), behind the storage API like {@link KeyValueStores}.
 */
public final class StoreCheckpoints {
  private StoreCheckpoints() {}

  /**
   * Writes a consistent copy of the live {@code store} into the new directory {@code target}
   * while writes go on: every batch completed before the call, none started after it returned,
   * each wholly or not at all. Table files are hard links when {@code target} is on the store's
   * file system (taking almost no space until the store compacts them away), copies otherwise.
   *
   * @throws IllegalArgumentException if the store is not a RocksDB store or {@code target} exists
   * @throws StorageException if the checkpoint cannot be written
   */
  public static void create(KeyValueStore store, Path target) {
    RocksDbCheckpoints.create(store, target);
  }

  /**
   * Opens an existing RocksDB store for reading only, changing none of its files; writes through
   * it fail.
   *
   * @throws StorageException if there is no store, or one of another format or without a namespace
   */
  public static KeyValueStore openReadOnly(StoreOptions options) {
    return RocksDbCheckpoints.openReadOnly(options);
  }
}

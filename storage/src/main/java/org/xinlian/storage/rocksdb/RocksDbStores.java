package org.xinlian.storage.rocksdb;

import org.xinlian.storage.KeyValueStore;
import org.xinlian.storage.StoreOptions;

/** Entry point to the RocksDB implementation, which stays package-private. */
public final class RocksDbStores {
  private RocksDbStores() {}

  /**
   * Opens the store in {@code options.directory()}, creating it if the directory holds nothing,
   * and refuses (changing nothing) a store that is corrupt, locked or of another format.
   */
  public static KeyValueStore open(StoreOptions options) {
    if (options == null) {
      throw new IllegalArgumentException("store options are required");
    }
    return RocksDbOpener.open(options);
  }
}

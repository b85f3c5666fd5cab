package org.xinlian.storage.rocksdb;

import org.xinlian.storage.KeyValueStore;
import org.xinlian.storage.StorageException;
import org.xinlian.storage.StoreOptions;

/** Entry point to the RocksDB implementation, which stays package-private. */
public final class RocksDbStores {
  private RocksDbStores() {}

  public static KeyValueStore open(StoreOptions options) {
    throw new StorageException("RocksDB store is being written (issue 4); use the in-memory store");
  }
}

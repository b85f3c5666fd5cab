package org.xinlian.storage;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;

/** The contract of docs/spec/storage.md on RocksDB; each store gets its own directory. */
class RocksDbKeyValueStoreTest extends KeyValueStoreContract {
  @TempDir Path directory;
  private int stores;

  @Override
  protected KeyValueStore open(Set<Namespace> namespaces) {
    stores++;
    return KeyValueStores.openRocksDb(StoreOptions.of(directory.resolve("store" + stores), namespaces));
  }
}

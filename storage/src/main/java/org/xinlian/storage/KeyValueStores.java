package org.xinlian.storage;

import java.util.Set;
import org.xinlian.storage.memory.InMemoryStores;
import org.xinlian.storage.rocksdb.RocksDbStores;

/** Opens stores; the implementations themselves stay behind the {@link KeyValueStore} API. */
public final class KeyValueStores {
  private KeyValueStores() {}

  /** Opens (or creates) a RocksDB store, the embedded default of a node. */
  public static KeyValueStore openRocksDb(StoreOptions options) {
    return RocksDbStores.open(options);
  }

  /** A store that lives in memory and vanishes when closed, for tests and tools. */
  public static KeyValueStore inMemory(Set<Namespace> namespaces) {
    return InMemoryStores.create(namespaces);
  }
}

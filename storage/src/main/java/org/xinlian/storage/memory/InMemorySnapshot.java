package org.xinlian.storage.memory;

import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import org.xinlian.storage.KeyRange;
import org.xinlian.storage.KeyValueIterator;
import org.xinlian.storage.Namespace;
import org.xinlian.storage.StorageException;
import org.xinlian.storage.StorageLimits;
import org.xinlian.storage.StoreSnapshot;

/** The maps of every namespace as they were, shared with the store and never changed again. */
final class InMemorySnapshot implements StoreSnapshot {
  private final InMemoryKeyValueStore store;
  private final Map<Namespace, NavigableMap<byte[], byte[]>> frozen;
  private volatile boolean closed;

  InMemorySnapshot(InMemoryKeyValueStore store, Map<Namespace, NavigableMap<byte[], byte[]>> frozen) {
    this.store = store;
    this.frozen = frozen;
  }

  private NavigableMap<byte[], byte[]> map(Namespace namespace) {
    if (closed) {
      throw new StorageException("snapshot is closed");
    }
    store.requireOpen();
    NavigableMap<byte[], byte[]> map = frozen.get(namespace);
    if (map == null) {
      throw InMemoryKeyValueStore.unknownNamespace(namespace, frozen.keySet());
    }
    return map;
  }

  @Override
  public Optional<byte[]> get(Namespace namespace, byte[] key) {
    StorageLimits.checkKey(namespace, key);
    return InMemoryKeyValueStore.copyOf(map(namespace).get(key));
  }

  @Override
  public KeyValueIterator iterate(Namespace namespace, KeyRange range) {
    InMemoryKeyValueStore.requireRange(namespace, range);
    return new InMemoryKeyValueStore.MapIterator(store, map(namespace), range);
  }

  @Override
  public void close() {
    closed = true;
  }
}

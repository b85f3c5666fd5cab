package org.xinlian.storage.memory;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.xinlian.storage.KeyRange;
import org.xinlian.storage.KeyValueIterator;
import org.xinlian.storage.Namespace;
import org.xinlian.storage.StorageException;
import org.xinlian.storage.StoreSnapshot;

/** A private copy of the maps; values are never mutated in place, so sharing arrays is safe. */
final class InMemorySnapshot implements StoreSnapshot {
  private final Map<Namespace, TreeMap<byte[], byte[]>> data;

  InMemorySnapshot(Map<Namespace, TreeMap<byte[], byte[]>> data) {
    this.data = data;
  }

  private TreeMap<byte[], byte[]> map(Namespace namespace) {
    TreeMap<byte[], byte[]> map = data.get(namespace);
    if (map == null) {
      throw new StorageException("unknown namespace: " + namespace);
    }
    return map;
  }

  @Override
  public Optional<byte[]> get(Namespace namespace, byte[] key) {
    Checks.key(namespace, key);
    byte[] value = map(namespace).get(key);
    return value == null ? Optional.empty() : Optional.of(value.clone());
  }

  @Override
  public KeyValueIterator iterate(Namespace namespace, KeyRange range) {
    return new InMemoryKeyValueStore.ListIterator(
        InMemoryKeyValueStore.copyRange(map(namespace), range));
  }

  @Override
  public void close() {}
}

package org.xinlian.storage.memory;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.xinlian.storage.KeyRange;
import org.xinlian.storage.KeyValue;
import org.xinlian.storage.KeyValueIterator;
import org.xinlian.storage.KeyValueStore;
import org.xinlian.storage.Namespace;
import org.xinlian.storage.StorageException;
import org.xinlian.storage.StorageLimits;
import org.xinlian.storage.StoreSnapshot;
import org.xinlian.storage.WriteBatch;

/**
 * Sorted maps behind a read-write lock. A batch is applied under the write lock, which makes it
 * atomic. Snapshots and iterators are copy-on-write: they take the current map of a namespace and
 * mark it shared, and the next write to that namespace copies the map before changing it, so
 * taking a snapshot costs nothing and only namespaces written afterwards are copied.
 */
final class InMemoryKeyValueStore implements KeyValueStore {
  /** One namespace's entries; once {@code shared}, the map is never changed again. */
  private static final class Table {
    TreeMap<byte[], byte[]> entries = new TreeMap<>(Arrays::compareUnsigned);
    volatile boolean shared;
  }

  private final Map<Namespace, Table> tables = new HashMap<>();
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private volatile boolean closed;

  InMemoryKeyValueStore(Set<Namespace> namespaces) {
    StorageLimits.checkNamespaces(namespaces);
    for (Namespace namespace : namespaces) {
      tables.put(namespace, new Table());
    }
  }

  @Override
  public Set<Namespace> namespaces() {
    return Set.copyOf(tables.keySet());
  }

  void requireOpen() {
    if (closed) {
      throw new StorageException("in-memory store is closed");
    }
  }

  void requireNamespace(Namespace namespace) {
    if (!tables.containsKey(namespace)) {
      throw unknownNamespace(namespace, tables.keySet());
    }
  }

  static StorageException unknownNamespace(Namespace namespace, Set<Namespace> known) {
    return new StorageException("namespace " + namespace
        + " is not open in this in-memory store (opened with " + new java.util.TreeSet<>(
            known.stream().map(Namespace::name).toList()) + ")");
  }

  @Override
  public Optional<byte[]> get(Namespace namespace, byte[] key) {
    StorageLimits.checkKey(namespace, key);
    lock.readLock().lock();
    try {
      requireOpen();
      requireNamespace(namespace);
      return copyOf(tables.get(namespace).entries.get(key));
    } finally {
      lock.readLock().unlock();
    }
  }

  static Optional<byte[]> copyOf(byte[] value) {
    return value == null ? Optional.empty() : Optional.of(value.clone());
  }

  @Override
  public KeyValueIterator iterate(Namespace namespace, KeyRange range) {
    requireRange(namespace, range);
    lock.readLock().lock();
    try {
      requireOpen();
      requireNamespace(namespace);
      Table table = tables.get(namespace);
      table.shared = true;
      return new MapIterator(this, table.entries, range);
    } finally {
      lock.readLock().unlock();
    }
  }

  static void requireRange(Namespace namespace, KeyRange range) {
    if (namespace == null) {
      throw new IllegalArgumentException("namespace is required");
    }
    if (range == null) {
      throw new IllegalArgumentException("range is required (namespace " + namespace + ")");
    }
  }

  @Override
  public WriteBatch newBatch() {
    requireOpen();
    return new InMemoryWriteBatch(this);
  }

  @Override
  public void write(WriteBatch batch) {
    if (!(batch instanceof InMemoryWriteBatch writes) || writes.owner() != this) {
      throw new IllegalArgumentException("batch was not made by this store");
    }
    lock.writeLock().lock();
    try {
      requireOpen();
      for (InMemoryWriteBatch.Operation operation : writes.operations()) {
        Table table = tables.get(operation.namespace());
        if (table.shared) {
          table.entries = new TreeMap<>(table.entries);
          table.shared = false;
        }
        if (operation.value() == null) {
          table.entries.remove(operation.key());
        } else {
          table.entries.put(operation.key(), operation.value());
        }
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public StoreSnapshot snapshot() {
    lock.readLock().lock();
    try {
      requireOpen();
      Map<Namespace, NavigableMap<byte[], byte[]>> frozen = new HashMap<>();
      tables.forEach((namespace, table) -> {
        table.shared = true;
        frozen.put(namespace, table.entries);
      });
      return new InMemorySnapshot(this, frozen);
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public void close() {
    lock.writeLock().lock();
    try {
      closed = true;
      tables.values().forEach(table -> table.entries = new TreeMap<>(Arrays::compareUnsigned));
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * Walks a shared map, which no write changes any more; it still fails once the store is closed,
   * as the RocksDB iterator must, so callers see one contract.
   */
  static final class MapIterator implements KeyValueIterator {
    private final InMemoryKeyValueStore store;
    private final Iterator<Map.Entry<byte[], byte[]>> entries;
    private boolean closed;

    MapIterator(InMemoryKeyValueStore store, NavigableMap<byte[], byte[]> map, KeyRange range) {
      this.store = store;
      this.entries = view(map, range).entrySet().iterator();
    }

    private static NavigableMap<byte[], byte[]> view(
        NavigableMap<byte[], byte[]> map, KeyRange range) {
      if (range.isEmpty()) {
        return new TreeMap<>(Arrays::compareUnsigned);
      }
      NavigableMap<byte[], byte[]> view = map;
      if (range.fromInclusive() != null) {
        view = view.tailMap(range.fromInclusive().clone(), true);
      }
      if (range.toExclusive() != null) {
        view = view.headMap(range.toExclusive().clone(), false);
      }
      return view;
    }

    private void requireOpen() {
      if (closed) {
        throw new StorageException("iterator is closed");
      }
      store.requireOpen();
    }

    @Override
    public boolean hasNext() {
      requireOpen();
      return entries.hasNext();
    }

    @Override
    public KeyValue next() {
      requireOpen();
      if (!entries.hasNext()) {
        throw new NoSuchElementException();
      }
      Map.Entry<byte[], byte[]> entry = entries.next();
      return new KeyValue(entry.getKey().clone(), entry.getValue().clone());
    }

    @Override
    public void close() {
      closed = true;
    }
  }
}

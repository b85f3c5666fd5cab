package org.xinlian.storage.memory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
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
 * atomic; a snapshot copies the maps under the read lock, which makes it consistent (copying is
 * fine for the test-sized data this store is for).
 */
final class InMemoryKeyValueStore implements KeyValueStore {
  private final Map<Namespace, TreeMap<byte[], byte[]>> data = new HashMap<>();
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private volatile boolean closed;

  InMemoryKeyValueStore(Set<Namespace> namespaces) {
    if (namespaces.size() > StorageLimits.NAMESPACES_MAX) {
      throw new IllegalArgumentException("at most " + StorageLimits.NAMESPACES_MAX + " namespaces");
    }
    for (Namespace namespace : namespaces) {
      data.put(namespace, new TreeMap<>(Arrays::compareUnsigned));
    }
  }

  @Override
  public Set<Namespace> namespaces() {
    return Set.copyOf(data.keySet());
  }

  private TreeMap<byte[], byte[]> map(Namespace namespace) {
    if (closed) {
      throw new StorageException("store is closed");
    }
    TreeMap<byte[], byte[]> map = data.get(namespace);
    if (map == null) {
      throw new StorageException("unknown namespace: " + namespace);
    }
    return map;
  }

  @Override
  public Optional<byte[]> get(Namespace namespace, byte[] key) {
    Checks.key(namespace, key);
    lock.readLock().lock();
    try {
      byte[] value = map(namespace).get(key);
      return value == null ? Optional.empty() : Optional.of(value.clone());
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public KeyValueIterator iterate(Namespace namespace, KeyRange range) {
    lock.readLock().lock();
    try {
      return new ListIterator(copyRange(map(namespace), range));
    } finally {
      lock.readLock().unlock();
    }
  }

  static List<KeyValue> copyRange(NavigableMap<byte[], byte[]> map, KeyRange range) {
    NavigableMap<byte[], byte[]> view = map;
    if (range.fromInclusive() != null) {
      view = view.tailMap(range.fromInclusive(), true);
    }
    if (range.toExclusive() != null) {
      view = view.headMap(range.toExclusive(), false);
    }
    List<KeyValue> entries = new ArrayList<>(view.size());
    view.forEach((key, value) -> entries.add(new KeyValue(key.clone(), value.clone())));
    return entries;
  }

  @Override
  public WriteBatch newBatch() {
    return new InMemoryWriteBatch();
  }

  @Override
  public void write(WriteBatch batch) {
    if (!(batch instanceof InMemoryWriteBatch writes)) {
      throw new IllegalArgumentException("batch was not made by this store");
    }
    for (InMemoryWriteBatch.Operation operation : writes.operations()) {
      map(operation.namespace());
    }
    lock.writeLock().lock();
    try {
      for (InMemoryWriteBatch.Operation operation : writes.operations()) {
        if (operation.value() == null) {
          map(operation.namespace()).remove(operation.key());
        } else {
          map(operation.namespace()).put(operation.key(), operation.value());
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
      Map<Namespace, TreeMap<byte[], byte[]>> copy = new HashMap<>();
      data.forEach((namespace, map) -> copy.put(namespace, new TreeMap<>(map)));
      return new InMemorySnapshot(copy);
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public void close() {
    closed = true;
  }

  /** Iterates a copied list; nothing native to release. */
  static final class ListIterator implements KeyValueIterator {
    private final Iterator<KeyValue> entries;

    ListIterator(List<KeyValue> entries) {
      this.entries = entries.iterator();
    }

    @Override
    public boolean hasNext() {
      return entries.hasNext();
    }

    @Override
    public KeyValue next() {
      if (!entries.hasNext()) {
        throw new NoSuchElementException();
      }
      return entries.next();
    }

    @Override
    public void close() {}
  }
}

package org.xinlian.storage.rocksdb;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.Snapshot;
import org.xinlian.storage.KeyRange;
import org.xinlian.storage.KeyValueIterator;
import org.xinlian.storage.KeyValueStore;
import org.xinlian.storage.Namespace;
import org.xinlian.storage.StorageException;
import org.xinlian.storage.StorageLimits;
import org.xinlian.storage.StoreSnapshot;
import org.xinlian.storage.WriteBatch;

/**
 * A RocksDB database with one column family per namespace. Every native call runs under the read
 * side of {@link #lock} after checking the store is open, and {@link #close} takes the write side,
 * so no call can touch freed native memory (which would crash the JVM instead of throwing). The
 * iterators, snapshots and batches still open are tracked and released by {@link #close}.
 */
final class RocksDbStore implements KeyValueStore {
  /** Native objects handed to callers; each removes itself from the set when closed. */
  interface NativeResource {
    void release();
  }

  final Path directory;
  final RocksDB database;
  private final List<ColumnFamilyHandle> allHandles;
  private final Map<Namespace, ColumnFamilyHandle> handles;
  private final NativeOptions options;
  final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final Set<NativeResource> openResources = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  RocksDbStore(Path directory, RocksDB database, List<ColumnFamilyHandle> allHandles,
      Map<Namespace, ColumnFamilyHandle> handles, NativeOptions options) {
    this.directory = directory;
    this.database = database;
    this.allHandles = List.copyOf(allHandles);
    this.handles = Map.copyOf(handles);
    this.options = options;
  }

  @Override
  public Set<Namespace> namespaces() {
    return handles.keySet();
  }

  /** Call with the read lock held. */
  void requireOpen() {
    if (closed) {
      throw new StorageException("store at " + directory + " is closed");
    }
  }

  /** Call with the read lock held and the store open. */
  ColumnFamilyHandle handle(Namespace namespace) {
    if (namespace == null) {
      throw new IllegalArgumentException("namespace is required");
    }
    ColumnFamilyHandle handle = handles.get(namespace);
    if (handle == null) {
      throw new StorageException("namespace " + namespace + " is not open in store at "
          + directory + " (opened with " + new TreeSet<>(
              handles.keySet().stream().map(Namespace::name).toList()) + ")");
    }
    return handle;
  }

  void track(NativeResource resource) {
    openResources.add(resource);
  }

  void forget(NativeResource resource) {
    openResources.remove(resource);
  }

  @Override
  public Optional<byte[]> get(Namespace namespace, byte[] key) {
    StorageLimits.checkKey(namespace, key);
    lock.readLock().lock();
    try {
      requireOpen();
      return get(handle(namespace), options.readOptions, namespace, key);
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Call with the read lock held and the store open. */
  Optional<byte[]> get(
      ColumnFamilyHandle handle, ReadOptions readOptions, Namespace namespace, byte[] key) {
    try {
      return Optional.ofNullable(database.get(handle, readOptions, key));
    } catch (RocksDBException e) {
      throw RocksDbErrors.reading(directory, namespace, key, e);
    }
  }

  @Override
  public KeyValueIterator iterate(Namespace namespace, KeyRange range) {
    return iterate(namespace, range, null);
  }

  /** An iterator over the live store, or over {@code snapshot} when it is not null. */
  KeyValueIterator iterate(Namespace namespace, KeyRange range, Snapshot snapshot) {
    if (range == null) {
      throw new IllegalArgumentException("range is required (namespace " + namespace + ")");
    }
    lock.readLock().lock();
    try {
      requireOpen();
      RocksDbIterator iterator = new RocksDbIterator(this, namespace, handle(namespace), range,
          snapshot);
      track(iterator);
      return iterator;
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public WriteBatch newBatch() {
    lock.readLock().lock();
    try {
      requireOpen();
      RocksDbWriteBatch batch = new RocksDbWriteBatch(this);
      track(batch);
      return batch;
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public void write(WriteBatch batch) {
    if (!(batch instanceof RocksDbWriteBatch writes) || writes.owner() != this) {
      throw new IllegalArgumentException("batch was not made by this store");
    }
    lock.readLock().lock();
    try {
      requireOpen();
      writes.writeTo(database, options.writeOptions);
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public StoreSnapshot snapshot() {
    lock.readLock().lock();
    try {
      requireOpen();
      RocksDbSnapshot snapshot = new RocksDbSnapshot(this);
      track(snapshot);
      return snapshot;
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * Releases in dependency order: what callers still hold (iterators, snapshots, batches), then the
   * column family handles, then the database, then the options it read.
   */
  @Override
  public void close() {
    lock.writeLock().lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      for (NativeResource resource : new ArrayList<>(openResources)) {
        resource.release();
      }
      openResources.clear();
      allHandles.forEach(ColumnFamilyHandle::close);
      StorageException failure = null;
      try {
        database.closeE();
      } catch (RocksDBException e) {
        failure = RocksDbErrors.failed("closing", directory, e);
      }
      options.close();
      if (failure != null) {
        throw failure;
      }
    } finally {
      lock.writeLock().unlock();
    }
  }
}

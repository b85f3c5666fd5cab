package org.xinlian.storage.rocksdb;

import java.util.NoSuchElementException;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;
import org.rocksdb.Snapshot;
import org.xinlian.storage.KeyRange;
import org.xinlian.storage.KeyValue;
import org.xinlian.storage.KeyValueIterator;
import org.xinlian.storage.Namespace;
import org.xinlian.storage.StorageException;

/**
 * A RocksDB iterator bounded by native slices, so RocksDB itself stops at the range's ends (and
 * skips files outside it). Owns its read options and slices, which must outlive the iterator.
 * Lock order: the store's lock first, then this iterator's monitor, as the store's close does.
 */
final class RocksDbIterator implements KeyValueIterator, RocksDbStore.NativeResource {
  private final RocksDbStore store;
  private final Namespace namespace;
  private final ReadOptions readOptions;
  private final Slice lowerBound;
  private final Slice upperBound;
  private final RocksIterator iterator;
  private byte[] lastKey;
  private boolean closed;

  RocksDbIterator(RocksDbStore store, Namespace namespace, ColumnFamilyHandle handle,
      KeyRange range, Snapshot snapshot) {
    this.store = store;
    this.namespace = namespace;
    if (range.isEmpty()) {
      readOptions = null;
      lowerBound = null;
      upperBound = null;
      iterator = null;
      return;
    }
    readOptions = new ReadOptions().setVerifyChecksums(true);
    if (snapshot != null) {
      readOptions.setSnapshot(snapshot);
    }
    lowerBound = range.fromInclusive() == null ? null : new Slice(range.fromInclusive());
    upperBound = range.toExclusive() == null ? null : new Slice(range.toExclusive());
    if (lowerBound != null) {
      readOptions.setIterateLowerBound(lowerBound);
    }
    if (upperBound != null) {
      readOptions.setIterateUpperBound(upperBound);
    }
    iterator = store.database.newIterator(handle, readOptions);
    if (range.fromInclusive() == null) {
      iterator.seekToFirst();
    } else {
      iterator.seek(range.fromInclusive());
    }
  }

  @Override
  public boolean hasNext() {
    store.lock.readLock().lock();
    try {
      synchronized (this) {
        requireOpen();
        return validEntry();
      }
    } finally {
      store.lock.readLock().unlock();
    }
  }

  @Override
  public KeyValue next() {
    store.lock.readLock().lock();
    try {
      synchronized (this) {
        requireOpen();
        if (!validEntry()) {
          throw new NoSuchElementException("no more entries in namespace " + namespace);
        }
        KeyValue entry = new KeyValue(iterator.key(), iterator.value());
        lastKey = entry.key();
        iterator.next();
        return entry;
      }
    } finally {
      store.lock.readLock().unlock();
    }
  }

  private void requireOpen() {
    store.requireOpen();
    if (closed) {
      throw new StorageException("iterator over namespace " + namespace + " is closed");
    }
  }

  /** Whether the iterator stands on an entry; an invalid iterator may hide an error (corruption). */
  private boolean validEntry() {
    if (iterator == null) {
      return false;
    }
    if (iterator.isValid()) {
      return true;
    }
    try {
      iterator.status();
    } catch (RocksDBException e) {
      throw RocksDbErrors.iterating(store.directory, namespace, lastKey, e);
    }
    return false;
  }

  @Override
  public void close() {
    store.lock.readLock().lock();
    try {
      release();
    } finally {
      store.lock.readLock().unlock();
    }
  }

  @Override
  public synchronized void release() {
    if (closed) {
      return;
    }
    closed = true;
    if (iterator != null) {
      iterator.close();
      readOptions.close();
      if (lowerBound != null) {
        lowerBound.close();
      }
      if (upperBound != null) {
        upperBound.close();
      }
    }
    store.forget(this);
  }
}

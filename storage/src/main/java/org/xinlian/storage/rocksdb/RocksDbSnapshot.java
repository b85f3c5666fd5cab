package org.xinlian.storage.rocksdb;

import java.util.Optional;
import org.rocksdb.ReadOptions;
import org.rocksdb.Snapshot;
import org.xinlian.storage.KeyRange;
import org.xinlian.storage.KeyValueIterator;
import org.xinlian.storage.Namespace;
import org.xinlian.storage.StorageException;
import org.xinlian.storage.StorageLimits;
import org.xinlian.storage.StoreSnapshot;

/**
 * A RocksDB snapshot: reads through it see the sequence number it was taken at. Closing takes the
 * store's write lock, so no read through the snapshot can still be using its native objects.
 */
final class RocksDbSnapshot implements StoreSnapshot, RocksDbStore.NativeResource {
  private final RocksDbStore store;
  private final Snapshot snapshot;
  private final ReadOptions readOptions;
  private volatile boolean closed;

  /** Call with the store's read lock held and the store open. */
  RocksDbSnapshot(RocksDbStore store) {
    this.store = store;
    this.snapshot = store.database.getSnapshot();
    this.readOptions = new ReadOptions().setVerifyChecksums(true).setSnapshot(snapshot);
  }

  private void requireOpen() {
    store.requireOpen();
    if (closed) {
      throw new StorageException("snapshot of store at " + store.directory + " is closed");
    }
  }

  @Override
  public Optional<byte[]> get(Namespace namespace, byte[] key) {
    StorageLimits.checkKey(namespace, key);
    store.lock.readLock().lock();
    try {
      requireOpen();
      return store.get(store.handle(namespace), readOptions, namespace, key);
    } finally {
      store.lock.readLock().unlock();
    }
  }

  @Override
  public KeyValueIterator iterate(Namespace namespace, KeyRange range) {
    store.lock.readLock().lock();
    try {
      requireOpen();
      // The iterator copies the snapshot's sequence number, so it stays valid after this closes.
      return store.iterate(namespace, range, snapshot);
    } finally {
      store.lock.readLock().unlock();
    }
  }

  @Override
  public void close() {
    store.lock.writeLock().lock();
    try {
      release();
    } finally {
      store.lock.writeLock().unlock();
    }
  }

  /** Call with the store's write lock held. */
  @Override
  public void release() {
    if (closed) {
      return;
    }
    closed = true;
    store.database.releaseSnapshot(snapshot);
    readOptions.close();
    store.forget(this);
  }
}

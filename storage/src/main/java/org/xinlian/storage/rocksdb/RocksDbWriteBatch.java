package org.xinlian.storage.rocksdb;

import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteOptions;
import org.xinlian.storage.Namespace;
import org.xinlian.storage.StorageException;
import org.xinlian.storage.StorageLimits;
import org.xinlian.storage.WriteBatch;

/**
 * A native RocksDB write batch, written with one {@code write} call, which RocksDB applies
 * atomically (one log record). Every bound is checked before the native batch changes, so an
 * input that breaks a limit leaves the batch as it was.
 */
final class RocksDbWriteBatch implements WriteBatch, RocksDbStore.NativeResource {
  private final RocksDbStore owner;
  private final org.rocksdb.WriteBatch batch = new org.rocksdb.WriteBatch();
  private int size;
  private long sizeBytes;
  private boolean closed;

  RocksDbWriteBatch(RocksDbStore owner) {
    this.owner = owner;
  }

  RocksDbStore owner() {
    return owner;
  }

  private void requireOpen() {
    owner.requireOpen();
    if (closed) {
      throw new StorageException("write batch is closed");
    }
  }

  @Override
  public void put(Namespace namespace, byte[] key, byte[] value) {
    StorageLimits.checkKey(namespace, key);
    StorageLimits.checkValue(namespace, key, value);
    owner.lock.readLock().lock();
    try {
      synchronized (this) {
        requireOpen();
        long newSizeBytes =
            StorageLimits.checkBatchBytes(sizeBytes, key.length + (long) value.length);
        batch.put(owner.handle(namespace), key, value);
        sizeBytes = newSizeBytes;
        size++;
      }
    } catch (RocksDBException e) {
      throw RocksDbErrors.failed("adding to a write batch", owner.directory, e);
    } finally {
      owner.lock.readLock().unlock();
    }
  }

  @Override
  public void delete(Namespace namespace, byte[] key) {
    StorageLimits.checkKey(namespace, key);
    owner.lock.readLock().lock();
    try {
      synchronized (this) {
        requireOpen();
        long newSizeBytes = StorageLimits.checkBatchBytes(sizeBytes, key.length);
        batch.delete(owner.handle(namespace), key);
        sizeBytes = newSizeBytes;
        size++;
      }
    } catch (RocksDBException e) {
      throw RocksDbErrors.failed("adding to a write batch", owner.directory, e);
    } finally {
      owner.lock.readLock().unlock();
    }
  }

  /** Call with the store's read lock held and the store open. */
  synchronized void writeTo(RocksDB database, WriteOptions writeOptions) {
    if (closed) {
      throw new StorageException("write batch is closed");
    }
    try {
      database.write(writeOptions, batch);
    } catch (RocksDBException e) {
      throw RocksDbErrors.writing(owner.directory, size, e);
    }
  }

  @Override
  public synchronized int size() {
    return size;
  }

  @Override
  public synchronized long sizeBytes() {
    return sizeBytes;
  }

  @Override
  public void close() {
    owner.lock.readLock().lock();
    try {
      release();
    } finally {
      owner.lock.readLock().unlock();
    }
  }

  @Override
  public synchronized void release() {
    if (closed) {
      return;
    }
    closed = true;
    batch.close();
    owner.forget(this);
  }
}

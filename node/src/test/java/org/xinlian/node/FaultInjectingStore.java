package org.xinlian.node;

import java.util.Optional;
import java.util.Set;
import org.xinlian.storage.KeyRange;
import org.xinlian.storage.KeyValueIterator;
import org.xinlian.storage.KeyValueStore;
import org.xinlian.storage.Namespace;
import org.xinlian.storage.StorageException;
import org.xinlian.storage.StoreSnapshot;
import org.xinlian.storage.WriteBatch;

/**
 * A real store whose writes the test can make fail, as a full disk makes RocksDB's fail: the
 * batch is not applied and the write throws. Reads keep working, as they do on a full disk.
 */
final class FaultInjectingStore implements KeyValueStore {
  private final KeyValueStore delegate;
  private volatile boolean failWrites;
  private volatile int writesFailed;

  FaultInjectingStore(KeyValueStore delegate) {
    this.delegate = delegate;
  }

  void failWrites(boolean value) {
    failWrites = value;
  }

  int writesFailed() {
    return writesFailed;
  }

  @Override
  public Set<Namespace> namespaces() {
    return delegate.namespaces();
  }

  @Override
  public WriteBatch newBatch() {
    return delegate.newBatch();
  }

  @Override
  public void write(WriteBatch batch) {
    if (failWrites) {
      writesFailed++;
      throw new StorageException("write failed: IO error: No space left on device (injected)");
    }
    delegate.write(batch);
  }

  @Override
  public StoreSnapshot snapshot() {
    return delegate.snapshot();
  }

  @Override
  public Optional<byte[]> get(Namespace namespace, byte[] key) {
    return delegate.get(namespace, key);
  }

  @Override
  public KeyValueIterator iterate(Namespace namespace, KeyRange range) {
    return delegate.iterate(namespace, range);
  }

  @Override
  public void close() {
    delegate.close();
  }
}

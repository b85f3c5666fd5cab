package org.xinlian.storage.memory;

import java.util.ArrayList;
import java.util.List;
import org.xinlian.storage.Namespace;
import org.xinlian.storage.StorageException;
import org.xinlian.storage.StorageLimits;
import org.xinlian.storage.WriteBatch;

/** Operations recorded in order (a null value is a delete), applied by the store in that order. */
final class InMemoryWriteBatch implements WriteBatch {
  record Operation(Namespace namespace, byte[] key, byte[] value) {}

  private final InMemoryKeyValueStore owner;
  private final List<Operation> operations = new ArrayList<>();
  private long sizeBytes;
  private boolean closed;

  InMemoryWriteBatch(InMemoryKeyValueStore owner) {
    this.owner = owner;
  }

  InMemoryKeyValueStore owner() {
    return owner;
  }

  List<Operation> operations() {
    requireOpen();
    return operations;
  }

  private void requireOpen() {
    owner.requireOpen();
    if (closed) {
      throw new StorageException("write batch is closed");
    }
  }

  @Override
  public void put(Namespace namespace, byte[] key, byte[] value) {
    requireOpen();
    StorageLimits.checkKey(namespace, key);
    StorageLimits.checkValue(namespace, key, value);
    owner.requireNamespace(namespace);
    sizeBytes = StorageLimits.checkBatchBytes(sizeBytes, key.length + (long) value.length);
    operations.add(new Operation(namespace, key.clone(), value.clone()));
  }

  @Override
  public void delete(Namespace namespace, byte[] key) {
    requireOpen();
    StorageLimits.checkKey(namespace, key);
    owner.requireNamespace(namespace);
    sizeBytes = StorageLimits.checkBatchBytes(sizeBytes, key.length);
    operations.add(new Operation(namespace, key.clone(), null));
  }

  @Override
  public int size() {
    return operations.size();
  }

  @Override
  public long sizeBytes() {
    return sizeBytes;
  }

  @Override
  public void close() {
    closed = true;
    operations.clear();
  }
}

package org.xinlian.storage.memory;

import java.util.ArrayList;
import java.util.List;
import org.xinlian.storage.Namespace;
import org.xinlian.storage.StorageException;
import org.xinlian.storage.StorageLimits;
import org.xinlian.storage.WriteBatch;

/** Operations recorded in order; a null value is a delete. */
final class InMemoryWriteBatch implements WriteBatch {
  record Operation(Namespace namespace, byte[] key, byte[] value) {}

  private final List<Operation> operations = new ArrayList<>();
  private long sizeBytes;

  List<Operation> operations() {
    return operations;
  }

  @Override
  public void put(Namespace namespace, byte[] key, byte[] value) {
    Checks.key(namespace, key);
    Checks.value(namespace, key, value);
    account(key.length + (long) value.length);
    operations.add(new Operation(namespace, key.clone(), value.clone()));
  }

  @Override
  public void delete(Namespace namespace, byte[] key) {
    Checks.key(namespace, key);
    account(key.length);
    operations.add(new Operation(namespace, key.clone(), null));
  }

  private void account(long bytes) {
    if (sizeBytes + bytes > StorageLimits.BATCH_BYTES_MAX) {
      throw new StorageException(
          "write batch would exceed " + StorageLimits.BATCH_BYTES_MAX + " bytes");
    }
    sizeBytes += bytes;
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
    operations.clear();
  }
}

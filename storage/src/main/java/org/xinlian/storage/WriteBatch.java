package org.xinlian.storage;

/**
 * Writes that become visible all together or not at all when passed to
 * {@link KeyValueStore#write}. A block, its receipts, its state changes and the head pointer go into
 * one batch, which is how a crash never leaves half a block on disk. Within a batch, a later write
 * to a key wins over an earlier one. Not thread-safe; close it after writing (or to discard it).
 */
public interface WriteBatch extends AutoCloseable {
  /** Adds a put; throws {@link StorageException} if a key, value or the batch exceeds its limit. */
  void put(Namespace namespace, byte[] key, byte[] value);

  void delete(Namespace namespace, byte[] key);

  /** Number of puts and deletes added so far. */
  int size();

  /** Bytes of keys and values added so far, measured against {@link StorageLimits#BATCH_BYTES_MAX}. */
  long sizeBytes();

  @Override
  void close();
}

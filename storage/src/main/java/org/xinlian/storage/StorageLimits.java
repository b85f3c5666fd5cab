package org.xinlian.storage;

import java.util.Set;
import org.xinlian.common.Hex;

/**
 * Bounds every store enforces, so a bug or a hostile input fails with a clear message rather than
 * exhausting memory or writing a value no reader can load. The checks live here, next to the
 * bounds, so that every implementation refuses the same inputs with the same messages.
 */
public final class StorageLimits {
  /** Keys are hashes, heights and short composites; anything longer is a bug. */
  public static final int KEY_BYTES_MAX = 1024;
  /** Larger than any block, receipt list or contract the types layer accepts. */
  public static final int VALUE_BYTES_MAX = 64 * 1024 * 1024;
  /** One batch holds one block's writes; a block that needs more is refused before it is written. */
  public static final long BATCH_BYTES_MAX = 1024L * 1024 * 1024;
  /** Namespaces one store may declare. */
  public static final int NAMESPACES_MAX = 64;
  /**
   * The one name a namespace may not have: RocksDB's default column family, where a store keeps its
   * own metadata (the format marker), so no caller's data can overwrite it.
   */
  public static final String RESERVED_NAMESPACE_NAME = "default";

  private StorageLimits() {}

  /** Refuses a null or over-long key; the message names the namespace. */
  public static void checkKey(Namespace namespace, byte[] key) {
    if (namespace == null) {
      throw new IllegalArgumentException("namespace is required");
    }
    if (key == null) {
      throw new IllegalArgumentException("key is required (namespace " + namespace + ")");
    }
    if (key.length > KEY_BYTES_MAX) {
      throw new StorageException("key of " + key.length + " bytes in namespace " + namespace
          + " exceeds " + KEY_BYTES_MAX + " bytes (KEY_BYTES_MAX)");
    }
  }

  /** Refuses a null or over-long value; the message names the namespace and the key in hex. */
  public static void checkValue(Namespace namespace, byte[] key, byte[] value) {
    if (value == null) {
      throw new IllegalArgumentException(
          "value is required (namespace " + namespace + ", key " + Hex.encode(key) + ")");
    }
    if (value.length > VALUE_BYTES_MAX) {
      throw new StorageException("value of " + value.length + " bytes under key "
          + Hex.encode(key) + " in namespace " + namespace + " exceeds " + VALUE_BYTES_MAX
          + " bytes (VALUE_BYTES_MAX)");
    }
  }

  /**
   * The size of a batch after adding {@code addedBytes}, or a {@link StorageException} if that would
   * exceed {@link #BATCH_BYTES_MAX}; the batch is then unchanged, so nothing half-added is written.
   */
  public static long checkBatchBytes(long batchBytes, long addedBytes) {
    if (addedBytes < 0 || batchBytes + addedBytes > BATCH_BYTES_MAX) {
      throw new StorageException("write batch of " + batchBytes + " bytes plus " + addedBytes
          + " bytes would exceed " + BATCH_BYTES_MAX + " bytes (BATCH_BYTES_MAX)");
    }
    return batchBytes + addedBytes;
  }

  /** Refuses too many namespaces or the reserved name, before any store is touched. */
  public static void checkNamespaces(Set<Namespace> namespaces) {
    if (namespaces == null) {
      throw new IllegalArgumentException("namespaces are required");
    }
    if (namespaces.size() > NAMESPACES_MAX) {
      throw new IllegalArgumentException(
          "at most " + NAMESPACES_MAX + " namespaces, got " + namespaces.size());
    }
    for (Namespace namespace : namespaces) {
      if (namespace == null) {
        throw new IllegalArgumentException("namespaces must not contain null");
      }
      if (namespace.name().equals(RESERVED_NAMESPACE_NAME)) {
        throw new IllegalArgumentException("namespace name \"" + RESERVED_NAMESPACE_NAME
            + "\" is reserved for the store's own metadata");
      }
    }
  }
}

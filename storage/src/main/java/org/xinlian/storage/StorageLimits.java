package org.xinlian.storage;

/**
 * Bounds every store enforces, so a bug or a hostile input fails with a clear message rather than
 * exhausting memory or writing a value no reader can load.
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

  private StorageLimits() {}
}

package org.xinlian.storage;

import java.nio.file.Path;
import java.util.Set;

/**
 * How to open a persistent store.
 *
 * @param directory where the store's files live; created if missing
 * @param namespaces every namespace the caller will use; existing ones not listed are kept (and
 *     cannot be read until listed); "default" is reserved
 * @param durability what a completed write survives
 * @param blockCacheBytes memory for cached data blocks
 */
public record StoreOptions(
    Path directory, Set<Namespace> namespaces, WriteDurability durability, long blockCacheBytes) {
  public static final long BLOCK_CACHE_BYTES_DEFAULT = 256L * 1024 * 1024;

  public StoreOptions {
    if (directory == null) {
      throw new IllegalArgumentException("store directory is required");
    }
    StorageLimits.checkNamespaces(namespaces);
    namespaces = Set.copyOf(namespaces);
    if (durability == null) {
      throw new IllegalArgumentException("durability is required");
    }
    if (blockCacheBytes < 0) {
      throw new IllegalArgumentException("blockCacheBytes must not be negative: " + blockCacheBytes);
    }
  }

  /** Survives a killed process, with the default cache. */
  public static StoreOptions of(Path directory, Set<Namespace> namespaces) {
    return new StoreOptions(
        directory, namespaces, WriteDurability.SURVIVE_PROCESS_CRASH, BLOCK_CACHE_BYTES_DEFAULT);
  }
}

package org.xinlian.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The shared checks both batches call. The batch bound is tested here rather than through a batch,
 * because reaching 1 GiB through a real batch would need a gigabyte of memory per store.
 */
class StorageLimitsTest {
  @Test
  @DisplayName("STORAGE-5: a batch may reach BATCH_BYTES_MAX exactly, not one byte more")
  void batchBytesBound() {
    long nearlyFull = StorageLimits.BATCH_BYTES_MAX - 100;
    assertEquals(StorageLimits.BATCH_BYTES_MAX, StorageLimits.checkBatchBytes(nearlyFull, 100));
    StorageException thrown =
        assertThrows(StorageException.class, () -> StorageLimits.checkBatchBytes(nearlyFull, 101));
    assertTrue(thrown.getMessage().contains("would exceed 1073741824 bytes (BATCH_BYTES_MAX)"),
        thrown.getMessage());
    assertThrows(StorageException.class, () -> StorageLimits.checkBatchBytes(0, -1));
  }

  @Test
  @DisplayName("STORAGE-1: at most NAMESPACES_MAX namespaces, none named \"default\"")
  void namespaceBounds() {
    Set<Namespace> tooMany = new HashSet<>();
    for (int index = 0; index <= StorageLimits.NAMESPACES_MAX; index++) {
      tooMany.add(Namespace.of("n" + index));
    }
    assertThrows(IllegalArgumentException.class, () -> StorageLimits.checkNamespaces(tooMany));
    assertThrows(IllegalArgumentException.class, () -> KeyValueStores.inMemory(tooMany));
    assertThrows(IllegalArgumentException.class,
        () -> StorageLimits.checkNamespaces(Set.of(Namespace.of("default"))));
    tooMany.remove(Namespace.of("n0"));
    StorageLimits.checkNamespaces(tooMany);
  }
}

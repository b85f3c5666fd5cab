package org.xinlian.storage.memory;

import org.xinlian.common.Hex;
import org.xinlian.storage.Namespace;
import org.xinlian.storage.StorageException;
import org.xinlian.storage.StorageLimits;

/** The argument bounds of {@link StorageLimits}, with messages that name the namespace and key. */
final class Checks {
  private Checks() {}

  static void key(Namespace namespace, byte[] key) {
    if (namespace == null) {
      throw new IllegalArgumentException("namespace is required");
    }
    if (key == null) {
      throw new IllegalArgumentException("key is required (namespace " + namespace + ")");
    }
    if (key.length > StorageLimits.KEY_BYTES_MAX) {
      throw new StorageException("key of " + key.length + " bytes in namespace " + namespace
          + " exceeds " + StorageLimits.KEY_BYTES_MAX + " bytes");
    }
  }

  static void value(Namespace namespace, byte[] key, byte[] value) {
    if (value == null) {
      throw new IllegalArgumentException("value is required (namespace " + namespace + ")");
    }
    if (value.length > StorageLimits.VALUE_BYTES_MAX) {
      throw new StorageException("value of " + value.length + " bytes under key "
          + Hex.encode(key) + " in namespace " + namespace + " exceeds "
          + StorageLimits.VALUE_BYTES_MAX + " bytes");
    }
  }
}

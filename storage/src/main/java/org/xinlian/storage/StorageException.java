package org.xinlian.storage;

/**
 * A store could not do what was asked: the disk failed, the data is corrupt, the store belongs to
 * another format version, or an input broke a {@link StorageLimits} bound. The message says what
 * and where (the path, the namespace, the key), because an operator acts on it.
 */
public class StorageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StorageException(String message) {
    super(message);
  }

  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }
}

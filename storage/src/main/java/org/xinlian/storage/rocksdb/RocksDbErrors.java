package org.xinlian.storage.rocksdb;

import java.nio.file.Path;
import org.rocksdb.RocksDBException;
import org.rocksdb.Status;
import org.xinlian.common.Hex;
import org.xinlian.storage.Namespace;
import org.xinlian.storage.StorageException;

/**
 * Turns RocksDB's status codes into messages an operator can act on: what failed, the store
 * directory, the namespace and key, and RocksDB's own words (which name the damaged file).
 */
final class RocksDbErrors {
  private RocksDbErrors() {}

  static StorageException opening(Path directory, RocksDBException cause) {
    String detail = detail(cause);
    Status.Code code = code(cause);
    if (code == Status.Code.Corruption) {
      return new StorageException("store at " + directory + " is corrupt: " + detail
          + "; nothing was changed: restore the directory from a backup or resynchronise the node",
          cause);
    }
    if (code == Status.Code.IOError && detail.toLowerCase(java.util.Locale.ROOT).contains("lock")) {
      return new StorageException("store at " + directory
          + " is locked: is it in use by another process? (" + detail + ")", cause);
    }
    return new StorageException("could not open store at " + directory + ": " + detail, cause);
  }

  static StorageException reading(
      Path directory, Namespace namespace, byte[] key, RocksDBException cause) {
    return failed("reading key " + Hex.encode(key) + " in namespace " + namespace,
        directory, cause);
  }

  static StorageException iterating(
      Path directory, Namespace namespace, byte[] lastKey, RocksDBException cause) {
    String where = lastKey == null ? "at its start" : "after key " + Hex.encode(lastKey);
    return failed("iterating namespace " + namespace + " " + where, directory, cause);
  }

  static StorageException writing(Path directory, int operations, RocksDBException cause) {
    return failed("writing a batch of " + operations + " operations", directory, cause);
  }

  static StorageException failed(String what, Path directory, RocksDBException cause) {
    String kind = code(cause) == Status.Code.Corruption ? "corrupt data" : "failure";
    return new StorageException(
        kind + " in store at " + directory + " " + what + ": " + detail(cause), cause);
  }

  private static Status.Code code(RocksDBException cause) {
    Status status = cause.getStatus();
    return status == null ? Status.Code.Undefined : status.getCode();
  }

  private static String detail(RocksDBException cause) {
    return cause.getMessage() == null ? code(cause).name() : cause.getMessage();
  }
}

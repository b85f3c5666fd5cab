package org.xinlian.storage;

import java.util.Iterator;

/**
 * Entries of one namespace in ascending unsigned-byte order of their keys. It holds native
 * resources on RocksDB, so it must be closed (use try-with-resources).
 */
public interface KeyValueIterator extends Iterator<KeyValue>, AutoCloseable {
  @Override
  void close();
}

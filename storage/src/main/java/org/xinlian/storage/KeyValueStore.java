package org.xinlian.storage;

import java.util.Set;

/**
 * A key-value store with a fixed set of namespaces declared when it is opened. Reads and writes
 * are thread-safe; a batch is atomic and, once {@link #write} returns, survives the process being
 * killed (and, when opened with synchronous writes, the machine losing power).
 */
public interface KeyValueStore extends ReadView, AutoCloseable {
  /** The namespaces this store was opened with. */
  Set<Namespace> namespaces();

  WriteBatch newBatch();

  /** Applies every write of {@code batch} atomically. */
  void write(WriteBatch batch);

  /** A consistent read-only view of the store as of now. */
  StoreSnapshot snapshot();

  /** Releases files and native memory; reads and writes after close fail. */
  @Override
  void close();
}

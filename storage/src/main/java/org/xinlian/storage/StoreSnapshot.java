package org.xinlian.storage;

/**
 * A read-only view of the store as it was when the snapshot was taken: later writes are invisible
 * to it. Exports and verification read through a snapshot, so they see one consistent state while
 * the node keeps committing blocks. Holds native resources on RocksDB; close it.
 */
public interface StoreSnapshot extends ReadView, AutoCloseable {
  @Override
  void close();
}

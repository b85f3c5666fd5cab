package org.xinlian.storage;

import java.util.Optional;

/**
 * Reads of a store: the live store, or a {@link StoreSnapshot} frozen at one moment. Code that only
 * reads takes a {@code ReadView}, so the same code serves the head state and a consistent export.
 */
public interface ReadView {
  /** The value under {@code key}, or empty. */
  Optional<byte[]> get(Namespace namespace, byte[] key);

  /** Entries of {@code range} in ascending key order; close the iterator when done. */
  KeyValueIterator iterate(Namespace namespace, KeyRange range);
}

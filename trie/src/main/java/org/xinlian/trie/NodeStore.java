package org.xinlian.trie;

import java.util.Map;
import java.util.Optional;
import org.xinlian.common.Hash;

/**
 * Where committed trie nodes live, keyed by the hash of their RLP encoding. It is a port so that
 * the storage layer can back tries with RocksDB while tests and light uses keep them in memory.
 * Because a key is the hash of its value, writes are idempotent and a store may be shared by many
 * tries (every version of the state, every account's storage).
 */
public interface NodeStore {
  /** The encoding stored under {@code hash}, or empty when the store does not hold it. */
  Optional<byte[]> get(Hash hash);

  /** Stores one node encoding under its hash. */
  void put(Hash hash, byte[] encodedNode);

  /**
   * Stores the nodes of one commit. A persistent store should write them atomically (one batch),
   * so a crash never leaves a root whose descendants are missing; the default writes one by one.
   */
  default void putAll(Map<Hash, byte[]> encodedNodes) {
    encodedNodes.forEach(this::put);
  }
}

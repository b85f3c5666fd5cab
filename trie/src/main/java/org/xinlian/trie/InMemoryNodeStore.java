package org.xinlian.trie;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.xinlian.common.Hash;

/**
 * A {@link NodeStore} in a hash map, for tests, proofs built from received nodes and tries that
 * never outlive the process. Arrays are copied in and out so callers cannot alter stored nodes.
 */
public final class InMemoryNodeStore implements NodeStore {
  private final Map<Hash, byte[]> nodes = new ConcurrentHashMap<>();

  @Override
  public Optional<byte[]> get(Hash hash) {
    byte[] encoded = nodes.get(hash);
    return encoded == null ? Optional.empty() : Optional.of(encoded.clone());
  }

  @Override
  public void put(Hash hash, byte[] encodedNode) {
    nodes.put(hash, encodedNode.clone());
  }

  /** How many nodes are stored; lets tests see what a commit wrote. */
  public int size() {
    return nodes.size();
  }
}

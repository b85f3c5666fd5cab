package org.xinlian.trie;

import org.xinlian.common.Invariants;
import org.xinlian.types.rlp.RlpWriter;

/**
 * A child known only by its hash, not yet read from the store. Loading a trie from a root gives
 * one of these; nodes are resolved when a path first crosses them, so opening a large state costs
 * nothing until it is read.
 */
final class HashNode extends Node {
  HashNode(byte[] hash) {
    knownHash(hash);
    persisted = true;
  }

  @Override
  byte[] reference(TrieHashFunction hashFunction) {
    return hash(hashFunction);
  }

  @Override
  void encodeInto(RlpWriter writer, TrieHashFunction hashFunction) {
    Invariants.check(false, "trie: an unresolved node has no encoding");
  }
}

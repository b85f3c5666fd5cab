package org.xinlian.trie;

import org.xinlian.common.Invariants;
import org.xinlian.types.rlp.RlpWriter;

/**
 * A trie node. Nodes are immutable: an update builds new nodes along the path and shares the
 * rest, so a node's encoding and hash can be memoised, and an unchanged subtree costs nothing to
 * hash or commit again.
 */
abstract sealed class Node permits LeafNode, ExtensionNode, BranchNode, HashNode {
  /** Below this many bytes a node is embedded in its parent instead of referenced by hash. */
  static final int EMBEDDED_BYTES_MAX = 31;

  private byte[] reference;
  private byte[] hash;
  /** True once the node is in the store (or is part of a stored parent's encoding). */
  boolean persisted;

  /** Appends this node's full RLP encoding; children are written as references. */
  abstract void encodeInto(RlpWriter writer, TrieHashFunction hashFunction);

  byte[] encode(TrieHashFunction hashFunction) {
    RlpWriter writer = new RlpWriter(64);
    encodeInto(writer, hashFunction);
    return writer.toByteArray();
  }

  /**
   * What a parent holds for this node: its encoding when shorter than 32 bytes, its hash
   * otherwise. Memoised, since every ancestor's encoding needs it.
   */
  byte[] reference(TrieHashFunction hashFunction) {
    if (reference == null) {
      byte[] encoded = encode(hashFunction);
      reference = encoded.length <= EMBEDDED_BYTES_MAX ? encoded : digest(hashFunction, encoded);
    }
    return reference;
  }

  boolean isEmbedded(TrieHashFunction hashFunction) {
    return reference(hashFunction).length <= EMBEDDED_BYTES_MAX;
  }

  /** The hash of the full encoding, which names the node in the store (and the trie, for a root). */
  byte[] hash(TrieHashFunction hashFunction) {
    if (hash == null) {
      byte[] ref = reference(hashFunction);
      hash = ref.length <= EMBEDDED_BYTES_MAX ? digest(hashFunction, ref) : ref;
    }
    return hash;
  }

  /** Records the hash a node was loaded by, saving a rehash. */
  void knownHash(byte[] knownHash) {
    hash = knownHash;
  }

  /** As {@link #knownHash}; a node of 32 bytes or more is also referenced by that hash. */
  void loadedAs(byte[] knownHash, int encodedLength) {
    hash = knownHash;
    if (encodedLength > EMBEDDED_BYTES_MAX) {
      reference = knownHash;
    }
  }

  void writeReference(RlpWriter writer, TrieHashFunction hashFunction) {
    byte[] ref = reference(hashFunction);
    if (ref.length <= EMBEDDED_BYTES_MAX) {
      writer.writeEncoded(ref);
    } else {
      writer.writeBytes(ref);
    }
  }

  static byte[] digest(TrieHashFunction hashFunction, byte[] data) {
    byte[] digest = hashFunction.hash(data);
    Invariants.check(
        digest != null && digest.length == TrieHashFunction.DIGEST_BYTES,
        "trie: the hash function must return 32 bytes");
    return digest;
  }
}

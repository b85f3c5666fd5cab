package org.xinlian.trie;

import java.util.List;
import java.util.Optional;
import org.xinlian.common.Hash;

/**
 * A trie keyed by the hash of each key, as Ethereum's state trie (keyed by hash(address)) and
 * storage tries (keyed by hash(slot)). Hashing spreads keys evenly, so an attacker choosing
 * addresses or slots cannot build deep paths that make every access slow.
 */
public final class SecureTrie {
  private final MerklePatriciaTrie trie;

  private SecureTrie(MerklePatriciaTrie trie) {
    this.trie = trie;
  }

  public static SecureTrie empty(NodeStore store, TrieHashFunction hashFunction) {
    return new SecureTrie(MerklePatriciaTrie.empty(store, hashFunction));
  }

  /** The secure trie with root {@code rootHash} in {@code store}; nodes are read lazily. */
  public static SecureTrie load(Hash rootHash, NodeStore store, TrieHashFunction hashFunction) {
    return new SecureTrie(MerklePatriciaTrie.load(rootHash, store, hashFunction));
  }

  public Optional<byte[]> get(byte[] key) {
    return trie.get(hashedKey(key));
  }

  /** Sets {@code key}; an empty value deletes it (as in {@link MerklePatriciaTrie#put}). */
  public void put(byte[] key, byte[] value) {
    trie.put(hashedKey(key), value);
  }

  public void delete(byte[] key) {
    trie.delete(hashedKey(key));
  }

  public Hash rootHash() {
    return trie.rootHash();
  }

  /** Writes new nodes to the store and returns the root ({@link MerklePatriciaTrie#commit}). */
  public Hash commit() {
    return trie.commit();
  }

  /** The proof for {@code key}, a path to its hash; check it with {@link #verifyProof}. */
  public List<byte[]> proof(byte[] key) {
    return trie.proof(hashedKey(key));
  }

  /**
   * As {@link MerklePatriciaTrie#verifyProof} for a key of a secure trie: the key is hashed
   * first, as {@code eth_getProof} clients do for accounts and storage slots.
   */
  public static Optional<byte[]> verifyProof(
      Hash rootHash, byte[] key, List<byte[]> proofNodes, TrieHashFunction hashFunction) {
    if (key == null || hashFunction == null) {
      return MerklePatriciaTrie.verifyProof(rootHash, key, proofNodes, hashFunction);
    }
    return MerklePatriciaTrie.verifyProof(
        rootHash, Node.digest(hashFunction, key), proofNodes, hashFunction);
  }

  private byte[] hashedKey(byte[] key) {
    if (key == null) {
      throw new IllegalArgumentException("trie: key is null");
    }
    return Node.digest(trie.hashFunction(), key);
  }
}

package org.xinlian.trie;

import org.xinlian.crypto.Keccak256;

/**
 * The digest that names trie nodes and, in a {@link SecureTrie}, hashes keys. It is a parameter
 * rather than a constant because Ethereum-compatible chains need Keccak-256 for their roots to
 * equal Ethereum's, while a gm chain may choose SM3 (for example {@code suite::hash}); the trie's
 * structure is the same either way. The digest must be {@link #DIGEST_BYTES} long, since the
 * node encoding embeds every child under 32 bytes and references the others by their hash.
 */
@FunctionalInterface
public interface TrieHashFunction {
  /** Length of every digest: both Keccak-256 and SM3 produce 32 bytes. */
  int DIGEST_BYTES = 32;

  /** The digest of {@code data}; must not modify it and must return a fresh 32-byte array. */
  byte[] hash(byte[] data);

  /** Ethereum's choice: with it, roots equal those of every Ethereum client. */
  static TrieHashFunction keccak256() {
    return Keccak256::hash;
  }
}

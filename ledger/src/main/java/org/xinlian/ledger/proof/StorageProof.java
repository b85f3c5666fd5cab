package org.xinlian.ledger.proof;

import java.util.List;
import org.xinlian.evm.word.UInt256;

/**
 * One slot of an {@code eth_getProof} answer: the value (zero when absent) and the storage-trie
 * nodes on the path of {@code hash(key)}, root first.
 *
 * @param key the slot
 * @param value its value, zero for an absent slot
 * @param proof RLP encodings of the storage-trie nodes, root first (empty for an empty trie)
 */
public record StorageProof(UInt256 key, UInt256 value, List<byte[]> proof) {
  public StorageProof {
    if (key == null || value == null || proof == null) {
      throw new IllegalArgumentException("storage proof: key, value and proof are required");
    }
    proof = List.copyOf(proof);
  }
}

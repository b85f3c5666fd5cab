package org.xinlian.trie;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.xinlian.common.DecodingException;
import org.xinlian.common.Hash;
import org.xinlian.common.Hex;

/**
 * Verification of a Merkle proof against a root alone, with no store: what a light client or an
 * {@code eth_getProof} consumer does with nodes received from an untrusted server. The walk is
 * iterative and every node is decoded strictly, so hostile input costs bounded work and fails
 * only with a {@link DecodingException}.
 */
final class ProofVerifier {
  private ProofVerifier() {}

  static Optional<byte[]> verify(
      Hash rootHash, byte[] key, List<byte[]> proofNodes, TrieHashFunction hashFunction) {
    if (rootHash == null || key == null || proofNodes == null || hashFunction == null) {
      throw new DecodingException("proof", "missing root, key, proof or hash function");
    }
    if (key.length > MerklePatriciaTrie.KEY_BYTES_MAX) {
      throw new DecodingException(
          "proof.key", key.length + " bytes exceed " + MerklePatriciaTrie.KEY_BYTES_MAX);
    }
    if (proofNodes.size() > MerklePatriciaTrie.PROOF_NODES_MAX) {
      throw new DecodingException(
          "proof", proofNodes.size() + " nodes exceed the limit of " + MerklePatriciaTrie.PROOF_NODES_MAX);
    }
    if (rootHash.equals(MerklePatriciaTrie.emptyRoot(hashFunction))) {
      if (!proofNodes.isEmpty()) {
        throw new ProofException("proof", "the empty trie is proven by no nodes");
      }
      return Optional.empty();
    }
    byte[] path = Nibbles.fromBytes(key);
    int position = 0;
    int used = 0;
    byte[] expectedHash = rootHash.toArray();
    Node node = null;
    while (true) {
      if (node == null) {
        node = nextNode(proofNodes, used, expectedHash, hashFunction);
        used++;
      }
      Node next;
      if (node instanceof LeafNode leaf) {
        boolean match = Arrays.equals(Nibbles.slice(path, position, path.length), leaf.path);
        return finish(proofNodes, used, match ? Optional.of(leaf.value) : Optional.empty());
      } else if (node instanceof ExtensionNode extension) {
        if (!Nibbles.startsWith(path, position, extension.path)) {
          return finish(proofNodes, used, Optional.empty());
        }
        position += extension.path.length;
        next = extension.child;
      } else {
        BranchNode branch = (BranchNode) node;
        if (position == path.length) {
          byte[] value = branch.value;
          return finish(proofNodes, used, value.length == 0 ? Optional.empty() : Optional.of(value));
        }
        next = branch.children[path[position++]];
        if (next == null) {
          return finish(proofNodes, used, Optional.empty());
        }
      }
      if (next instanceof HashNode reference) {
        expectedHash = reference.hash(hashFunction);
        node = null;
      } else {
        node = next;
      }
    }
  }

  private static Node nextNode(
      List<byte[]> proofNodes, int index, byte[] expectedHash, TrieHashFunction hashFunction) {
    String field = "proof[" + index + "]";
    if (index >= proofNodes.size()) {
      throw new ProofException(
          field,
          "truncated: the path continues at node "
              + Hex.encode(expectedHash)
              + " but the proof ends after "
              + index
              + " node(s)");
    }
    byte[] encoded = proofNodes.get(index);
    if (encoded == null) {
      throw new DecodingException(field, "missing node");
    }
    byte[] actual = Node.digest(hashFunction, encoded);
    if (!Arrays.equals(actual, expectedHash)) {
      throw new ProofException(
          field,
          "hash mismatch: the node hashes to "
              + Hex.encode(actual)
              + " but its reference is "
              + Hex.encode(expectedHash));
    }
    return NodeCodec.decode(encoded, field);
  }

  private static Optional<byte[]> finish(List<byte[]> proofNodes, int used, Optional<byte[]> value) {
    if (used != proofNodes.size()) {
      throw new ProofException(
          "proof[" + used + "]",
          (proofNodes.size() - used) + " node(s) left over after the path ends");
    }
    return value.map(byte[]::clone);
  }
}

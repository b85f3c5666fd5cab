package org.xinlian.trie;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.xinlian.common.DecodingException;
import org.xinlian.common.Hash;
import org.xinlian.common.Invariants;

/**
 * Ethereum's Merkle-Patricia trie (yellow paper, appendix D): a map from byte keys to non-empty
 * byte values whose root hash commits to the whole content, independent of insertion order. With
 * {@link TrieHashFunction#keccak256()} its roots equal every Ethereum client's, which is what lets
 * transaction, receipt and state roots be checked against Ethereum's own test vectors.
 *
 * <p>Changes stay in memory until {@link #commit()} writes the new nodes to the {@link NodeStore};
 * a trie opened with {@link #load} reads nodes from the store only when a path crosses them. A
 * trie is not thread-safe: one writer owns it; readers of a committed root open their own.
 */
public final class MerklePatriciaTrie {
  /**
   * Longest key accepted: 1 KiB. Ethereum's keys are 32-byte hashes or short RLP indices; the
   * bound keeps the recursive update and lookup far from a stack overflow (at most two nodes per
   * nibble of the key).
   */
  public static final int KEY_BYTES_MAX = 1024;

  /**
   * Most nodes a proof may hold: one extension and one branch per nibble of the longest key, and
   * the leaf. Longer lists cannot be a path and are rejected before any hashing.
   */
  public static final int PROOF_NODES_MAX = 4 * KEY_BYTES_MAX + 1;

  private static final byte[] RLP_EMPTY_STRING = {(byte) 0x80};

  private final NodeStore store;
  private final TrieHashFunction hashFunction;
  private Node root;

  private MerklePatriciaTrie(NodeStore store, TrieHashFunction hashFunction, Node root) {
    this.store = store;
    this.hashFunction = hashFunction;
    this.root = root;
  }

  /** An empty trie whose commits go to {@code store}. */
  public static MerklePatriciaTrie empty(NodeStore store, TrieHashFunction hashFunction) {
    return new MerklePatriciaTrie(requireStore(store), requireHash(hashFunction), null);
  }

  /**
   * The trie with root {@code rootHash} as committed to {@code store}. Nothing is read yet: a
   * root the store lacks surfaces as a {@link MissingNodeException} on first access.
   */
  public static MerklePatriciaTrie load(
      Hash rootHash, NodeStore store, TrieHashFunction hashFunction) {
    requireHash(hashFunction);
    if (rootHash.equals(emptyRoot(hashFunction))) {
      return new MerklePatriciaTrie(requireStore(store), hashFunction, null);
    }
    return new MerklePatriciaTrie(requireStore(store), hashFunction, new HashNode(rootHash.toArray()));
  }

  /** The root of the empty trie, {@code hash(rlp(""))}; with Keccak-256, {@code 0x56e81f...b421}. */
  public static Hash emptyRoot(TrieHashFunction hashFunction) {
    return Hash.wrap(Node.digest(hashFunction, RLP_EMPTY_STRING));
  }

  public TrieHashFunction hashFunction() {
    return hashFunction;
  }

  public NodeStore store() {
    return store;
  }

  /** The value under {@code key}, if any (a copy). */
  public Optional<byte[]> get(byte[] key) {
    byte[] path = Nibbles.fromBytes(requireKey(key));
    Node node = root;
    int position = 0;
    while (node != null) {
      node = resolve(node);
      if (node instanceof LeafNode leaf) {
        return Nibbles.compare(Nibbles.slice(path, position, path.length), leaf.path) == 0
            ? Optional.of(leaf.value.clone())
            : Optional.empty();
      } else if (node instanceof ExtensionNode extension) {
        if (!Nibbles.startsWith(path, position, extension.path)) {
          return Optional.empty();
        }
        position += extension.path.length;
        node = extension.child;
      } else {
        BranchNode branch = (BranchNode) node;
        if (position == path.length) {
          return branch.value.length == 0 ? Optional.empty() : Optional.of(branch.value.clone());
        }
        node = branch.children[path[position++]];
      }
    }
    return Optional.empty();
  }

  /**
   * Sets {@code key} to {@code value}. An empty value deletes the key, as in Ethereum, where a
   * trie cannot hold an empty value (a storage slot set to zero disappears).
   */
  public void put(byte[] key, byte[] value) {
    if (value == null) {
      throw new IllegalArgumentException("trie: value is null; use delete");
    }
    if (value.length == 0) {
      delete(key);
      return;
    }
    root = insert(root, Nibbles.fromBytes(requireKey(key)), 0, value.clone());
  }

  /** Removes {@code key}; absent keys are ignored. Branches and extensions collapse as needed. */
  public void delete(byte[] key) {
    root = remove(root, Nibbles.fromBytes(requireKey(key)), 0);
  }

  /** The root hash over the current content, committed or not. */
  public Hash rootHash() {
    return root == null ? emptyRoot(hashFunction) : Hash.wrap(root.hash(hashFunction));
  }

  /**
   * Writes every node created since the last commit to the store in one {@link
   * NodeStore#putAll} and returns the root hash. The root is stored even when shorter than 32
   * bytes, so {@link #load} can always open it by hash.
   */
  public Hash commit() {
    if (root == null) {
      return emptyRoot(hashFunction);
    }
    Map<Hash, byte[]> batch = new LinkedHashMap<>();
    List<Node> written = new ArrayList<>();
    collectDirty(root, batch, written);
    Hash rootHash = rootHash();
    if (root.isEmbedded(hashFunction)) {
      batch.put(rootHash, root.encode(hashFunction));
    }
    if (!batch.isEmpty()) {
      store.putAll(batch);
    }
    // Only after the store accepted the batch: a failed write must be retried in full.
    for (Node node : written) {
      node.persisted = true;
    }
    return rootHash;
  }

  /**
   * The RLP encodings of the nodes on the path of {@code key}, root first: each node referenced
   * by hash appears once; embedded nodes are inside their parent. The list proves the value
   * under {@code key}, or its absence, against {@link #rootHash()} ({@link #verifyProof}).
   */
  public List<byte[]> proof(byte[] key) {
    byte[] path = Nibbles.fromBytes(requireKey(key));
    List<byte[]> nodes = new ArrayList<>();
    Node node = root;
    int position = 0;
    boolean first = true;
    while (node != null) {
      node = resolve(node);
      if (first || !node.isEmbedded(hashFunction)) {
        nodes.add(node.encode(hashFunction));
      }
      first = false;
      if (node instanceof ExtensionNode extension
          && Nibbles.startsWith(path, position, extension.path)) {
        position += extension.path.length;
        node = extension.child;
      } else if (node instanceof BranchNode branch && position < path.length) {
        node = branch.children[path[position++]];
      } else {
        node = null;
      }
    }
    return nodes;
  }

  /**
   * Checks a proof from an untrusted source: the value under {@code key} in the trie with root
   * {@code rootHash}, or empty for a proven absence. Anything that is not exactly a proof of
   * this key throws a {@link DecodingException} (a {@link ProofException} when the nodes decode
   * but do not link up) naming the proof node at fault.
   */
  public static Optional<byte[]> verifyProof(
      Hash rootHash, byte[] key, List<byte[]> proofNodes, TrieHashFunction hashFunction) {
    return ProofVerifier.verify(rootHash, key, proofNodes, hashFunction);
  }

  /** The smallest key strictly after {@code key}, for ordered iteration. */
  public Optional<byte[]> nextKey(byte[] key) {
    return TrieOrder.next(root, Nibbles.fromBytes(requireKey(key)), this::resolve);
  }

  /** The largest key strictly before {@code key}. */
  public Optional<byte[]> previousKey(byte[] key) {
    return TrieOrder.previous(root, Nibbles.fromBytes(requireKey(key)), this::resolve);
  }

  /** The smallest key in the trie (the empty key included), if the trie is not empty. */
  public Optional<byte[]> firstKey() {
    return TrieOrder.first(root, this::resolve);
  }

  private Node insert(Node node, byte[] path, int position, byte[] value) {
    if (node == null) {
      return new LeafNode(Nibbles.slice(path, position, path.length), value);
    }
    node = resolve(node);
    if (node instanceof BranchNode branch) {
      if (position == path.length) {
        return branch.withValue(value);
      }
      int nibble = path[position];
      return branch.withChild(nibble, insert(branch.children[nibble], path, position + 1, value));
    }
    byte[] nodePath = node instanceof LeafNode leaf ? leaf.path : ((ExtensionNode) node).path;
    int common = Nibbles.commonPrefix(nodePath, path, position);
    if (node instanceof LeafNode && common == nodePath.length && position + common == path.length) {
      return new LeafNode(nodePath, value);
    }
    if (node instanceof ExtensionNode extension && common == nodePath.length) {
      return new ExtensionNode(
          nodePath, insert(extension.child, path, position + common, value));
    }
    // The paths diverge after `common` nibbles: a branch there holds the old node and the new key.
    BranchNode branch = new BranchNode(new Node[BranchNode.RADIX], Nibbles.EMPTY);
    branch = placeRemainder(branch, node, nodePath, common);
    int newPosition = position + common;
    if (newPosition == path.length) {
      branch = branch.withValue(value);
    } else {
      branch =
          branch.withChild(
              path[newPosition],
              new LeafNode(Nibbles.slice(path, newPosition + 1, path.length), value));
    }
    return common == 0 ? branch : new ExtensionNode(Nibbles.slice(nodePath, 0, common), branch);
  }

  /** Re-hangs a leaf or extension below a new branch, after its first {@code common} nibbles. */
  private static BranchNode placeRemainder(BranchNode branch, Node node, byte[] nodePath, int common) {
    if (node instanceof LeafNode leaf) {
      if (common == nodePath.length) {
        return branch.withValue(leaf.value);
      }
      return branch.withChild(
          nodePath[common], new LeafNode(Nibbles.slice(nodePath, common + 1, nodePath.length), leaf.value));
    }
    ExtensionNode extension = (ExtensionNode) node;
    Node rest =
        common + 1 == nodePath.length
            ? extension.child
            : new ExtensionNode(Nibbles.slice(nodePath, common + 1, nodePath.length), extension.child);
    return branch.withChild(nodePath[common], rest);
  }

  private Node remove(Node node, byte[] path, int position) {
    if (node == null) {
      return null;
    }
    Node resolved = resolve(node);
    if (resolved instanceof LeafNode leaf) {
      return Nibbles.compare(Nibbles.slice(path, position, path.length), leaf.path) == 0 ? null : node;
    }
    if (resolved instanceof ExtensionNode extension) {
      if (!Nibbles.startsWith(path, position, extension.path)) {
        return node;
      }
      Node child = remove(extension.child, path, position + extension.path.length);
      if (child == extension.child) {
        return node;
      }
      return joinPath(extension.path, child);
    }
    BranchNode branch = (BranchNode) resolved;
    BranchNode updated;
    if (position == path.length) {
      if (branch.value.length == 0) {
        return node;
      }
      updated = branch.withValue(Nibbles.EMPTY);
    } else {
      int nibble = path[position];
      Node child = remove(branch.children[nibble], path, position + 1);
      if (child == branch.children[nibble]) {
        return node;
      }
      updated = branch.withChild(nibble, child);
    }
    return collapse(updated);
  }

  /** A branch left with one entry is no longer canonical: it becomes a leaf or an extension. */
  private Node collapse(BranchNode branch) {
    if (branch.entries() >= 2) {
      return branch;
    }
    if (branch.value.length > 0) {
      return new LeafNode(Nibbles.EMPTY, branch.value);
    }
    for (int nibble = 0; nibble < BranchNode.RADIX; nibble++) {
      if (branch.children[nibble] != null) {
        return joinPath(new byte[] {(byte) nibble}, branch.children[nibble]);
      }
    }
    return null;
  }

  /** The node for {@code prefix} followed by {@code child}, merging runs of path nibbles. */
  private Node joinPath(byte[] prefix, Node child) {
    if (child == null) {
      return null;
    }
    Node resolved = resolve(child);
    if (resolved instanceof LeafNode leaf) {
      return new LeafNode(Nibbles.concat(prefix, leaf.path), leaf.value);
    }
    if (resolved instanceof ExtensionNode extension) {
      return new ExtensionNode(Nibbles.concat(prefix, extension.path), extension.child);
    }
    // Keep the reference as it was: an unchanged stored branch need not be loaded or rewritten.
    return new ExtensionNode(prefix, child);
  }

  private void collectDirty(Node node, Map<Hash, byte[]> batch, List<Node> written) {
    if (node == null || node.persisted) {
      return;
    }
    if (node instanceof ExtensionNode extension) {
      collectDirty(extension.child, batch, written);
    } else if (node instanceof BranchNode branch) {
      for (Node child : branch.children) {
        collectDirty(child, batch, written);
      }
    }
    if (!node.isEmbedded(hashFunction)) {
      batch.put(Hash.wrap(node.hash(hashFunction)), node.encode(hashFunction));
    }
    written.add(node);
  }

  /** The node itself, or for a hash reference the node read from the store. */
  private Node resolve(Node node) {
    if (!(node instanceof HashNode)) {
      return node;
    }
    Hash hash = Hash.wrap(node.hash(hashFunction));
    byte[] encoded = store.get(hash).orElseThrow(() -> new MissingNodeException(hash));
    Node loaded = NodeCodec.decode(encoded, "trieNode " + hash.toHexString());
    loaded.loadedAs(hash.toArray(), encoded.length);
    markPersisted(loaded);
    return loaded;
  }

  /** A node read from the store is stored, and so are the embedded nodes inside its encoding. */
  private static void markPersisted(Node node) {
    node.persisted = true;
    if (node instanceof ExtensionNode extension) {
      markPersisted(extension.child);
    } else if (node instanceof BranchNode branch) {
      for (Node child : branch.children) {
        if (child != null) {
          markPersisted(child);
        }
      }
    }
  }

  private static byte[] requireKey(byte[] key) {
    if (key == null) {
      throw new IllegalArgumentException("trie: key is null");
    }
    if (key.length > KEY_BYTES_MAX) {
      throw new IllegalArgumentException(
          "trie: key of " + key.length + " bytes exceeds " + KEY_BYTES_MAX);
    }
    return key;
  }

  private static NodeStore requireStore(NodeStore store) {
    Invariants.check(store != null, "trie: node store is null");
    return store;
  }

  private static TrieHashFunction requireHash(TrieHashFunction hashFunction) {
    Invariants.check(hashFunction != null, "trie: hash function is null");
    return hashFunction;
  }
}

package org.xinlian.trie;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Ordered navigation: the key after or before a given key. Keys are whole bytes, so the
 * lexicographic order of nibble paths is the unsigned order of the keys, and a subtree whose
 * path prefix already compares greater (or smaller) than the target can be answered by its
 * smallest (or largest) key without visiting the rest.
 */
final class TrieOrder {
  private TrieOrder() {}

  static Optional<byte[]> first(Node root, UnaryOperator<Node> resolver) {
    return root == null
        ? Optional.empty()
        : Optional.of(Nibbles.toBytes(smallest(root, Nibbles.EMPTY, resolver)));
  }

  static Optional<byte[]> next(Node root, byte[] target, UnaryOperator<Node> resolver) {
    byte[] key = root == null ? null : after(root, Nibbles.EMPTY, target, resolver);
    return key == null ? Optional.empty() : Optional.of(Nibbles.toBytes(key));
  }

  static Optional<byte[]> previous(Node root, byte[] target, UnaryOperator<Node> resolver) {
    byte[] key = root == null ? null : before(root, Nibbles.EMPTY, target, resolver);
    return key == null ? Optional.empty() : Optional.of(Nibbles.toBytes(key));
  }

  /**
   * How the keys below {@code prefix} relate to {@code target}: 1 if all are greater, -1 if all
   * are smaller, 0 if {@code prefix} is a prefix of {@code target} and the subtree straddles it.
   */
  private static int side(byte[] prefix, byte[] target) {
    int length = Math.min(prefix.length, target.length);
    int order = Arrays.compare(prefix, 0, length, target, 0, length);
    if (order != 0) {
      return Integer.signum(order);
    }
    return prefix.length > target.length ? 1 : 0;
  }

  /** Smallest key below {@code node} (at {@code prefix}) that is greater than {@code target}. */
  private static byte[] after(Node node, byte[] prefix, byte[] target, UnaryOperator<Node> resolver) {
    int side = side(prefix, target);
    if (side > 0) {
      return smallest(node, prefix, resolver);
    }
    if (side < 0) {
      return null;
    }
    Node resolved = resolver.apply(node);
    if (resolved instanceof LeafNode leaf) {
      byte[] key = Nibbles.concat(prefix, leaf.path);
      return Nibbles.compare(key, target) > 0 ? key : null;
    }
    if (resolved instanceof ExtensionNode extension) {
      return after(extension.child, Nibbles.concat(prefix, extension.path), target, resolver);
    }
    // The branch's own value has key `prefix`, a prefix of the target, so it is not after it.
    BranchNode branch = (BranchNode) resolved;
    int from = prefix.length < target.length ? target[prefix.length] : 0;
    for (int nibble = from; nibble < BranchNode.RADIX; nibble++) {
      Node child = branch.children[nibble];
      if (child != null) {
        byte[] key = after(child, Nibbles.append(prefix, nibble), target, resolver);
        if (key != null) {
          return key;
        }
      }
    }
    return null;
  }

  /** Largest key below {@code node} (at {@code prefix}) that is smaller than {@code target}. */
  private static byte[] before(Node node, byte[] prefix, byte[] target, UnaryOperator<Node> resolver) {
    int side = side(prefix, target);
    if (side < 0) {
      return largest(node, prefix, resolver);
    }
    if (side > 0) {
      return null;
    }
    Node resolved = resolver.apply(node);
    if (resolved instanceof LeafNode leaf) {
      byte[] key = Nibbles.concat(prefix, leaf.path);
      return Nibbles.compare(key, target) < 0 ? key : null;
    }
    if (resolved instanceof ExtensionNode extension) {
      return before(extension.child, Nibbles.concat(prefix, extension.path), target, resolver);
    }
    BranchNode branch = (BranchNode) resolved;
    if (prefix.length < target.length) {
      for (int nibble = target[prefix.length]; nibble >= 0; nibble--) {
        Node child = branch.children[nibble];
        if (child != null) {
          byte[] key = before(child, Nibbles.append(prefix, nibble), target, resolver);
          if (key != null) {
            return key;
          }
        }
      }
      // `prefix` is a proper prefix of the target, hence smaller than it.
      return branch.value.length > 0 ? prefix : null;
    }
    return null;
  }

  private static byte[] smallest(Node node, byte[] prefix, UnaryOperator<Node> resolver) {
    Node resolved = resolver.apply(node);
    if (resolved instanceof LeafNode leaf) {
      return Nibbles.concat(prefix, leaf.path);
    }
    if (resolved instanceof ExtensionNode extension) {
      return smallest(extension.child, Nibbles.concat(prefix, extension.path), resolver);
    }
    BranchNode branch = (BranchNode) resolved;
    if (branch.value.length > 0) {
      return prefix;
    }
    for (int nibble = 0; nibble < BranchNode.RADIX; nibble++) {
      if (branch.children[nibble] != null) {
        return smallest(branch.children[nibble], Nibbles.append(prefix, nibble), resolver);
      }
    }
    return null;
  }

  private static byte[] largest(Node node, byte[] prefix, UnaryOperator<Node> resolver) {
    Node resolved = resolver.apply(node);
    if (resolved instanceof LeafNode leaf) {
      return Nibbles.concat(prefix, leaf.path);
    }
    if (resolved instanceof ExtensionNode extension) {
      return largest(extension.child, Nibbles.concat(prefix, extension.path), resolver);
    }
    BranchNode branch = (BranchNode) resolved;
    for (int nibble = BranchNode.RADIX - 1; nibble >= 0; nibble--) {
      if (branch.children[nibble] != null) {
        return largest(branch.children[nibble], Nibbles.append(prefix, nibble), resolver);
      }
    }
    return branch.value.length > 0 ? prefix : null;
  }
}

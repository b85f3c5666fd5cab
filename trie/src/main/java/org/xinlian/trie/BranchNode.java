package org.xinlian.trie;

import org.xinlian.types.rlp.RlpWriter;

/**
 * Sixteen children, one per next nibble, and the value of the key that ends here (empty when
 * none): {@code [child0, ..., child15, value]}, an absent child encoded as the empty string.
 */
final class BranchNode extends Node {
  static final int RADIX = 16;

  /** Sixteen entries, null where no key continues with that nibble. Never modified. */
  final Node[] children;
  final byte[] value;

  BranchNode(Node[] children, byte[] value) {
    this.children = children;
    this.value = value;
  }

  BranchNode withChild(int nibble, Node child) {
    Node[] copy = children.clone();
    copy[nibble] = child;
    return new BranchNode(copy, value);
  }

  BranchNode withValue(byte[] newValue) {
    return new BranchNode(children, newValue);
  }

  /** Children plus the value, if any: a canonical branch has at least two. */
  int entries() {
    int count = value.length == 0 ? 0 : 1;
    for (Node child : children) {
      if (child != null) {
        count++;
      }
    }
    return count;
  }

  @Override
  void encodeInto(RlpWriter writer, TrieHashFunction hashFunction) {
    writer.startList();
    for (Node child : children) {
      if (child == null) {
        writer.writeBytes(Nibbles.EMPTY);
      } else {
        child.writeReference(writer, hashFunction);
      }
    }
    writer.writeBytes(value);
    writer.endList();
  }
}

package org.xinlian.trie;

import org.xinlian.types.rlp.RlpWriter;

/** A run of nibbles shared by every key below, then a branch ({@code [hexPrefix(path), child]}). */
final class ExtensionNode extends Node {
  final byte[] path;
  final Node child;

  ExtensionNode(byte[] path, Node child) {
    this.path = path;
    this.child = child;
  }

  @Override
  void encodeInto(RlpWriter writer, TrieHashFunction hashFunction) {
    writer.startList();
    writer.writeBytes(Nibbles.compact(path, false));
    child.writeReference(writer, hashFunction);
    writer.endList();
  }
}

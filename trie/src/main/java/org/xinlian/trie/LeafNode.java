package org.xinlian.trie;

import org.xinlian.types.rlp.RlpWriter;

/** The end of a key: the rest of its path and the value ({@code [hexPrefix(path, leaf), value]}). */
final class LeafNode extends Node {
  final byte[] path;
  final byte[] value;

  LeafNode(byte[] path, byte[] value) {
    this.path = path;
    this.value = value;
  }

  @Override
  void encodeInto(RlpWriter writer, TrieHashFunction hashFunction) {
    writer.startList();
    writer.writeBytes(Nibbles.compact(path, true));
    writer.writeBytes(value);
    writer.endList();
  }
}

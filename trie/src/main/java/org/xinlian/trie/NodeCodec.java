package org.xinlian.trie;

import java.util.ArrayList;
import java.util.List;
import org.xinlian.common.DecodingException;
import org.xinlian.types.rlp.RlpReader;

/**
 * Strict decoding of node encodings read from a store or a proof. Only what {@link Node#encode}
 * can produce is accepted, so a decoded node re-encodes to the same bytes (and hash): a list of 2
 * or 17 items, a valid hex-prefix path, children that are empty, a 32-byte hash or an embedded
 * node under 32 bytes, no empty leaf value, no empty extension path, no extension whose embedded
 * child is not a branch, and no branch with fewer than two entries.
 */
final class NodeCodec {
  private static final int SHORT_NODE_ITEMS = 2;
  private static final int BRANCH_NODE_ITEMS = BranchNode.RADIX + 1;

  private NodeCodec() {}

  static Node decode(byte[] encoded, String field) {
    RlpReader reader = RlpReader.ofList(encoded, field);
    List<byte[]> items = new ArrayList<>(BRANCH_NODE_ITEMS);
    while (reader.hasNext()) {
      if (items.size() == BRANCH_NODE_ITEMS) {
        throw new DecodingException(field, "a node has 2 or 17 items, not more");
      }
      items.add(reader.readEncoded(field + "[" + items.size() + "]"));
    }
    if (items.size() == SHORT_NODE_ITEMS) {
      return decodeShort(items, field);
    }
    if (items.size() == BRANCH_NODE_ITEMS) {
      return decodeBranch(items, field);
    }
    throw new DecodingException(field, "a node has 2 or 17 items, not " + items.size());
  }

  private static Node decodeShort(List<byte[]> items, String field) {
    String pathField = field + ".path";
    Nibbles.Compact compact =
        Nibbles.decodeCompact(RlpReader.of(items.get(0), pathField).readBytes(pathField), pathField);
    if (compact.leaf()) {
      String valueField = field + ".value";
      byte[] value = RlpReader.of(items.get(1), valueField).readBytes(valueField);
      if (value.length == 0) {
        throw new DecodingException(valueField, "a leaf holds a non-empty value");
      }
      return new LeafNode(compact.path(), value);
    }
    if (compact.path().length == 0) {
      throw new DecodingException(pathField, "an extension has a non-empty path");
    }
    String childField = field + ".child";
    Node child = decodeChild(items.get(1), childField);
    if (child == null) {
      throw new DecodingException(childField, "an extension has a child");
    }
    if (!(child instanceof BranchNode || child instanceof HashNode)) {
      throw new DecodingException(childField, "an extension leads to a branch");
    }
    return new ExtensionNode(compact.path(), child);
  }

  private static Node decodeBranch(List<byte[]> items, String field) {
    Node[] children = new Node[BranchNode.RADIX];
    for (int i = 0; i < BranchNode.RADIX; i++) {
      children[i] = decodeChild(items.get(i), field + "[" + i + "]");
    }
    String valueField = field + ".value";
    byte[] value = RlpReader.of(items.get(BranchNode.RADIX), valueField).readBytes(valueField);
    BranchNode branch = new BranchNode(children, value);
    if (branch.entries() < 2) {
      throw new DecodingException(field, "a branch holds at least two of children and value");
    }
    return branch;
  }

  /** A child reference: empty (null), a 32-byte hash, or an embedded node under 32 bytes. */
  private static Node decodeChild(byte[] item, String field) {
    RlpReader reader = RlpReader.of(item, field);
    if (reader.nextIsList(field)) {
      if (item.length > Node.EMBEDDED_BYTES_MAX) {
        throw new DecodingException(
            field, "an embedded node of " + item.length + " bytes must be referenced by hash");
      }
      return decode(item, field);
    }
    byte[] reference = reader.readBytes(field);
    if (reference.length == 0) {
      return null;
    }
    if (reference.length != TrieHashFunction.DIGEST_BYTES) {
      throw new DecodingException(
          field, "a child reference is empty or 32 bytes, not " + reference.length);
    }
    return new HashNode(reference);
  }
}

package org.xinlian.trie;

import java.util.ArrayList;
import java.util.List;
import org.xinlian.common.DecodingException;
import org.xinlian.common.Hash;

/**
 * What one stored node refers to, without a trie around it: the hashes of the child nodes it
 * references and the values it holds (embedded nodes included). Walking a store node by node with
 * this is how a pruner marks everything a root reaches and how a verifier checks a state is
 * complete, without loading whole tries or paying a lookup per key.
 */
public final class TrieNodes {
  private TrieNodes() {}

  /**
   * The references and values of a node encoding.
   *
   * @param children hashes of the nodes referenced by hash, which live in the store on their own
   * @param values the leaf and branch values inside the node
   */
  public record NodeContent(List<Hash> children, List<byte[]> values) {
    public NodeContent {
      children = List.copyOf(children);
      values = List.copyOf(values);
    }
  }

  /**
   * Decodes {@code encodedNode} strictly (as the trie does) and lists what it refers to.
   *
   * @throws DecodingException naming {@code field} when the bytes are not a canonical node
   */
  public static NodeContent content(byte[] encodedNode, String field) {
    if (encodedNode == null) {
      throw new DecodingException(field, "missing node");
    }
    List<Hash> children = new ArrayList<>();
    List<byte[]> values = new ArrayList<>();
    collect(NodeCodec.decode(encodedNode, field), children, values);
    return new NodeContent(children, values);
  }

  private static void collect(Node node, List<Hash> children, List<byte[]> values) {
    if (node instanceof HashNode reference) {
      children.add(Hash.wrap(reference.hash(null)));
    } else if (node instanceof LeafNode leaf) {
      values.add(leaf.value.clone());
    } else if (node instanceof ExtensionNode extension) {
      collect(extension.child, children, values);
    } else if (node instanceof BranchNode branch) {
      for (Node child : branch.children) {
        if (child != null) {
          collect(child, children, values);
        }
      }
      if (branch.value.length > 0) {
        values.add(branch.value.clone());
      }
    }
  }
}

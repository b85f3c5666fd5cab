package org.xinlian.trie;

import org.xinlian.common.DecodingException;

/**
 * A Merkle proof is well-formed RLP but does not prove anything about the key: a node's hash does
 * not match the reference that leads to it, the path needs a node the proof lacks, or nodes are
 * left over. It is a {@link DecodingException} so callers handle every rejection of received proof
 * bytes in one place; the field names the proof node at fault, such as {@code proof[2]}.
 */
public final class ProofException extends DecodingException {
  private static final long serialVersionUID = 1L;

  public ProofException(String field, String problem) {
    super(field, problem);
  }
}

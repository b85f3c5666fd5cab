package org.xinlian.trie;

import org.xinlian.common.Hash;

/**
 * A node the trie needs is not in its {@link NodeStore}: the store is incomplete (pruned, partly
 * synchronised, or the root was never committed there). It names the hash so an operator or a
 * state-sync process knows exactly what to fetch.
 */
public final class MissingNodeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Hash hash;

  public MissingNodeException(Hash hash) {
    super("trie node " + hash.toHexString() + " is missing from the node store");
    this.hash = hash;
  }

  /** The hash of the missing node. */
  public Hash hash() {
    return hash;
  }
}

package org.xinlian.ledger.verify;

import java.util.Objects;

/**
 * One inconsistency found by {@link LedgerVerifier}: what is wrong and exactly where, so an
 * operator can tell a flipped bit in one receipt from a lost batch and act on it.
 *
 * @param blockNumber the block the entry belongs to (for state, the head), or {@link #NO_BLOCK}
 * @param namespace the namespace holding the entry at fault
 * @param key the entry's key in hex (a block hash, a number key, a node or code hash)
 * @param problem what is wrong, with the expected and the found value where both are known
 */
public record Mismatch(long blockNumber, String namespace, String key, String problem) {
  /** The block number of a mismatch that concerns no particular block. */
  public static final long NO_BLOCK = -1;

  public Mismatch {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(problem, "problem");
  }

  /** One line: {@code block 5 bodies 0x1234...: problem}. */
  @Override
  public String toString() {
    String block = blockNumber == NO_BLOCK ? "" : "block " + blockNumber + " ";
    return block + namespace + " " + key + ": " + problem;
  }
}

package org.xinlian.testkit;

/**
 * How a Byzantine validator misbehaves. Except {@link #SILENT}, it runs an honest engine inside
 * (so it knows the height, round and blocks) and corrupts what that engine sends; all but {@link
 * #WRONG_SIGNATURES} and {@link #GARBAGE} also answer catch-up requests with a forged block.
 */
public enum ByzantineBehaviour {
  /** Sends nothing at all: a crashed or withholding validator. */
  SILENT,
  /** As proposer, sends one valid block to some peers and another valid block to the others. */
  EQUIVOCATING_PROPOSER,
  /** Votes for its block to some peers and for another hash to others (some get both). */
  DOUBLE_VOTER,
  /** As proposer, proposes a properly signed block whose state root is wrong. */
  INVALID_BLOCKS,
  /** Sends its messages with corrupted bytes or signed by a key that is not a validator's. */
  WRONG_SIGNATURES,
  /** Adds random bytes and well-formed messages with garbage fields to what it sends. */
  GARBAGE,
  /** Picks one of the behaviours above (except silence) for each message. */
  MIXED
}

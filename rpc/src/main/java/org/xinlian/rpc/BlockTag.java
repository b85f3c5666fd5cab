package org.xinlian.rpc;

import org.xinlian.common.Invariants;

/**
 * A block parameter as Ethereum tools send it: a named tag or a block number. The meaning of each
 * tag on a BFT chain (where a committed block is final) is decided by the ledger side.
 *
 * @param kind the tag, or NUMBER
 * @param number the block number when kind is NUMBER, otherwise -1
 */
public record BlockTag(Kind kind, long number) {
  /** The block tags of the Ethereum execution API, plus an explicit number. */
  public enum Kind {
    LATEST,
    PENDING,
    SAFE,
    FINALIZED,
    EARLIEST,
    NUMBER
  }

  public static final BlockTag LATEST = new BlockTag(Kind.LATEST, -1);
  public static final BlockTag PENDING = new BlockTag(Kind.PENDING, -1);
  public static final BlockTag SAFE = new BlockTag(Kind.SAFE, -1);
  public static final BlockTag FINALIZED = new BlockTag(Kind.FINALIZED, -1);
  public static final BlockTag EARLIEST = new BlockTag(Kind.EARLIEST, -1);

  public BlockTag {
    Invariants.check(kind != null, "block tag kind is required");
    Invariants.check(
        kind == Kind.NUMBER ? number >= 0 : number == -1,
        "block tag %s with number %s",
        kind,
        number);
  }

  public static BlockTag number(long number) {
    return new BlockTag(Kind.NUMBER, number);
  }
}

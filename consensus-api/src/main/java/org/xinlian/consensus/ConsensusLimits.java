package org.xinlian.consensus;

import org.xinlian.types.rlp.Rlp;

/** Bounds every consensus decoder and buffer enforces, so hostile input cannot grow memory. */
public final class ConsensusLimits {
  /**
   * Highest round number accepted. Rounds grow by one per timeout; at a minute per round this is
   * about two years of failed rounds at one height, while a hostile number can never overflow.
   */
  public static final int ROUND_MAX = 1_000_000;

  /** Largest compact signature: an SM2 signature with its embedded public key. */
  public static final int SIGNATURE_BYTES_MAX = 128;

  /** Largest encoded consensus message: a proposal carries a whole block and its justification. */
  public static final int MESSAGE_BYTES_MAX = Rlp.RLP_INPUT_BYTES_MAX;

  private ConsensusLimits() {}
}

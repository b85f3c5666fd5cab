package org.xinlian.consensus;

/**
 * Why the engine dropped a message. Each is counted in {@link EngineStatus#dropped()}; none stops
 * the engine (docs/spec/consensus.md CONSENSUS-14).
 */
public enum DropReason {
  /** The bytes do not decode (truncated, oversized, non-canonical, unknown type). */
  MALFORMED,
  /** The signature verifies against no key. */
  BAD_SIGNATURE,
  /** The signer is not a validator of the message's height. */
  NOT_A_VALIDATOR,
  /** A proposal signed by a validator that is not the round's proposer. */
  WRONG_PROPOSER,
  /** A second, different vote or proposal by the same validator for the same height, round and kind. */
  EQUIVOCATION,
  /** The same message again (a retransmission or duplicate delivery). */
  DUPLICATE,
  /** The application rejected the proposed block. */
  INVALID_BLOCK,
  /** A proposal whose round changes and prepares do not justify it. */
  INVALID_JUSTIFICATION,
  /** A round change whose prepared certificate does not hold. */
  INVALID_ROUND_CHANGE,
  /** A decided block whose commit certificate does not verify. */
  INVALID_CERTIFICATE,
  /** For a height already committed or a round already left. */
  STALE,
  /** For a round too far ahead of this node's to keep. */
  ROUND_TOO_FAR_AHEAD,
  /** For a height too far ahead of this node's to buffer. */
  HEIGHT_TOO_FAR_AHEAD,
  /** For a near future height, but the buffer for such messages is full. */
  FUTURE_BUFFER_FULL,
  /** A catch-up request beyond what this node answers per peer and retransmission period. */
  RATE_LIMITED,
  /**
   * A block beyond the most this node executes per height ({@code BLOCK_EXECUTIONS_MAX}): honest
   * validators never propose that many, so only a faulty set could get here.
   */
  EXECUTION_LIMIT
}

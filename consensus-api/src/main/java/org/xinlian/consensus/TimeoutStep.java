package org.xinlian.consensus;

/** The kinds of timers the engine schedules (docs/spec/consensus.md CONSENSUS-5, CONSENSUS-6). */
public enum TimeoutStep {
  /** The pause between committing a block and proposing the next: the block interval. */
  PROPOSAL_DELAY,
  /** The round's deadline: when it elapses the validator moves to the next round. */
  ROUND,
  /** Periodic retransmission of this validator's messages of the current round. */
  RETRANSMIT
}

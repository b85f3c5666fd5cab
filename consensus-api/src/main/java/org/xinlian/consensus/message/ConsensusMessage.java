package org.xinlian.consensus.message;

/**
 * A message validators exchange (docs/spec/consensus.md CONSENSUS-9). Proposals, votes and round
 * changes are signed by their sender and can be relayed by anyone; catch-up requests are not
 * signed, and a decided block carries its own proof, the commit certificate.
 */
public sealed interface ConsensusMessage
    permits Proposal, Vote, RoundChange, CommitRequest, DecidedBlock {
  /** The height the message is about. */
  long height();
}

package org.xinlian.consensus.bft;

import java.util.ArrayList;
import java.util.List;
import org.xinlian.common.Hash;
import org.xinlian.consensus.message.ConsensusMessage;
import org.xinlian.consensus.message.Proposal;
import org.xinlian.consensus.message.RoundChange;
import org.xinlian.consensus.message.SignedRoundChange;
import org.xinlian.consensus.message.Vote;
import org.xinlian.consensus.message.VoteKind;

/**
 * What one validator knows and did in one round of one height: the proposal it accepted, the
 * votes it counted, and the messages it signed (at most one of each kind, which the write-ahead
 * state preserves across restarts). While the application executes the round's proposal, the
 * proposal waits here and the round's deadline waits for it (CONSENSUS-20).
 */
final class Round {
  final int number;
  final VoteTally prepares = new VoteTally();
  final VoteTally commits = new VoteTally();
  Proposal proposal;
  Hash proposalHash;
  Proposal sentProposal;
  Vote sentPrepare;
  Vote sentCommit;
  RoundChange sentRoundChange;
  /** A justified proposal whose block the application is executing; at most one per round. */
  Proposal pendingProposal;
  Hash pendingProposalHash;
  /** The round's deadline passed while its proposal was executing: it waits for the verdict. */
  boolean deadlineWaiting;
  /** The deadline was granted again once after an execution; it never waits a second time. */
  boolean deadlineExtended;
  /** This node asked the application to build its proposal for the round. */
  boolean buildRequested;
  /** The round changes that justify the proposal being built (empty in round 0). */
  List<SignedRoundChange> buildJustification = List.of();

  Round(int number) {
    this.number = number;
  }

  VoteTally tally(Vote vote) {
    return vote.kind() == VoteKind.PREPARE ? prepares : commits;
  }

  /** The messages this validator signed in the round, for retransmission. */
  List<ConsensusMessage> sent() {
    List<ConsensusMessage> sent = new ArrayList<>(4);
    if (sentRoundChange != null) {
      sent.add(sentRoundChange);
    }
    if (sentProposal != null) {
      sent.add(sentProposal);
    }
    if (sentPrepare != null) {
      sent.add(sentPrepare);
    }
    if (sentCommit != null) {
      sent.add(sentCommit);
    }
    return sent;
  }
}

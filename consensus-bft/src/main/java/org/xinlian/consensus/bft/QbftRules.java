package org.xinlian.consensus.bft;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.xinlian.common.Address;
import org.xinlian.common.Hash;
import org.xinlian.common.Invariants;
import org.xinlian.consensus.CommitCertificate;
import org.xinlian.consensus.CommittedBlock;
import org.xinlian.consensus.ConsensusAction;
import org.xinlian.consensus.DropReason;
import org.xinlian.consensus.PreparedRound;
import org.xinlian.consensus.ProposalRequest;
import org.xinlian.consensus.Timeout;
import org.xinlian.consensus.TimeoutStep;
import org.xinlian.consensus.message.PreparedCertificate;
import org.xinlian.consensus.message.Proposal;
import org.xinlian.consensus.message.RoundChange;
import org.xinlian.consensus.message.SignedRoundChange;
import org.xinlian.consensus.message.Vote;
import org.xinlian.crypto.Signature;
import org.xinlian.types.block.Block;

/**
 * The QBFT rules of one height (docs/spec/consensus.md CONSENSUS-10 to CONSENSUS-12): accept a
 * justified proposal and prepare it; on a quorum of prepares lock and commit; on a quorum of
 * commits decide; on a round's deadline move on and announce the lock in a round change; follow
 * a weak quorum of round changes to a higher round; as the next proposer, re-propose the highest
 * prepared block a quorum of round changes reports. Every message given here is authenticated:
 * its signer is a validator of the height.
 */
final class QbftRules {
  private final EngineContext context;

  QbftRules(EngineContext context) {
    this.context = context;
  }

  void onProposal(Height height, Proposal proposal, Hash blockHash, Address signer) {
    if (!signer.equals(height.validators.proposer(height.number, proposal.round()))) {
      context.counters().drop(DropReason.WRONG_PROPOSER);
      return;
    }
    Optional<Round> kept = height.keep(proposal.round());
    if (kept.isEmpty()) {
      context.counters().drop(proposal.round() > height.round
          ? DropReason.ROUND_TOO_FAR_AHEAD : DropReason.STALE);
      return;
    }
    Round round = kept.get();
    Hash held = round.proposal != null ? round.proposalHash : round.pendingProposalHash;
    if (held != null) {
      context.counters().drop(held.equals(blockHash) ? DropReason.DUPLICATE : DropReason.EQUIVOCATION);
      return;
    }
    if (!signer.equals(height.self)) {
      if (!context.justifications().proposalJustified(proposal, blockHash, height.validators)) {
        context.counters().drop(DropReason.INVALID_JUSTIFICATION);
        return;
      }
      if (!context.application().bodyMatchesHeader(proposal.block())) {
        // A valid header with another body: not this proposal's block, and not recorded, so the
        // genuine copy is still taken when it comes.
        context.counters().drop(DropReason.INVALID_BLOCK);
        return;
      }
      BlockVerdict verdict = verdict(height, proposal.block(), blockHash);
      if (verdict == BlockVerdict.PENDING) {
        // Executing off the engine's thread: votes and timers keep flowing meanwhile.
        round.pendingProposal = proposal;
        round.pendingProposalHash = blockHash;
        return;
      }
      if (verdict != BlockVerdict.ACCEPTED) {
        context.counters().drop(verdict == BlockVerdict.OVER_LIMIT
            ? DropReason.EXECUTION_LIMIT : DropReason.INVALID_BLOCK);
        return;
      }
    }
    accept(height, round, proposal, blockHash);
  }

  /** Records a checked proposal and votes for it if its round is still current. */
  private void accept(Height height, Round round, Proposal proposal, Hash blockHash) {
    round.proposal = proposal;
    round.proposalHash = blockHash;
    if (proposal.round() < height.round) {
      // Too late to vote for, but its block may be the one a quorum of commits of that round seals.
      checkCommitted(height, round);
      return;
    }
    if (proposal.round() > height.round) {
      moveToRound(height, proposal.round(), false);
    }
    if (height.validator && round.sentPrepare == null) {
      round.sentPrepare = context.signer().prepare(height.number, round.number, blockHash);
      context.sendSigned(round.sentPrepare);
    }
    checkPrepared(height, round);
    checkCommitted(height, round);
  }

  /**
   * The application's verdict on a block of this height came back: the proposal that waited for
   * it is accepted or dropped, a deadline that waited for it is granted once more (or, for a
   * rejected block, passes now), and blocks that round changes carry may complete a decision.
   */
  void onBlockExecuted(Height height, Hash blockHash, boolean accepted) {
    if (!height.executing.remove(blockHash)) {
      return;
    }
    height.verdicts.put(blockHash, accepted);
    for (Round round : height.roundsSnapshot()) {
      if (round.pendingProposal == null || !round.pendingProposalHash.equals(blockHash)) {
        continue;
      }
      Proposal proposal = round.pendingProposal;
      round.pendingProposal = null;
      round.pendingProposalHash = null;
      boolean deadlineWaited = round.deadlineWaiting;
      round.deadlineWaiting = false;
      if (accepted) {
        accept(height, round, proposal, blockHash);
      } else {
        context.counters().drop(DropReason.INVALID_BLOCK);
      }
      if (deadlineWaited && round.number == height.round && !height.decided()) {
        if (accepted) {
          // The quorum executed the same block for as long: give its votes a whole round.
          round.deadlineExtended = true;
          context.schedule(new Timeout(height.number, round.number, TimeoutStep.ROUND),
              context.settings().roundTimeoutMillis(round.number));
        } else {
          onRoundTimeout(height, round.number);
        }
      }
    }
    for (Round round : height.roundsSnapshot()) {
      checkCommitted(height, round);
    }
  }

  /**
   * What is known of {@code block}'s validity at this height; an unknown block goes to the
   * application, once, and is PENDING until its verdict arrives.
   */
  BlockVerdict verdict(Height height, Block block, Hash blockHash) {
    if (block.header().number() != height.number
        || !block.header().parentHash().equals(height.parentHash)) {
      return BlockVerdict.REJECTED;
    }
    Boolean known = height.verdicts.get(blockHash);
    if (known != null) {
      return known ? BlockVerdict.ACCEPTED : BlockVerdict.REJECTED;
    }
    if (height.executing.contains(blockHash)) {
      return BlockVerdict.PENDING;
    }
    if (height.executing.size() + height.verdicts.size() >= Height.BLOCK_EXECUTIONS_MAX) {
      return BlockVerdict.OVER_LIMIT;
    }
    height.executing.add(blockHash);
    context.askApplication(new ConsensusAction.ExecuteBlock(block, blockHash));
    return BlockVerdict.PENDING;
  }

  void onVote(Height height, Vote vote, Address signer) {
    Optional<Round> kept = height.keep(vote.round());
    if (kept.isEmpty()) {
      context.counters().drop(vote.round() > height.round
          ? DropReason.ROUND_TOO_FAR_AHEAD : DropReason.STALE);
      return;
    }
    Round round = kept.get();
    VoteTally.Outcome outcome =
        round.tally(vote).add(signer, height.validators.powerOf(signer), vote);
    if (outcome != VoteTally.Outcome.ADDED) {
      context.counters().drop(outcome == VoteTally.Outcome.DUPLICATE
          ? DropReason.DUPLICATE : DropReason.EQUIVOCATION);
      return;
    }
    checkPrepared(height, round);
    checkCommitted(height, round);
  }

  void onRoundChange(Height height, RoundChange change, Address signer) {
    RoundChange previous = height.roundChanges.get(signer);
    if (previous != null && previous.round() >= change.round()) {
      context.counters().drop(previous.equals(change) ? DropReason.DUPLICATE
          : previous.round() == change.round() ? DropReason.EQUIVOCATION : DropReason.STALE);
      return;
    }
    if (!signer.equals(height.self)
        && (!context.justifications().roundChangeValid(change, height.validators)
            || change.certificate().filter(certificate ->
                !context.application().bodyMatchesHeader(certificate.block())).isPresent())) {
      context.counters().drop(DropReason.INVALID_ROUND_CHANGE);
      return;
    }
    height.roundChanges.put(signer, change);
    followRoundChanges(height);
    proposeAfterRoundChange(height);
  }

  void onRoundTimeout(Height height, int roundNumber) {
    if (height.decided() || roundNumber != height.round) {
      return;
    }
    Round round = height.current();
    if (round.pendingProposal != null && !round.deadlineExtended) {
      // Its proposal is still executing: expiring now would throw away the work every honest
      // validator is doing on the same block (CONSENSUS-20). The verdict decides what follows.
      round.deadlineWaiting = true;
      context.counters().deadlinesDeferred++;
      return;
    }
    moveToRound(height, roundNumber + 1, true);
    followRoundChanges(height);
  }

  /** The round-0 proposal, once the block interval has passed. */
  void proposeFirst(Height height) {
    Round round = height.current();
    if (height.decided() || height.round != 0 || !height.validator || round.sentProposal != null
        || !height.self.equals(height.validators.proposer(height.number, 0))) {
      return;
    }
    requestBuild(height, round, List.of());
  }

  /** Asks the application for this node's block; {@link #onBlockBuilt} proposes it. */
  private void requestBuild(Height height, Round round, List<SignedRoundChange> justification) {
    if (round.buildRequested) {
      return;
    }
    round.buildRequested = true;
    round.buildJustification = List.copyOf(justification);
    context.askApplication(new ConsensusAction.BuildBlock(
        new ProposalRequest(height.number, round.number, height.parentHash, height.self)));
  }

  /** The block this node asked for is built: propose it if its round is still current. */
  void onBlockBuilt(Height height, ProposalRequest request, Block block) {
    Optional<Round> kept = height.existing(request.round());
    if (height.decided() || request.height() != height.number || kept.isEmpty()
        || kept.get().number != height.round || kept.get().sentProposal != null
        || !kept.get().buildRequested) {
      return;
    }
    Invariants.check(block.header().number() == height.number
            && block.header().parentHash().equals(height.parentHash),
        "the application built block %d on %s, expected %d on %s", block.header().number(),
        block.header().parentHash(), height.number, height.parentHash);
    Round round = kept.get();
    Hash hash = block.hash(context.suite());
    height.verdicts.put(hash, true);
    round.sentProposal = context.signer().proposal(
        height.number, round.number, block, hash, round.buildJustification, List.of());
    context.sendSigned(round.sentProposal);
  }

  /**
   * Enters a higher round: a fresh deadline (longer as rounds grow) and retransmission timer,
   * and, unless a justified proposal brought this node here, a round change announcing its lock.
   */
  void moveToRound(Height height, int roundNumber, boolean announce) {
    Invariants.check(roundNumber > height.round, "round %d is not after %d", roundNumber,
        height.round);
    height.round = roundNumber;
    Round round = height.keep(roundNumber).orElseThrow();
    context.counters().roundChanges++;
    scheduleRound(height);
    if (announce && height.validator && round.sentRoundChange == null) {
      Optional<PreparedRound> prepared = Optional.ofNullable(height.lock).map(Lock::prepared);
      SignedRoundChange signed =
          context.signer().roundChange(height.number, roundNumber, prepared);
      round.sentRoundChange = new RoundChange(
          signed, Optional.ofNullable(height.lock).map(Lock::certificate));
      context.sendSigned(round.sentRoundChange);
    }
    proposeAfterRoundChange(height);
  }

  void scheduleRound(Height height) {
    context.schedule(new Timeout(height.number, height.round, TimeoutStep.ROUND),
        context.settings().roundTimeoutMillis(height.round));
    context.schedule(new Timeout(height.number, height.round, TimeoutStep.RETRANSMIT),
        context.settings().retransmitIntervalMillis());
  }

  /** On a quorum of prepares for the accepted proposal of the current round: lock, then commit. */
  private void checkPrepared(Height height, Round round) {
    if (round.number != height.round || !height.validator || round.proposal == null
        || round.sentCommit != null || height.decided()
        || !height.validators.isQuorum(round.prepares.power(round.proposalHash))) {
      return;
    }
    PreparedCertificate certificate = new PreparedCertificate(
        round.proposal.block(), round.prepares.votesFor(round.proposalHash));
    height.lock = new Lock(new PreparedRound(round.number, round.proposalHash), certificate);
    round.sentCommit = context.signer().commit(height.number, round.number, round.proposalHash);
    context.sendSigned(round.sentCommit);
  }

  /** On a quorum of commits in any kept round, once the block is known: decide (CONSENSUS-10). */
  private void checkCommitted(Height height, Round round) {
    if (height.decided()) {
      return;
    }
    Optional<Hash> sealed = round.commits.quorumHash(height.validators);
    if (sealed.isEmpty()) {
      return;
    }
    Hash hash = sealed.get();
    Optional<Block> block = knownBlock(height, hash);
    if (block.isEmpty()) {
      return;
    }
    List<Signature> seals = new ArrayList<>();
    for (Vote vote : round.commits.votesFor(hash)) {
      seals.add(vote.signature());
    }
    height.decision = new CommittedBlock(
        block.get(), new CommitCertificate(height.number, round.number, hash, seals));
  }

  /**
   * A block with {@code hash} this node has already checked: an accepted proposal or its lock.
   * Blocks seen only inside round changes are checked with the application first.
   */
  private Optional<Block> knownBlock(Height height, Hash hash) {
    for (Round round : height.rounds()) {
      if (round.proposal != null && round.proposalHash.equals(hash)) {
        return Optional.of(round.proposal.block());
      }
    }
    if (height.lock != null && height.lock.prepared().blockHash().equals(hash)) {
      return Optional.of(height.lock.certificate().block());
    }
    for (RoundChange change : height.roundChanges.values()) {
      if (change.signed().prepared().filter(p -> p.blockHash().equals(hash)).isPresent()) {
        Block block = change.certificate().orElseThrow().block();
        if (verdict(height, block, hash) == BlockVerdict.ACCEPTED) {
          return Optional.of(block);
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Round changes of validators holding more than a third of the power for rounds above this
   * node's include an honest validator's: follow to the highest round they all reached.
   */
  private void followRoundChanges(Height height) {
    if (height.decided()) {
      return;
    }
    List<Map.Entry<Address, RoundChange>> ahead = new ArrayList<>();
    for (Map.Entry<Address, RoundChange> entry : height.roundChanges.entrySet()) {
      if (entry.getValue().round() > height.round) {
        ahead.add(entry);
      }
    }
    ahead.sort(Comparator.comparingInt(
        (Map.Entry<Address, RoundChange> entry) -> entry.getValue().round()).reversed());
    long power = 0;
    for (Map.Entry<Address, RoundChange> entry : ahead) {
      power += height.validators.powerOf(entry.getKey());
      if (height.validators.isWeakQuorum(power)) {
        moveToRound(height, entry.getValue().round(), true);
        return;
      }
    }
  }

  /**
   * As the proposer of the current round above 0, once round changes of a quorum are in: propose
   * the block prepared in the highest round they report, or a new block when none does.
   */
  private void proposeAfterRoundChange(Height height) {
    Round round = height.current();
    if (height.decided() || height.round == 0 || !height.validator || round.sentProposal != null
        || !height.self.equals(height.validators.proposer(height.number, height.round))) {
      return;
    }
    List<RoundChange> quorum = new ArrayList<>();
    long power = 0;
    for (Address signer : new TreeSet<>(height.roundChanges.keySet())) {
      RoundChange change = height.roundChanges.get(signer);
      if (change.round() == height.round) {
        quorum.add(change);
        power += height.validators.powerOf(signer);
      }
    }
    if (!height.validators.isQuorum(power)) {
      return;
    }
    Optional<RoundChange> highest = quorum.stream()
        .filter(change -> change.signed().prepared().isPresent())
        .max(Comparator.comparingInt(change -> change.signed().prepared().get().round()));
    List<SignedRoundChange> justification = quorum.stream().map(RoundChange::signed).toList();
    if (highest.isEmpty()) {
      requestBuild(height, round, justification);
      return;
    }
    PreparedCertificate certificate = highest.get().certificate().orElseThrow();
    round.sentProposal = context.signer().proposal(height.number, height.round,
        certificate.block(), highest.get().signed().prepared().get().blockHash(), justification,
        certificate.prepares());
    context.sendSigned(round.sentProposal);
  }
}

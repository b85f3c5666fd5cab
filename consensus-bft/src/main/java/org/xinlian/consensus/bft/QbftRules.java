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
import org.xinlian.consensus.DropReason;
import org.xinlian.consensus.PreparedRound;
import org.xinlian.consensus.ProposalRequest;
import org.xinlian.consensus.ProposalVerdict;
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
    if (round.proposal != null) {
      context.counters().drop(round.proposalHash.equals(blockHash)
          ? DropReason.DUPLICATE : DropReason.EQUIVOCATION);
      return;
    }
    if (!signer.equals(height.self) && !valid(height, proposal, blockHash)) {
      return;
    }
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
        && !context.justifications().roundChangeValid(change, height.validators)) {
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
    Block block = buildBlock(height);
    round.sentProposal = context.signer().proposal(
        height.number, 0, block, block.hash(context.suite()), List.of(), List.of());
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

  private boolean valid(Height height, Proposal proposal, Hash blockHash) {
    if (!context.justifications().proposalJustified(proposal, blockHash, height.validators)) {
      context.counters().drop(DropReason.INVALID_JUSTIFICATION);
      return false;
    }
    if (!blockAcceptable(height, proposal.block())) {
      context.counters().drop(DropReason.INVALID_BLOCK);
      return false;
    }
    return true;
  }

  private boolean blockAcceptable(Height height, Block block) {
    if (block.header().number() != height.number
        || !block.header().parentHash().equals(height.parentHash)) {
      return false;
    }
    ProposalVerdict verdict = context.application().processProposal(block);
    return verdict.accepted();
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
        if (blockAcceptable(height, block)) {
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
    Block block;
    Hash hash;
    List<Vote> prepares;
    if (highest.isPresent()) {
      PreparedCertificate certificate = highest.get().certificate().orElseThrow();
      block = certificate.block();
      hash = highest.get().signed().prepared().get().blockHash();
      prepares = certificate.prepares();
    } else {
      block = buildBlock(height);
      hash = block.hash(context.suite());
      prepares = List.of();
    }
    List<SignedRoundChange> justification = quorum.stream().map(RoundChange::signed).toList();
    round.sentProposal = context.signer().proposal(
        height.number, height.round, block, hash, justification, prepares);
    context.sendSigned(round.sentProposal);
  }

  private Block buildBlock(Height height) {
    Block block = context.application().prepareProposal(
        new ProposalRequest(height.number, height.round, height.parentHash, height.self));
    Invariants.check(block.header().number() == height.number
            && block.header().parentHash().equals(height.parentHash),
        "the application built block %d on %s, expected %d on %s", block.header().number(),
        block.header().parentHash(), height.number, height.parentHash);
    return block;
  }
}

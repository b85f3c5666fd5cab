package org.xinlian.consensus.bft;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.xinlian.common.Address;
import org.xinlian.common.Hash;
import org.xinlian.consensus.ConsensusSignatures;
import org.xinlian.consensus.PreparedRound;
import org.xinlian.consensus.ValidatorSet;
import org.xinlian.consensus.message.PreparedCertificate;
import org.xinlian.consensus.message.Proposal;
import org.xinlian.consensus.message.RoundChange;
import org.xinlian.consensus.message.SignedRoundChange;
import org.xinlian.consensus.message.Vote;
import org.xinlian.consensus.message.VoteKind;
import org.xinlian.crypto.CryptoSuite;

/**
 * The checks that make proposals and round changes self-contained evidence: a receiver decides
 * from the message alone whether it may vote for it (docs/spec/consensus.md CONSENSUS-11).
 */
final class Justifications {
  private final CryptoSuite suite;

  Justifications(CryptoSuite suite) {
    this.suite = suite;
  }

  Optional<Address> signer(Vote vote) {
    return ConsensusSignatures.signer(suite, vote.digest(suite), vote.signature());
  }

  Optional<Address> signer(SignedRoundChange change) {
    return ConsensusSignatures.signer(suite, change.digest(suite), change.signature());
  }

  Optional<Address> signer(Proposal proposal, Hash blockHash) {
    byte[] digest = Proposal.digest(suite, proposal.height(), proposal.round(), blockHash);
    return ConsensusSignatures.signer(suite, digest, proposal.signature());
  }

  /**
   * Whether {@code prepares} are valid prepares for {@code blockHash} at {@code height} and
   * {@code round} by distinct validators holding a quorum.
   */
  boolean provePrepared(
      List<Vote> prepares, long height, int round, Hash blockHash, ValidatorSet validators) {
    Set<Address> signers = new HashSet<>();
    long power = 0;
    for (Vote vote : prepares) {
      if (vote.kind() != VoteKind.PREPARE || vote.height() != height || vote.round() != round
          || !vote.blockHash().equals(blockHash)) {
        return false;
      }
      Optional<Address> signer = signer(vote);
      if (signer.isEmpty() || !validators.contains(signer.get()) || !signers.add(signer.get())) {
        return false;
      }
      power += validators.powerOf(signer.get());
    }
    return validators.isQuorum(power);
  }

  /**
   * A round change is valid when it is for a round above 0 and, if it reports a prepared round,
   * that round is earlier and its certificate holds the reported block with a quorum of prepares.
   */
  boolean roundChangeValid(RoundChange change, ValidatorSet validators) {
    SignedRoundChange signed = change.signed();
    if (signed.round() < 1) {
      return false;
    }
    if (signed.prepared().isEmpty()) {
      return change.certificate().isEmpty();
    }
    PreparedRound prepared = signed.prepared().get();
    if (prepared.round() >= signed.round() || change.certificate().isEmpty()) {
      return false;
    }
    PreparedCertificate certificate = change.certificate().get();
    return certificate.block().header().number() == signed.height()
        && certificate.block().hash(suite).equals(prepared.blockHash())
        && provePrepared(certificate.prepares(), signed.height(), prepared.round(),
            prepared.blockHash(), validators);
  }

  /**
   * A proposal of round 0 carries no justification. Above round 0 it carries round changes for
   * its height and round by distinct validators holding a quorum; if any reports a prepared round,
   * the block must be the one prepared in the highest reported round, proven by a quorum of
   * prepares of that round. With a lock held by a quorum's honest member this forces every later
   * proposal to re-propose a block that may have been decided (CONSENSUS-11).
   */
  boolean proposalJustified(Proposal proposal, Hash blockHash, ValidatorSet validators) {
    if (proposal.round() == 0) {
      return proposal.roundChanges().isEmpty() && proposal.prepares().isEmpty();
    }
    Set<Address> signers = new HashSet<>();
    long power = 0;
    int highest = -1;
    for (SignedRoundChange change : proposal.roundChanges()) {
      if (change.height() != proposal.height() || change.round() != proposal.round()) {
        return false;
      }
      Optional<Address> signer = signer(change);
      if (signer.isEmpty() || !validators.contains(signer.get()) || !signers.add(signer.get())) {
        return false;
      }
      power += validators.powerOf(signer.get());
      if (change.prepared().isPresent()) {
        int preparedRound = change.prepared().get().round();
        if (preparedRound >= proposal.round()) {
          return false;
        }
        highest = Math.max(highest, preparedRound);
      }
    }
    if (!validators.isQuorum(power)) {
      return false;
    }
    if (highest < 0) {
      return proposal.prepares().isEmpty();
    }
    PreparedRound required = new PreparedRound(highest, blockHash);
    boolean reported = proposal.roundChanges().stream()
        .anyMatch(change -> change.prepared().filter(required::equals).isPresent());
    return reported
        && provePrepared(proposal.prepares(), proposal.height(), highest, blockHash, validators);
  }
}

package org.xinlian.node.consensus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.xinlian.common.Address;
import org.xinlian.consensus.CommitOutcome;
import org.xinlian.consensus.CommittedBlock;
import org.xinlian.consensus.ProposalRequest;
import org.xinlian.consensus.ProposalVerdict;
import org.xinlian.consensus.ValidatorSet;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.crypto.KeyPair;
import org.xinlian.execution.governance.ValidatorEpoch;
import org.xinlian.types.block.Block;
import org.xinlian.types.block.BlockHeader;

/** NODE-9: the execution port behind the consensus Application port. */
class ExecutionApplicationTest {
  private final CryptoSuite suite = CryptoSuites.gm();
  private final TestLedger ledger = new TestLedger(suite, TestLedger.keys(suite, 4),
      suite.generateKeyPair(new SecureRandom()));

  @AfterEach
  void close() {
    ledger.close();
  }

  @Test
  void theHeadAndTheGenesisValidatorsAreWhereConsensusStarts() {
    assertEquals(0, ledger.application.lastCommitted().height());
    assertEquals(ledger.blocks.headHash().orElseThrow(), ledger.application.lastCommitted().blockHash());
    assertEquals(ledger.validators, ledger.application.validatorSet(1));
    assertEquals(ledger.validators, ledger.application.validatorSet(1_000));
    assertEquals(Optional.empty(), ledger.application.committedBlock(0));
    assertEquals(Optional.empty(), ledger.application.committedBlock(1));
  }

  @Test
  void proposalsTakePoolTransactionsAndTheClocksTime() {
    assertTrue(ledger.pool.add(ledger.transfer(0)).accepted());
    BlockHeader parent = ledger.application.head();
    Block block = ledger.application.prepareProposal(
        new ProposalRequest(1, 0, parent.hash(suite), ledger.validator(2)));
    assertEquals(1, block.transactions().size());
    assertEquals(ledger.validator(2), block.header().proposer());
    // The genesis is far in the past: the block takes the clock's second.
    assertEquals(ledger.clock.millis / 1000, block.header().timestamp());
  }

  @Test
  void aProposalFromTooFarInTheFutureIsRejected() {
    BlockHeader parent = ledger.application.head();
    ledger.clock.millis += (ExecutionApplication.TIMESTAMP_DRIFT_SECONDS_MAX + 1) * 1000;
    Block future = ledger.application.prepareProposal(
        new ProposalRequest(1, 0, parent.hash(suite), ledger.validator(0)));
    ledger.clock.millis -= (ExecutionApplication.TIMESTAMP_DRIFT_SECONDS_MAX + 1) * 1000;
    ProposalVerdict verdict = ledger.application.processProposal(future);
    assertFalse(verdict.accepted());
    assertTrue(verdict.rejection().orElseThrow().startsWith("timestamp"), verdict.toString());
    ledger.clock.millis += 1000;
    assertTrue(ledger.application.processProposal(future).accepted(), "within the drift now");
  }

  @Test
  void aCommittedBlockKeepsItsCertificateInTheLedgerAndMovesThePoolOn() {
    assertTrue(ledger.pool.add(ledger.transfer(0)).accepted());
    Block block = ledger.commitNext();
    assertEquals(0, ledger.pool.pendingCount());
    assertEquals(1, ledger.application.lastCommitted().height());
    CommittedBlock committed = ledger.application.committedBlock(1).orElseThrow();
    assertEquals(block.hash(suite), committed.block().hash(suite));
    assertEquals(0, committed.block().header().commitCertificate().length,
        "the certificate travels beside the block, not inside its header");
    assertEquals(ledger.certificate(block, ledger.validatorKeys).blockHash(), committed.certificate().blockHash());
    assertTrue(committed.certificate().verifyFor(committed.block().header(), ledger.validators, suite).isValid());
    assertEquals(List.of(), ledger.application.committedBlock(2).stream().toList());
  }

  /**
   * NODE-9 with EXECUTION-11 and CONSENSUS-16: a governance transaction signed by 3 of the 4
   * validators replaces validator 3 by a newcomer from height 4. The block recording it tells the
   * history listener (P2P admission), and every commit the commit listener (NODE-23); the commit
   * of height 2 reports the new set so the engine applies it at 4; validatorSet answers the old set
   * up to 3 and the new one from 4.
   */
  @Test
  void aRecordedValidatorChangeIsReportedTwoHeightsAheadAndAnswersEveryHeight() {
    ValidatorSet genesisSet = ledger.validators;
    KeyPair newcomer = suite.generateKeyPair(new SecureRandom());
    List<Address> next = new ArrayList<>(List.of(ledger.validator(0), ledger.validator(1), ledger.validator(2),
        suite.address(newcomer.publicKey())));
    next.sort(null);
    ValidatorEpoch epoch = new ValidatorEpoch(1, 4, next);
    assertTrue(ledger.pool.add(ledger.governance(0, epoch, ledger.validatorKeys.subList(0, 3))).accepted());
    Block recording = ledger.commitNext();
    assertEquals(1, recording.transactions().size());
    assertEquals(CommitOutcome.unchanged(), ledger.lastOutcome, "height 1 reports the set of 3: unchanged");
    assertEquals(1, ledger.historiesRecorded.size(), "the listener heard of the new epoch at once");
    assertEquals(epoch, ledger.historiesRecorded.get(0).latest());
    ValidatorSet nextSet = ValidatorSet.equalPower(next);
    assertEquals(genesisSet, ledger.application.validatorSet(3));
    assertEquals(nextSet, ledger.application.validatorSet(4));

    ledger.commitNext();
    assertEquals(CommitOutcome.changedTo(nextSet), ledger.lastOutcome, "height 2 reports the set of 4");
    ledger.commitNext();
    assertEquals(CommitOutcome.unchanged(), ledger.lastOutcome);
    assertEquals(1, ledger.historiesRecorded.size(), "told once per recorded epoch");
    assertEquals(List.of(1L, 2L, 3L), ledger.heightsCommitted, "the commit listener hears of every block");
    assertEquals(genesisSet, ledger.application.validatorSet(1), "past heights keep their set");
    assertEquals(nextSet, ledger.application.validatorSet(5));
  }
}

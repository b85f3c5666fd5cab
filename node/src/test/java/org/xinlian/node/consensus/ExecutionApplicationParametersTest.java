package org.xinlian.node.consensus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.xinlian.consensus.HeightTiming;
import org.xinlian.consensus.ProposalRequest;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.execution.SystemParameters;
import org.xinlian.types.block.Block;
import org.xinlian.types.block.BlockHeader;

/**
 * NODE-9 with GOV-15 and CONSENSUS-23: the application times each height and bounds each proposal
 * by that height's parameters.
 */
class ExecutionApplicationParametersTest {
  private static final long CHANGED_FROM = 2;
  private final CryptoSuite suite = CryptoSuites.standard();

  /** GOV-15, CONSENSUS-23: the genesis defaults: the chain's block interval, this node's round deadline. */
  @Test
  void theGenesisTimesEveryHeightWithTheNodesRoundDeadline() {
    try (TestLedger ledger = new TestLedger(suite, TestLedger.keys(suite, 4), suite.generateKeyPair(new SecureRandom()))) {
      // The test genesis names no blockIntervalMs: GENESIS-1's default of 1000 ms.
      HeightTiming expected = new HeightTiming(1_000, TestLedger.ROUND_TIMEOUT_MS);
      assertEquals(Optional.of(expected), ledger.application.heightTiming(1));
      assertEquals(Optional.of(expected), ledger.application.heightTiming(2));
    }
  }

  /**
   * GOV-15, CONSENSUS-23, NODE-9: from the height a vote changed them, the proposal delay is the
   * new block interval, the round deadline the chain's instead of this node's, and a proposal
   * holds at most the new transaction count.
   */
  @Test
  void aChangedHeightIsTimedAndBoundByItsParameters() {
    SystemParameters genesis = SystemParameters.defaults(30_000_000, 1_000);
    SystemParameters changed = genesis.with(SystemParameters.Key.blockIntervalMs, 300)
        .with(SystemParameters.Key.roundTimeoutMs, 5_000)
        .with(SystemParameters.Key.maxTransactionsPerBlock, 1);
    try (TestLedger ledger = new TestLedger(suite, TestLedger.keys(suite, 4),
        suite.generateKeyPair(new SecureRandom()),
        port -> new ParametersOverride(port, height -> height >= CHANGED_FROM ? changed : genesis))) {
      assertEquals(Optional.of(new HeightTiming(1_000, TestLedger.ROUND_TIMEOUT_MS)),
          ledger.application.heightTiming(CHANGED_FROM - 1));
      assertEquals(Optional.of(new HeightTiming(300, 5_000)), ledger.application.heightTiming(CHANGED_FROM));

      assertTrue(ledger.pool.add(ledger.transfer(0)).accepted());
      assertTrue(ledger.pool.add(ledger.transfer(1)).accepted());
      assertEquals(2, ledger.commitNext().transactions().size(), "height 1 takes both");
      assertTrue(ledger.pool.add(ledger.transfer(2)).accepted());
      assertTrue(ledger.pool.add(ledger.transfer(3)).accepted());
      BlockHeader parent = ledger.application.head();
      Block bounded = ledger.application.prepareProposal(
          new ProposalRequest(CHANGED_FROM, 0, parent.hash(suite), ledger.validator(0)));
      assertEquals(1, bounded.transactions().size(), "height 2 holds maxTransactionsPerBlock 1");
    }
  }

  /** CONSENSUS-21 with GOV-15: a chain round deadline caps the build budget at half of it; 0 leaves the node's. */
  @Test
  void aChainRoundDeadlineCapsTheBuildBudget() {
    SystemParameters genesis = SystemParameters.defaults(30_000_000, 1_000);
    long configured = TimeUnit.SECONDS.toNanos(1);
    assertEquals(configured, ExecutionApplication.buildBudgetNanos(configured, genesis));
    assertEquals(TimeUnit.MILLISECONDS.toNanos(200),
        ExecutionApplication.buildBudgetNanos(configured, genesis.with(SystemParameters.Key.roundTimeoutMs, 400)));
    assertEquals(configured, ExecutionApplication.buildBudgetNanos(
        configured, genesis.with(SystemParameters.Key.roundTimeoutMs, 10_000)));
  }
}

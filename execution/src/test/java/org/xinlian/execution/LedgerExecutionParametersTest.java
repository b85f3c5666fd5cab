package org.xinlian.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xinlian.common.Hash;
import org.xinlian.execution.genesis.GenesisConfig;
import org.xinlian.types.block.Block;
import org.xinlian.types.transaction.UnsignedTransaction;
import org.xinlian.types.transaction.VerifiedTransaction;

/**
 * GOV-15 in execution (EXECUTION-1 to EXECUTION-3, EXECUTION-16): the parameters of each height
 * decide how the proposer builds it and what validators accept, switching exactly at the
 * activation height. The governance contract is not merged yet, so a test source schedules the
 * change by height where the node reads it from the state.
 */
class LedgerExecutionParametersTest {
  private static final BigInteger FUNDS = new BigInteger("1000000000000000000");
  private static final byte[] CERTIFICATE = {1};
  private static final long ACTIVATION = 3;
  private static final SystemParameters GENESIS =
      SystemParameters.defaults(TestNode.BLOCK_GAS_LIMIT, 1_000);

  @TempDir Path directory;
  private final ExecutorService executor = Executors.newFixedThreadPool(2);

  @AfterEach
  void stop() {
    executor.shutdownNow();
  }

  /** A schedule that applies {@code changed} from {@link #ACTIVATION} on, recording the state each height was read from. */
  private static final class Schedule implements ParametersInForce.Source {
    final SystemParameters changed;
    final Map<Long, Hash> readFrom = new ConcurrentHashMap<>();

    Schedule(SystemParameters changed) {
      this.changed = changed;
    }

    @Override
    public SystemParameters at(Hash stateRoot, long height) {
      readFrom.put(height, stateRoot);
      return height >= ACTIVATION ? changed : GENESIS;
    }
  }

  private GenesisConfig genesis() throws Exception {
    return TestNode.writeAndLoad(directory, TestNode.genesisJson("standard", "ethereum", FUNDS, ""));
  }

  /** Builds on {@code proposer}, commits there and on each of {@code others}, which must accept it. */
  private static Block produce(TestNode proposer, List<VerifiedTransaction> candidates, TestNode... others) {
    Proposal proposal = proposer.port.prepareProposal(proposer.request(candidates));
    Block block = proposal.block();
    proposer.port.commit(proposer.port.finalizeBlock(block), CERTIFICATE);
    for (TestNode other : others) {
      ProposalVerdict verdict = other.port.processProposal(block, block.header().timestamp());
      assertTrue(verdict.accepted(), () -> verdict.rejection().orElse(""));
      other.port.commit(other.port.finalizeBlock(block), CERTIFICATE);
    }
    return block;
  }

  /** Two nodes that agree on the first {@code ACTIVATION - 1} blocks, the first with the change scheduled, the second without. */
  private TestNode[] upToTheActivation(SystemParameters changed) throws Exception {
    GenesisConfig genesis = genesis();
    TestNode scheduled = TestNode.withParameters(genesis, executor, new Schedule(changed));
    TestNode unchanged = TestNode.inMemory(genesis, executor);
    for (long height = 1; height < ACTIVATION; height++) {
      produce(scheduled, List.of(), unchanged);
    }
    return new TestNode[] {scheduled, unchanged};
  }

  private static String rejection(TestNode validator, Block block) {
    ProposalVerdict verdict = validator.port.processProposal(block, block.header().timestamp());
    assertFalse(verdict.accepted(), "the block must be refused");
    return verdict.rejection().orElseThrow();
  }

  /**
   * GOV-15, EXECUTION-1, EXECUTION-2: blocks before the activation height carry the old gas
   * limit, from it on the new one; a validator that knows the change accepts them, one that does
   * not refuses the first new block naming both values, and the scheduled node refuses a block
   * with the old limit at the new height.
   */
  @Test
  void theBlockGasLimitSwitchesAtTheActivationHeight() throws Exception {
    SystemParameters raised = GENESIS.with(SystemParameters.Key.blockGasLimit, 40_000_000);
    GenesisConfig genesis = genesis();
    Schedule schedule = new Schedule(raised);
    try (TestNode proposer = TestNode.withParameters(genesis, executor, schedule);
        TestNode validator = TestNode.withParameters(genesis, executor, new Schedule(raised));
        TestNode unaware = TestNode.inMemory(genesis, executor)) {
      List<Long> gasLimits = new ArrayList<>();
      for (long height = 1; height < ACTIVATION; height++) {
        gasLimits.add(produce(proposer, List.of(), validator, unaware).header().gasLimit());
      }
      Block first = proposer.port.prepareProposal(proposer.request(List.of())).block();
      assertEquals("gasLimit: 40000000 differs from the chain's blockGasLimit 30000000 at height 3",
          rejection(unaware, first));
      Block oldLimit = unaware.port.prepareProposal(unaware.request(List.of())).block();
      assertEquals(TestNode.BLOCK_GAS_LIMIT, oldLimit.header().gasLimit());
      assertEquals("gasLimit: 30000000 differs from the chain's blockGasLimit 40000000 at height 3",
          rejection(validator, oldLimit));
      for (long height = ACTIVATION; height < ACTIVATION + 2; height++) {
        gasLimits.add(produce(proposer, List.of(), validator).header().gasLimit());
      }
      assertEquals(List.of(30_000_000L, 30_000_000L, 40_000_000L, 40_000_000L), gasLimits);
      // A past height comes from the state of the block before it, the next two from the head's.
      assertEquals(raised, proposer.port.parametersAt(ACTIVATION));
      assertEquals(proposer.blocks.header(ACTIVATION - 1).orElseThrow().stateRoot(),
          schedule.readFrom.get(ACTIVATION));
      assertEquals(GENESIS, proposer.port.parametersAt(ACTIVATION - 1));
      assertEquals(raised, proposer.port.parametersAt(proposer.head().number() + 2));
      IllegalArgumentException beyond = assertThrows(IllegalArgumentException.class,
          () -> proposer.port.parametersAt(proposer.head().number() + 3));
      assertTrue(beyond.getMessage().startsWith("height: 7 "), beyond.getMessage());
      assertThrows(IllegalArgumentException.class, () -> proposer.port.parametersAt(-1));
    }
  }

  /**
   * GOV-15, EXECUTION-1, EXECUTION-2: from the activation height the proposer holds at most
   * {@code maxTransactionsPerBlock} transactions (the rest stay for a later block), and a block
   * with more is invalid.
   */
  @Test
  void theTransactionCountIsBoundFromTheActivationHeight() throws Exception {
    TestNode[] nodes = upToTheActivation(GENESIS.with(SystemParameters.Key.maxTransactionsPerBlock, 2));
    try (TestNode scheduled = nodes[0]; TestNode unchanged = nodes[1]) {
      List<VerifiedTransaction> three = new ArrayList<>();
      for (int nonce = 0; nonce < 3; nonce++) {
        three.add(scheduled.transfer(0, nonce, TestNode.address(scheduled.suite, 1), 1, TestNode.BASE_FEE));
      }
      Proposal bounded = scheduled.port.prepareProposal(scheduled.request(three));
      assertEquals(2, bounded.block().transactions().size());
      assertTrue(bounded.skipped().isEmpty(), "left out silently, valid for a later block");
      Block full = unchanged.port.prepareProposal(unchanged.request(three)).block();
      assertEquals(3, full.transactions().size());
      assertEquals("transactions: 3 above the chain's maxTransactionsPerBlock 2", rejection(scheduled, full));
    }
  }

  /**
   * GOV-15, EXECUTION-1, EXECUTION-3: from the activation height the proposer skips a candidate
   * above {@code transactionGasLimit} with the reason, and a block that holds one is invalid,
   * naming its position.
   */
  @Test
  void theTransactionGasLimitIsEnforcedFromTheActivationHeight() throws Exception {
    TestNode[] nodes = upToTheActivation(GENESIS.with(SystemParameters.Key.transactionGasLimit, 50_000));
    try (TestNode scheduled = nodes[0]; TestNode unchanged = nodes[1]) {
      VerifiedTransaction heavy = scheduled.sign(0, new UnsignedTransaction.Legacy(0,
          BigInteger.valueOf(TestNode.BASE_FEE), 60_000, Optional.of(TestNode.address(scheduled.suite, 1)),
          BigInteger.ONE, new byte[0], OptionalLong.of(TestNode.CHAIN_ID)));
      Proposal proposal = scheduled.port.prepareProposal(scheduled.request(List.of(heavy)));
      assertTrue(proposal.block().transactions().isEmpty());
      assertEquals(List.of(new SkippedTransaction(heavy.hash(),
          "gasLimit: 60000 above the chain's transaction gas limit 50000")), proposal.skipped());
      Block carrying = unchanged.port.prepareProposal(unchanged.request(List.of(heavy))).block();
      assertEquals(1, carrying.transactions().size());
      assertEquals("transactions.0 (" + heavy.hash() + "): gasLimit: 60000 above the chain's transaction"
          + " gas limit 50000", rejection(scheduled, carrying));
    }
  }
}

package org.xinlian.execution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xinlian.common.Address;
import org.xinlian.common.Hex;
import org.xinlian.evm.AccessPolicy;
import org.xinlian.evm.state.WorldState;
import org.xinlian.evm.word.UInt256;
import org.xinlian.execution.genesis.GenesisConfig;
import org.xinlian.types.transaction.UnsignedTransaction;
import org.xinlian.types.transaction.VerifiedTransaction;

/**
 * Execution enforces the chain's access policy (docs/spec/governance.md GOV-8, GOV-9, GOV-12;
 * docs/spec/evm.md EVM-16): a block carrying a refused sender's transaction is invalid, naming its
 * position and the reason (EXECUTION-3); a proposer skips such a candidate with the reason
 * (EXECUTION-1); the port answers the pool's admission question on the head state; calls read
 * frozen contracts as anyone but refuse forbidden deployments. The policy is a test double.
 */
class AccessPolicyExecutionTest {
  private static final BigInteger FUNDS = new BigInteger("1000000000000000000");
  private static final byte[] CERTIFICATE = {9, 9, 9};
  /** A contract placed by genesis that returns the word 42. */
  private static final Address RETURNS_42 = Address.fromHex("0x3000000000000000000000000000000000000042");
  /** Init code deploying the one-byte code 0x42. */
  private static final byte[] INIT_CODE = Hex.decode("0x604260005360016000f3");

  /** Refuses the accounts in its sets, and senders whose nonce in the state given reached a limit. */
  private static final class Policy implements AccessPolicy {
    final Set<Address> unadmitted = new HashSet<>();
    final Set<Address> nonCreators = new HashSet<>();
    final Set<Address> frozen = new HashSet<>();
    long transactionsPerSenderMax = Long.MAX_VALUE;

    @Override
    public Optional<String> refuseSender(WorldState state, Address sender, boolean creates) {
      if (unadmitted.contains(sender)) {
        return Optional.of("sender " + sender + " is not admitted");
      }
      if (state.nonce(sender) >= transactionsPerSenderMax) {
        return Optional.of("sender " + sender + " sent its " + transactionsPerSenderMax + " transactions");
      }
      return creates && nonCreators.contains(sender)
          ? Optional.of("sender " + sender + " may not deploy contracts") : Optional.empty();
    }

    @Override
    public Optional<String> refuseCreate(WorldState state, Address creator) {
      return nonCreators.contains(creator)
          ? Optional.of(creator + " may not deploy contracts") : Optional.empty();
    }

    @Override
    public Optional<String> refuseMessage(WorldState state, Address contract) {
      return frozen.contains(contract) ? Optional.of("contract " + contract + " is frozen") : Optional.empty();
    }
  }

  @TempDir Path directory;
  private final ExecutorService executor = Executors.newFixedThreadPool(2);
  private final Policy policy = new Policy();

  @AfterEach
  void stop() {
    executor.shutdownNow();
  }

  private GenesisConfig genesis() throws Exception {
    return TestNode.writeAndLoad(directory, TestNode.genesisJson("standard", "ethereum", FUNDS,
        ",\n    \"" + RETURNS_42 + "\": {\"code\": \"0x602a60005260206000f3\"}"));
  }

  private static void commit(TestNode node, Proposal proposal) {
    node.port.commit(node.port.finalizeBlock(proposal.block()), CERTIFICATE);
  }

  /** GOV-8, EXECUTION-3: a validator enforcing the policy rejects the block, naming position and reason. */
  @Test
  void aBlockCarryingAnUnadmittedSendersTransactionIsInvalid() throws Exception {
    GenesisConfig genesis = genesis();
    try (TestNode open = TestNode.inMemory(genesis, executor);
        TestNode permissioned = TestNode.inMemory(genesis, executor, policy)) {
      Address bob = TestNode.address(open.suite, 1);
      Address carol = TestNode.address(open.suite, 2);
      policy.unadmitted.add(carol);
      VerifiedTransaction fromAlice = open.transfer(0, 0, bob, 1, TestNode.BASE_FEE);
      VerifiedTransaction fromCarol = open.transfer(2, 0, bob, 1, TestNode.BASE_FEE);
      Proposal proposal = open.port.prepareProposal(open.request(List.of(fromAlice, fromCarol)));
      assertEquals(2, proposal.block().transactions().size(), "an open node includes both");

      ProposalVerdict verdict =
          permissioned.port.processProposal(proposal.block(), proposal.block().header().timestamp());
      assertFalse(verdict.accepted());
      assertEquals("transactions.1 (" + fromCarol.hash() + "): sender " + carol + " is not admitted",
          verdict.rejection().orElseThrow());
      InvalidBlockException thrown = assertThrows(InvalidBlockException.class,
          () -> permissioned.port.finalizeBlock(proposal.block()));
      assertTrue(thrown.getMessage().endsWith("sender " + carol + " is not admitted"), thrown.getMessage());
      assertEquals(0, permissioned.head().number());
    }
  }

  /** GOV-8, EXECUTION-1: the proposer skips a refused sender with the reason, and the block is valid. */
  @Test
  void theProposerSkipsUnadmittedSendersWithTheReason() throws Exception {
    GenesisConfig genesis = genesis();
    try (TestNode proposer = TestNode.inMemory(genesis, executor, policy);
        TestNode validator = TestNode.inMemory(genesis, executor, policy)) {
      Address bob = TestNode.address(proposer.suite, 1);
      Address carol = TestNode.address(proposer.suite, 2);
      policy.unadmitted.add(carol);
      VerifiedTransaction fromCarol = proposer.transfer(2, 0, bob, 1, TestNode.BASE_FEE);
      VerifiedTransaction fromAlice = proposer.transfer(0, 0, bob, 1, TestNode.BASE_FEE);
      Proposal proposal = proposer.port.prepareProposal(proposer.request(List.of(fromCarol, fromAlice)));
      assertEquals(List.of(fromAlice.transaction()), proposal.block().transactions());
      assertEquals(List.of(new SkippedTransaction(fromCarol.hash(), "sender " + carol + " is not admitted")),
          proposal.skipped());
      assertTrue(validator.port.processProposal(proposal.block(), proposal.block().header().timestamp())
          .accepted());
      assertEquals(0, proposer.nonce(carol));
    }
  }

  /**
   * GOV-8: the policy reads the block's state so far (the second transaction sees the first's
   * nonce), and the port answers the pool's question on the head state after each commit, for
   * creations too.
   */
  @Test
  void thePolicyReadsTheBlocksStateAndThePortTheHeadState() throws Exception {
    GenesisConfig genesis = genesis();
    try (TestNode node = TestNode.inMemory(genesis, executor, policy)) {
      Address alice = TestNode.address(node.suite, 0);
      Address bob = TestNode.address(node.suite, 1);
      policy.transactionsPerSenderMax = 1;
      policy.nonCreators.add(bob);
      assertEquals(Optional.empty(), node.port.refuseSender(alice, false));
      assertEquals(Optional.of("sender " + bob + " may not deploy contracts"), node.port.refuseSender(bob, true));
      assertEquals(Optional.empty(), node.port.refuseSender(bob, false));

      VerifiedTransaction first = node.transfer(0, 0, bob, 1, TestNode.BASE_FEE);
      VerifiedTransaction second = node.transfer(0, 1, bob, 1, TestNode.BASE_FEE);
      Proposal proposal = node.port.prepareProposal(node.request(List.of(first, second)));
      assertEquals(List.of(first.transaction()), proposal.block().transactions());
      assertEquals("sender " + alice + " sent its 1 transactions", proposal.skipped().get(0).reason());
      assertEquals(Optional.empty(), node.port.refuseSender(alice, false), "nothing is committed yet");
      commit(node, proposal);
      assertEquals(Optional.of("sender " + alice + " sent its 1 transactions"), node.port.refuseSender(alice, false));
      assertEquals(Optional.empty(), node.port.refuseSender(bob, false));
    }
  }

  /**
   * GOV-12, GOV-9, EVM-16: in a block a message to a frozen contract reverts (the transaction is
   * included, status 0); a call reads it with an unadmitted {@code from}; an estimate of a
   * deployment its sender may not make fails with the reason.
   */
  @Test
  void frozenContractsRevertInBlocksAndStayReadableByCalls() throws Exception {
    GenesisConfig genesis = genesis();
    try (TestNode node = TestNode.inMemory(genesis, executor, policy)) {
      Address alice = TestNode.address(node.suite, 0);
      Address carol = TestNode.address(node.suite, 2);
      policy.unadmitted.add(carol);
      policy.nonCreators.add(alice);
      policy.frozen.add(RETURNS_42);
      VerifiedTransaction toFrozen = node.sign(0, new UnsignedTransaction.Legacy(0,
          BigInteger.valueOf(TestNode.BASE_FEE), 100_000, Optional.of(RETURNS_42), BigInteger.ZERO,
          new byte[0], OptionalLong.of(TestNode.CHAIN_ID)));
      Proposal proposal = node.port.prepareProposal(node.request(List.of(toFrozen)));
      assertEquals(List.of(toFrozen.transaction()), proposal.block().transactions());
      commit(node, proposal);
      assertFalse(node.blocks.transaction(toFrozen.hash()).orElseThrow().receipt().success());

      CallResult read = node.port.call(CallRequest.of(carol, RETURNS_42, new byte[0]), Optional.empty());
      assertTrue(read.succeeded(), read.detail());
      assertArrayEquals(UInt256.fromLong(42).toBytes(), read.output());

      CallRequest deployment = new CallRequest(Optional.of(alice), Optional.empty(), OptionalLong.empty(),
          BigInteger.ZERO, INIT_CODE, BigInteger.ZERO);
      GasEstimate estimate = node.port.estimateGas(deployment, Optional.empty());
      assertFalse(estimate.succeeded());
      assertEquals(CallResult.Status.REJECTED, estimate.result().status());
      assertEquals(alice + " may not deploy contracts", estimate.result().detail());
    }
  }
}

package org.xinlian.execution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.xinlian.common.Address;
import org.xinlian.common.Hash;
import org.xinlian.common.Hex;
import org.xinlian.evm.ExecutionStoppedException;
import org.xinlian.evm.interpreter.ContractAddresses;
import org.xinlian.evm.word.UInt256;
import org.xinlian.execution.genesis.GenesisConfig;
import org.xinlian.types.transaction.UnsignedTransaction;
import org.xinlian.types.transaction.VerifiedTransaction;

/** EXECUTION-6 to EXECUTION-8, EXECUTION-15: calls and gas estimates on committed state, in both fee modes. */
class StateCallsTest {
  /**
   * Hand-assembled runtime: with empty call data it returns slot 0 as a 32-byte word, otherwise it
   * stores the first call data word in slot 0. CALLDATASIZE ISZERO PUSH1 0x0c JUMPI PUSH1 0
   * CALLDATALOAD PUSH1 0 SSTORE STOP JUMPDEST PUSH1 0 SLOAD PUSH1 0 MSTORE PUSH1 32 PUSH1 0 RETURN.
   */
  private static final String RUNTIME = "3615600c57600035600055005b60005460005260206000f3";
  /** Init code: CODECOPY the 24-byte runtime that follows these 12 bytes, and RETURN it. */
  private static final byte[] INIT_CODE = Hex.decode("0x6018600c60003960186000f3" + RUNTIME);
  /** A contract placed by genesis that always reverts with the 32-byte word 42. */
  private static final String REVERTER = "0x3000000000000000000000000000000000000003";

  /** Reverts unless more than 100,000 gas is left: needs far more gas than it uses. GAS PUSH3
   * 100000 GT PUSH1 0x0a JUMPI STOP JUMPDEST PUSH1 0 DUP1 REVERT. */
  private static final String HUNGRY = "0x3000000000000000000000000000000000000004";
  /** JUMPDEST PUSH1 0 JUMP: loops until its gas runs out. */
  private static final String LOOP = "0x3000000000000000000000000000000000000005";

  @TempDir Path directory;
  private final ExecutorService executor = Executors.newFixedThreadPool(2);

  @AfterEach
  void stop() {
    executor.shutdownNow();
  }

  private static void commit(TestNode node, List<VerifiedTransaction> transactions) {
    Proposal proposal = node.port.prepareProposal(node.request(transactions));
    assertTrue(proposal.skipped().isEmpty(), proposal.skipped().toString());
    node.port.commit(node.port.finalizeBlock(proposal.block()), new byte[0]);
  }

  private static byte[] word(long value) {
    return UInt256.fromLong(value).toBytes();
  }

  @ParameterizedTest
  @ValueSource(strings = {"ethereum", "zero-price"})
  void deployCallAndEstimate(String feeMode) throws Exception {
    GenesisConfig genesis = TestNode.writeAndLoad(directory, TestNode.genesisJson("standard", feeMode,
        new BigInteger("1000000000000000000"),
        ",\n    \"" + REVERTER + "\": {\"code\": \"0x602a60005260206000fd\"}"));
    try (TestNode node = TestNode.inMemory(genesis, executor)) {
      Address alice = TestNode.address(node.suite, 0);
      long price = TestNode.BASE_FEE;
      VerifiedTransaction deploy = node.sign(0, new UnsignedTransaction.Legacy(0, BigInteger.valueOf(price),
          200_000, Optional.empty(), BigInteger.ZERO, INIT_CODE, OptionalLong.of(TestNode.CHAIN_ID)));
      commit(node, List.of(deploy));
      Address contract = ContractAddresses.create(alice, 0);
      assertEquals(RUNTIME, Hex.encodeBare(node.states.stateAt(node.head().stateRoot()).code(contract)));

      // EXECUTION-6: a call reads without committing; the head does not move.
      Hash headBefore = node.headHash();
      // A creation call answers the runtime code it would deploy (geth's behaviour), at a new address.
      CallResult creation = node.port.call(new CallRequest(Optional.of(alice), Optional.empty(),
          OptionalLong.empty(), BigInteger.ZERO, INIT_CODE, BigInteger.ZERO), Optional.empty());
      assertTrue(creation.succeeded(), creation.detail());
      assertEquals(RUNTIME, Hex.encodeBare(creation.output()));
      assertEquals(Optional.of(ContractAddresses.create(alice, 1)), creation.createdAddress());
      CallResult read = node.port.call(CallRequest.of(alice, contract, new byte[0]), Optional.empty());
      assertTrue(read.succeeded(), read.detail());
      assertArrayEquals(word(0), read.output());
      CallResult write = node.port.call(CallRequest.of(alice, contract, word(99)), Optional.empty());
      assertTrue(write.succeeded());
      assertArrayEquals(word(0), node.port.call(CallRequest.of(alice, contract, new byte[0]), Optional.empty()).output());
      assertEquals(headBefore, node.headHash());

      CallResult reverted = node.port.call(
          CallRequest.of(alice, Address.fromHex(REVERTER), new byte[0]), Optional.empty());
      assertEquals(CallResult.Status.REVERTED, reverted.status());
      assertArrayEquals(word(42), reverted.output());

      // EXECUTION-7: the estimate is enough for the real transaction, and one gas less is not.
      CallRequest store = CallRequest.of(alice, contract, word(77));
      GasEstimate estimate = node.port.estimateGas(store, Optional.empty());
      assertTrue(estimate.succeeded());
      VerifiedTransaction enough = node.sign(0, new UnsignedTransaction.Legacy(1, BigInteger.valueOf(price),
          estimate.gasLimit() - 1, Optional.of(contract), BigInteger.ZERO, word(77), OptionalLong.of(TestNode.CHAIN_ID)));
      commit(node, List.of(enough));
      assertFalse(node.blocks.transaction(enough.hash()).orElseThrow().receipt().success(),
          "one gas below the estimate runs out of gas");
      VerifiedTransaction exact = node.sign(0, new UnsignedTransaction.Legacy(2, BigInteger.valueOf(price),
          estimate.gasLimit(), Optional.of(contract), BigInteger.ZERO, word(77), OptionalLong.of(TestNode.CHAIN_ID)));
      commit(node, List.of(exact));
      assertTrue(node.blocks.transaction(exact.hash()).orElseThrow().receipt().success());
      assertArrayEquals(word(77), node.port.call(CallRequest.of(alice, contract, new byte[0]), Optional.empty()).output());

      // EXECUTION-6: a call may ask for more gas than a block holds, as geth's may.
      CallResult greedy = node.port.call(new CallRequest(Optional.of(alice), Optional.of(contract),
          java.util.OptionalLong.of(TestNode.BLOCK_GAS_LIMIT * 10), BigInteger.ZERO, new byte[0], BigInteger.ZERO),
          Optional.empty());
      assertTrue(greedy.succeeded(), greedy.toString());
      assertArrayEquals(word(77), greedy.output());

      // A call at an older block sees that block's state.
      Hash deployBlock = node.blocks.canonicalHash(1).orElseThrow();
      assertArrayEquals(word(0), node.port.call(CallRequest.of(alice, contract, new byte[0]),
          Optional.of(deployBlock)).output());

      GasEstimate failing = node.port.estimateGas(
          CallRequest.of(alice, Address.fromHex(REVERTER), new byte[0]), Optional.empty());
      assertFalse(failing.succeeded());
      assertArrayEquals(word(42), failing.result().output());
    }
  }

  /**
   * EXECUTION-7: an estimate of a call that needs far more gas than it uses takes a bounded
   * number of runs (a plain bisection of the block gas limit takes 25) and lands within 1.5% of
   * the least limit; a simple call is exact after two runs. EXECUTION-15: the stop signal ends a
   * call or an estimate, and nothing is left behind.
   */
  @ParameterizedTest
  @ValueSource(strings = {"ethereum", "zero-price"})
  void estimatesAreBoundedAndCallsStop(String feeMode) throws Exception {
    GenesisConfig genesis = TestNode.writeAndLoad(directory, TestNode.genesisJson("standard", feeMode,
        new BigInteger("1000000000000000000"),
        ",\n    \"" + HUNGRY + "\": {\"code\": \"0x5a620186a011600a57005b600080fd\"}"
            + ",\n    \"" + LOOP + "\": {\"code\": \"0x5b600056\"}"));
    try (TestNode node = TestNode.inMemory(genesis, executor)) {
      Address alice = TestNode.address(node.suite, 0);
      CallRequest hungry = CallRequest.of(alice, Address.fromHex(HUNGRY), new byte[0]);
      // The code is a few instructions: the signal is asked once per run, before it.
      AtomicInteger runs = new AtomicInteger();
      GasEstimate estimate = node.port.estimateGas(hungry, Optional.empty(), () -> {
        runs.incrementAndGet();
        return false;
      });
      assertTrue(estimate.succeeded(), estimate.result().detail());
      assertTrue(runs.get() <= 15 && runs.get() <= StateCalls.ESTIMATE_EXECUTIONS_MAX,
          "runs: " + runs.get());
      assertTrue(node.port.call(hungry.withGas(estimate.gasLimit()), Optional.empty()).succeeded());
      long tooLow = (long) (estimate.gasLimit() * (1 - StateCalls.ESTIMATE_ERROR_RATIO));
      assertFalse(node.port.call(hungry.withGas(tooLow), Optional.empty()).succeeded(),
          "within 1.5% of the least limit: " + estimate.gasLimit());

      runs.set(0);
      GasEstimate transfer = node.port.estimateGas(
          CallRequest.of(alice, TestNode.address(node.suite, 1), new byte[0]), Optional.empty(), () -> {
            runs.incrementAndGet();
            return false;
          });
      assertEquals(21_000, transfer.gasLimit());
      assertEquals(2, runs.get());

      Hash head = node.headHash();
      CallRequest loop = CallRequest.of(alice, Address.fromHex(LOOP), new byte[0]);
      AtomicInteger checks = new AtomicInteger();
      assertThrows(ExecutionStoppedException.class,
          () -> node.port.call(loop, Optional.empty(), () -> checks.incrementAndGet() > 10));
      assertEquals(11, checks.get(), "asked before the run and every 1024 instructions until stopped");
      checks.set(0);
      assertThrows(ExecutionStoppedException.class,
          () -> node.port.estimateGas(loop, Optional.empty(), () -> checks.incrementAndGet() > 10));
      checks.set(0);
      assertThrows(ExecutionStoppedException.class,
          () -> node.port.estimateGas(hungry, Optional.empty(), () -> checks.incrementAndGet() > 2),
          "an estimate of a short call stops between its runs");
      assertEquals(head, node.headHash());
      CallResult unstopped = node.port.call(loop.withGas(100_000), Optional.empty());
      assertEquals(CallResult.Status.HALTED, unstopped.status(), "runs out of gas when not stopped");
    }
  }
}

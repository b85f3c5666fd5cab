package org.xinlian.evm.transaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.xinlian.common.Address;
import org.xinlian.common.Hash;
import org.xinlian.evm.BlockContext;
import org.xinlian.evm.ExecutionStoppedException;
import org.xinlian.evm.Outcome;
import org.xinlian.evm.StopSignal;
import org.xinlian.evm.precompile.Precompiles;
import org.xinlian.evm.state.InMemoryWorldState;
import org.xinlian.evm.word.UInt256;

/** A stop signal ends a transaction mid-flight and leaves the state as before it (EVM-13). */
class StopSignalTest {
  private static final Address SENDER = Address.fromHex("0x00000000000000000000000000000000000000a1");
  private static final Address LOOP = Address.fromHex("0x00000000000000000000000000000000000000b2");
  private static final Address COINBASE = Address.fromHex("0x00000000000000000000000000000000000000c3");
  private static final BlockContext BLOCK = new BlockContext(COINBASE, 1, 1, 30_000_000, UInt256.fromLong(7),
      UInt256.ZERO, UInt256.ONE, UInt256.ONE, n -> Hash.ZERO);
  /** SSTORE(0, 1), then JUMPDEST; PUSH1 5; JUMP forever: writes state, then burns all its gas. */
  private static final byte[] STORE_THEN_LOOP = {0x60, 0x01, 0x60, 0x00, 0x55, 0x5b, 0x60, 0x05, 0x56};

  private static ExecutableTransaction callLoop(long gasLimit) {
    return new ExecutableTransaction(2, SENDER, Optional.of(LOOP), 0, gasLimit, UInt256.fromLong(5),
        new byte[0], UInt256.fromLong(10), UInt256.fromLong(2), List.of(), List.of(), UInt256.ZERO);
  }

  private static InMemoryWorldState state() {
    InMemoryWorldState state = new InMemoryWorldState();
    state.setBalance(SENDER, UInt256.fromLong(1_000_000_000));
    state.setCode(LOOP, STORE_THEN_LOOP);
    state.commitInitialState();
    return state;
  }

  @Test
  void aStopRevertsEverythingTheTransactionDid() {
    InMemoryWorldState state = state();
    AtomicInteger checks = new AtomicInteger();
    StopSignal stopAfterThree = () -> checks.incrementAndGet() > 3;
    TransactionProcessor processor = new TransactionProcessor(Precompiles.cancun());
    assertThrows(ExecutionStoppedException.class,
        () -> processor.process(state, BLOCK, callLoop(10_000_000), stopAfterThree));
    assertEquals(4, checks.get(), "asked every STEPS_BETWEEN_CHECKS instructions until it said stop");
    assertEquals(UInt256.fromLong(1_000_000_000), state.balance(SENDER), "no fee bought, no value sent");
    assertEquals(0, state.nonce(SENDER));
    assertEquals(UInt256.ZERO, state.balance(LOOP));
    assertEquals(UInt256.ZERO, state.storage(LOOP, UInt256.ZERO));
    assertTrue(state.pendingChanges().stream().allMatch(update ->
        !update.address().equals(LOOP) || update.storage().getOrDefault(UInt256.ZERO, UInt256.ZERO).isZero()));

    // The same state still runs the next transaction as if nothing had happened.
    TransactionResult result = processor.process(state, BLOCK, callLoop(100_000));
    assertEquals(Outcome.EXCEPTIONAL_HALT, result.outcome(), "out of gas in the loop");
    assertEquals(1, state.nonce(SENDER));
  }

  @Test
  void withoutAStopTheLoopRunsOutOfGas() {
    TransactionResult result = new TransactionProcessor(Precompiles.cancun())
        .process(state(), BLOCK, callLoop(1_000_000), StopSignal.NEVER);
    assertEquals(Outcome.EXCEPTIONAL_HALT, result.outcome());
    assertEquals(1_000_000, result.gasUsed());
  }
}

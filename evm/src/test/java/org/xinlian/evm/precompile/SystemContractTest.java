package org.xinlian.evm.precompile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.xinlian.common.Address;
import org.xinlian.common.Hash;
import org.xinlian.common.Hex;
import org.xinlian.evm.BlockContext;
import org.xinlian.evm.Message;
import org.xinlian.evm.Outcome;
import org.xinlian.evm.state.InMemoryWorldState;
import org.xinlian.evm.state.WorldState;
import org.xinlian.evm.transaction.ExecutableTransaction;
import org.xinlian.evm.transaction.TransactionProcessor;
import org.xinlian.evm.transaction.TransactionResult;
import org.xinlian.evm.word.UInt256;

/**
 * The extension point for stateful native contracts (docs/adr/0009): a success keeps its writes
 * and charges its gas, a revert undoes its writes and the value sent and returns its data and the
 * unused gas, a halt undoes everything and uses all the gas; contracts reach it with CALL.
 */
class SystemContractTest {
  private static final Address SYSTEM = Address.fromHex("0x000000000000000000000000000000000000f100");
  private static final Address SENDER = Address.fromHex("0x00000000000000000000000000000000000000a1");
  private static final Address CALLER = Address.fromHex("0x00000000000000000000000000000000000000b2");
  private static final Address COINBASE = Address.fromHex("0x00000000000000000000000000000000000000c3");
  private static final BlockContext BLOCK = new BlockContext(COINBASE, 5, 1, 30_000_000, UInt256.ZERO,
      UInt256.ZERO, UInt256.ONE, UInt256.ONE, n -> Hash.ZERO);
  private static final UInt256 SLOT = UInt256.ONE;

  /** Writes a slot, then succeeds (input 0), reverts (1) or halts (2). */
  private static final class Toy implements SystemContract {
    final List<Message> seen = new ArrayList<>();

    @Override
    public Result call(WorldState state, BlockContext block, Message message) {
      seen.add(message);
      state.setStorage(message.recipient(), SLOT, UInt256.fromLong(block.number()));
      // Not empty, or EIP-161 would delete the touched account with its storage.
      state.setNonce(message.recipient(), 1);
      int mode = message.input().length == 0 ? 0 : message.input()[0];
      return switch (mode) {
        case 0 -> Result.success(5_000, "ok".getBytes(StandardCharsets.US_ASCII));
        case 1 -> Result.revert(3_000, "no".getBytes(StandardCharsets.US_ASCII));
        default -> Result.outOfGas();
      };
    }
  }

  private final Toy toy = new Toy();
  private final TransactionProcessor processor =
      new TransactionProcessor(Precompiles.cancun().withSystemContract(SYSTEM, toy));

  private static ExecutableTransaction call(long nonce, Address to, byte[] data, long value) {
    return new ExecutableTransaction(2, SENDER, Optional.of(to), nonce, 100_000, UInt256.fromLong(value),
        data, UInt256.ZERO, UInt256.ZERO, List.of(), List.of(), UInt256.ZERO);
  }

  private static InMemoryWorldState funded() {
    InMemoryWorldState state = new InMemoryWorldState();
    state.setBalance(SENDER, UInt256.fromLong(1_000_000));
    state.commitInitialState();
    return state;
  }

  @Test
  void successKeepsTheWritesAndChargesTheGas() {
    InMemoryWorldState state = funded();
    TransactionResult result = processor.process(state, BLOCK, call(0, SYSTEM, new byte[] {0}, 0));
    assertEquals(Outcome.SUCCESS, result.outcome());
    assertArrayEquals("ok".getBytes(StandardCharsets.US_ASCII), result.output());
    // Intrinsic 21000 + 4 for the zero data byte, then the contract's 5000.
    assertEquals(21_004 + 5_000, result.gasUsed());
    assertEquals(UInt256.fromLong(5), state.storage(SYSTEM, SLOT));
    assertEquals(SENDER, toy.seen.get(0).sender());
    assertEquals(SYSTEM, toy.seen.get(0).recipient());
  }

  @Test
  void revertUndoesTheWritesAndTheValueAndReturnsTheData() {
    InMemoryWorldState state = funded();
    TransactionResult result = processor.process(state, BLOCK, call(0, SYSTEM, new byte[] {1}, 700));
    assertEquals(Outcome.REVERT, result.outcome());
    assertArrayEquals("no".getBytes(StandardCharsets.US_ASCII), result.output());
    assertEquals(21_016 + 3_000, result.gasUsed());
    assertEquals(UInt256.ZERO, state.storage(SYSTEM, SLOT));
    assertEquals(UInt256.fromLong(1_000_000), state.balance(SENDER));
    assertEquals(1, state.nonce(SENDER));
  }

  @Test
  void haltUndoesEverythingAndUsesAllTheGas() {
    InMemoryWorldState state = funded();
    TransactionResult result = processor.process(state, BLOCK, call(0, SYSTEM, new byte[] {2}, 0));
    assertEquals(Outcome.EXCEPTIONAL_HALT, result.outcome());
    assertEquals(100_000, result.gasUsed());
    assertEquals(UInt256.ZERO, state.storage(SYSTEM, SLOT));
  }

  /** A contract CALLs the system contract with one input byte and stores the call's success flag. */
  @Test
  void contractsReachItWithCall() {
    // PUSH1 0 PUSH1 0 MSTORE8; CALL(gas, 0xf100, 0, 0, 1, 0, 0); PUSH1 0 SSTORE; STOP
    byte[] code = Hex.decode("0x600060005360006000600160006000" + "61f1005af1" + "600055" + "00");
    InMemoryWorldState state = funded();
    state.setCode(CALLER, code);
    state.commitInitialState();
    TransactionResult result = processor.process(state, BLOCK, call(0, CALLER, new byte[0], 0));
    assertEquals(Outcome.SUCCESS, result.outcome());
    assertEquals(UInt256.ONE, state.storage(CALLER, UInt256.ZERO), "the CALL succeeded");
    assertEquals(UInt256.fromLong(5), state.storage(SYSTEM, SLOT));
    assertEquals(CALLER, toy.seen.get(0).sender());
    assertEquals(1, toy.seen.get(0).depth());
  }

  @Test
  void systemContractsAreListedAndCannotShadowAPrecompile() {
    Precompiles precompiles = Precompiles.cancun().withSystemContract(SYSTEM, toy);
    assertTrue(precompiles.contains(SYSTEM));
    assertTrue(precompiles.addresses().contains(SYSTEM));
    assertTrue(precompiles.systemContract(SYSTEM).isPresent());
    assertTrue(Precompiles.cancun().systemContract(SYSTEM).isEmpty());
    assertThrows(IllegalArgumentException.class,
        () -> Precompiles.cancun().withSystemContract(Precompiles.address(1), toy));
  }
}

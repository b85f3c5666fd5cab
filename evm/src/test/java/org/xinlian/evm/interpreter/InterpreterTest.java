package org.xinlian.evm.interpreter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xinlian.evm.HaltReason;
import org.xinlian.evm.MessageResult;
import org.xinlian.evm.Outcome;
import org.xinlian.evm.word.UInt256;

/**
 * Opcode semantics and gas from the Yellow Paper (appendix G fee schedule, appendix H opcodes);
 * every expected gas figure is summed by hand from that schedule in the comment next to it.
 */
class InterpreterTest {
  private static final long GAS = 1_000_000;

  private static MessageResult run(String code) {
    return new EvmHarness().call(code, GAS);
  }

  private static long gasUsed(String code) {
    MessageResult result = run(code);
    assertEquals(Outcome.SUCCESS, result.outcome(), () -> "halted: " + result.haltReason());
    return GAS - result.gasLeft();
  }

  @ParameterizedTest
  @CsvSource({
    // PUSH1 PUSH1 ADD PUSH1 MSTORE(3 + 3 memory) PUSH1 PUSH1 RETURN
    "600260030160005260206000f3, 24",
    // PUSH2 PUSH1 EXP(10 + 50 * 2 exponent bytes) STOP
    "6101006002 0a 00, 116",
    // PUSH1 PUSH2 MSTORE at 0x3fe0 -> 512 words: 3*512 + 512*512/512 = 2048
    "6000613fe052 00, 2057",
    // PUSH1 JUMP JUMPDEST STOP: 3 + 8 + 1
    "600356 5b 00, 12",
    // PUSH1 PUSH1 JUMPI (not taken) STOP: 3 + 3 + 10
    "6000600057 00, 16",
    // PUSH0 (EIP-3855) costs 2
    "5f 00, 2",
    // CALLDATASIZE GAS PC MSIZE POP POP POP POP: 2 * 4 + 2 * 4
    "365a585950505050 00, 16",
    // PUSH1 PUSH1 KECCAK256 of 32 zero bytes: 30 + 6 + memory 3
    "6020600020 00, 45",
    // LOG1 of 1 byte: PUSH1 PUSH1 PUSH1 (9) + 375 + 375 + 8 + memory 3
    "60aa60016000a1 00, 770",
    // TSTORE, TLOAD at 100 each (EIP-1153): PUSH1 PUSH1 TSTORE PUSH1 TLOAD
    "600760015d60015c 00, 209",
  })
  void gasMatchesTheFeeSchedule(String code, long expected) {
    assertEquals(expected, gasUsed(code.replace(" ", "")));
  }

  @ParameterizedTest
  @CsvSource({
    "01, STACK_UNDERFLOW",
    "600156, INVALID_JUMP",
    // jumping into PUSH data is invalid even where the byte is 0x5b
    "605b600156, INVALID_JUMP",
    "fe, INVALID_OPCODE",
    "0c, INVALID_OPCODE",
    "ef, INVALID_OPCODE",
    // RETURNDATACOPY past the (empty) return data (EIP-211)
    "600160006000 3e, RETURN_DATA_OUT_OF_BOUNDS",
    // MSTORE at an offset that could never be paid for
    "600063ffffffff52, OUT_OF_GAS",
    "6000 7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff 52, OUT_OF_GAS",
  })
  void exceptionalHaltsUseAllGas(String code, HaltReason reason) {
    MessageResult result = run(code.replace(" ", ""));
    assertEquals(Outcome.EXCEPTIONAL_HALT, result.outcome());
    assertEquals(reason, result.haltReason().orElseThrow());
    assertEquals(0, result.gasLeft());
  }

  @Test
  void stackHoldsAtMost1024Items() {
    assertEquals(Outcome.SUCCESS, run("5f".repeat(1024)).outcome());
    MessageResult overflow = run("5f".repeat(1025));
    assertEquals(HaltReason.STACK_OVERFLOW, overflow.haltReason().orElseThrow());
  }

  @Test
  void returnsTheComputedWord() {
    // (7 - 10) / -1 via SDIV: -3 / -1 = 3
    EvmHarness evm = new EvmHarness();
    UInt256 word = evm.returnedWord("600019600a60070305 60005260206000f3");
    assertEquals(UInt256.fromLong(3), word);
  }

  @Test
  void environmentOpcodesReadTheContexts() {
    EvmHarness evm = new EvmHarness();
    assertEquals(UInt256.ONE, evm.returnedWord("46 60005260206000f3")); // CHAINID
    assertEquals(UInt256.fromLong(7), evm.returnedWord("48 60005260206000f3")); // BASEFEE
    assertEquals(UInt256.fromLong(100), evm.returnedWord("43 60005260206000f3")); // NUMBER
    assertEquals(UInt256.fromLong(0x0111), evm.returnedWord("600049 60005260206000f3")); // BLOBHASH 0
    assertEquals(UInt256.ZERO, evm.returnedWord("600149 60005260206000f3")); // BLOBHASH 1: none
    assertEquals(UInt256.fromLong(99_000), evm.returnedWord("606340 60005260206000f3")); // BLOCKHASH 99
    assertEquals(UInt256.ZERO, evm.returnedWord("606440 60005260206000f3")); // current block: 0
  }

  @Test
  void blockHashOnlyCoversThe256PreviousBlocks() {
    EvmHarness evm = new EvmHarness();
    evm.block = new org.xinlian.evm.BlockContext(EvmHarness.COINBASE, 1000, 0, 0, UInt256.ZERO,
        UInt256.ZERO, UInt256.ONE, UInt256.ZERO,
        n -> org.xinlian.common.Hash.wrap(UInt256.fromLong(n + 1).toBytes()));
    assertEquals(UInt256.fromLong(745), evm.returnedWord("6102e840 60005260206000f3")); // 744 = 1000-256
    assertEquals(UInt256.ZERO, evm.returnedWord("6102e740 60005260206000f3")); // 743: too old
    assertEquals(UInt256.fromLong(1000), evm.returnedWord("6103e740 60005260206000f3")); // 999
  }

  @Test
  void transientStorageIsClearedAtTheEndOfTheTransaction() {
    EvmHarness evm = new EvmHarness();
    // TLOAD(1) returned, then TSTORE(1, 7)
    String code = "60015c 600760015d 60005260206000f3";
    assertEquals(UInt256.ZERO, evm.returnedWord(code));
    assertEquals(UInt256.fromLong(7), evm.returnedWord(code));
    evm.state.finishTransaction();
    assertEquals(UInt256.ZERO, evm.returnedWord(code));
  }

  /** EIP-5656 test cases: MCOPY copies like memmove and charges 3 + 3 per word + expansion. */
  @ParameterizedTest
  @CsvSource({
    // memory[32..64] = 0x00..1f; MCOPY(0, 32, 32)
    "0, 32, 32, 000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f",
    // overlapping forward copy: MCOPY(1, 0, 8) after storing 0x0001..07 at the start
    "1, 0, 8, 0000010203040506070000000000000000000000000000000000000000000000",
    // overlapping backward copy: MCOPY(0, 1, 8)
    "0, 1, 8, 0102030405060708080000000000000000000000000000000000000000000000",
  })
  void mcopyBehavesAsMemmove(int destination, int source, int length, String expectedFirstWord) {
    String first = destination == 0 && source == 32
        ? "7f000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f602052"
        : "7f0001020304050607080000000000000000000000000000000000000000000000600052";
    String code = first
        + String.format("60%02x60%02x60%02x5e", length, source, destination)
        + "60206000f3";
    UInt256 word = new EvmHarness().returnedWord(code);
    assertEquals(UInt256.fromBytes(org.xinlian.common.Hex.decode(expectedFirstWord)), word);
  }

  @Test
  void signExtendAndByte() {
    EvmHarness evm = new EvmHarness();
    // SIGNEXTEND(0, 0xff) = -1
    assertEquals(UInt256.MAX, evm.returnedWord("60ff60000b 60005260206000f3"));
    // BYTE(31, 0x1234) = 0x34
    assertEquals(UInt256.fromLong(0x34), evm.returnedWord("611234601f1a 60005260206000f3"));
  }

  @Test
  void deepRecursionNeedsNoJavaStack() {
    // CALL(gas, ADDRESS, 0, 0, 0, 0, 0) on itself, forever: 63/64 and depth 1024 end it cleanly.
    EvmHarness evm = new EvmHarness();
    MessageResult result = evm.call("6000600060006000600030 5a f1 00".replace(" ", ""), 30_000_000L);
    assertTrue(result.isSuccess());
  }
}

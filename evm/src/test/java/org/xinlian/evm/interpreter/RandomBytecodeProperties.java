package org.xinlian.evm.interpreter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.xinlian.common.Address;
import org.xinlian.evm.MessageResult;
import org.xinlian.evm.Outcome;
import org.xinlian.evm.word.UInt256;

/**
 * Whatever the bytecode and call data, the interpreter ends in a clean halt (success, revert or
 * exceptional halt) with consistent gas accounting; no Java exception escapes.
 */
class RandomBytecodeProperties {
  private static final long GAS = 200_000;

  /** Random bytes, biased toward real opcodes and small PUSH immediates so programs get somewhere. */
  @Provide
  Arbitrary<byte[]> bytecode() {
    Arbitrary<Byte> anyByte = Arbitraries.bytes();
    Arbitrary<Byte> opcode = Arbitraries.of(
        (byte) 0x01, (byte) 0x02, (byte) 0x04, (byte) 0x0a, (byte) 0x0b, (byte) 0x1b, (byte) 0x1d,
        (byte) 0x20, (byte) 0x31, (byte) 0x35, (byte) 0x37, (byte) 0x39, (byte) 0x3c, (byte) 0x3e,
        (byte) 0x3f, (byte) 0x40, (byte) 0x51, (byte) 0x52, (byte) 0x53, (byte) 0x54, (byte) 0x55,
        (byte) 0x56, (byte) 0x57, (byte) 0x5b, (byte) 0x5c, (byte) 0x5d, (byte) 0x5e, (byte) 0x5f,
        (byte) 0x60, (byte) 0x61, (byte) 0x7f, (byte) 0x80, (byte) 0x90, (byte) 0xa2, (byte) 0xf0,
        (byte) 0xf1, (byte) 0xf2, (byte) 0xf3, (byte) 0xf4, (byte) 0xf5, (byte) 0xfa, (byte) 0xfd,
        (byte) 0xff, (byte) 0x30, (byte) 0x5a, (byte) 0x3d, (byte) 0x36);
    Arbitrary<Byte> small = Arbitraries.bytes().between((byte) 0, (byte) 40);
    Arbitrary<Byte> mixed = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(5, opcode), net.jqwik.api.Tuple.of(3, small), net.jqwik.api.Tuple.of(2, anyByte));
    return mixed.array(byte[].class).ofMaxSize(300);
  }

  @Provide
  Arbitrary<byte[]> callData() {
    return Arbitraries.bytes().array(byte[].class).ofMaxSize(100);
  }

  @Property(tries = 3000)
  void anyBytecodeHaltsCleanly(@ForAll("bytecode") byte[] code, @ForAll("callData") byte[] input) {
    EvmHarness evm = new EvmHarness();
    // A second contract with the same code, so calls and delegate calls reach real code.
    evm.deploy(Address.fromHex("0x0000000000000000000000000000000000000028"), org.xinlian.common.Hex.encode(code));
    evm.state.setCode(EvmHarness.CONTRACT, code);
    evm.state.setBalance(EvmHarness.CONTRACT, UInt256.fromLong(1_000_000));
    MessageResult result = evm.call(EvmHarness.CONTRACT, input, UInt256.ONE, GAS);
    assertNotNull(result.outcome());
    assertTrue(result.gasLeft() >= 0 && result.gasLeft() <= GAS, "gas left within the limit");
    if (result.outcome() == Outcome.EXCEPTIONAL_HALT) {
      assertEquals(0, result.gasLeft(), "an exceptional halt uses all gas");
      assertEquals(0, result.output().length, "an exceptional halt returns nothing");
      assertTrue(result.haltReason().isPresent());
    }
    if (result.outcome() != Outcome.SUCCESS) {
      assertEquals(0, result.logs().size(), "a failed frame keeps no logs");
    }
  }
}

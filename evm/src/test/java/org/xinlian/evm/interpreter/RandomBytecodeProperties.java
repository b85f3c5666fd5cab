package org.xinlian.evm.interpreter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
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

  /**
   * Programs of random instructions: small PUSH1 operands (offsets, sizes, addresses of the test
   * accounts), wide PUSH32 words, real opcodes and the odd arbitrary byte, after a run of pushes
   * so most programs get past the first few operations.
   */
  @Provide
  Arbitrary<byte[]> bytecode() {
    Arbitrary<byte[]> smallPush = Arbitraries.bytes().between((byte) 0, (byte) 64)
        .map(b -> new byte[] {0x60, b});
    Arbitrary<byte[]> widePush = Arbitraries.bytes().array(byte[].class).ofSize(32).map(word -> {
      byte[] out = new byte[33];
      out[0] = 0x7f;
      System.arraycopy(word, 0, out, 1, 32);
      return out;
    });
    Arbitrary<byte[]> opcode = Arbitraries.of(
        0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a, 0x0b, 0x10, 0x11, 0x12, 0x13,
        0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1a, 0x1b, 0x1c, 0x1d, 0x20, 0x30, 0x31, 0x32, 0x33,
        0x34, 0x35, 0x36, 0x37, 0x38, 0x39, 0x3a, 0x3b, 0x3c, 0x3d, 0x3e, 0x3f, 0x40, 0x41, 0x42,
        0x43, 0x44, 0x45, 0x46, 0x47, 0x48, 0x49, 0x4a, 0x50, 0x51, 0x52, 0x53, 0x54, 0x55, 0x56,
        0x57, 0x58, 0x59, 0x5a, 0x5b, 0x5c, 0x5d, 0x5e, 0x5f, 0x80, 0x81, 0x85, 0x8f, 0x90, 0x91,
        0x9f, 0xa0, 0xa2, 0xa4, 0xf0, 0xf1, 0xf2, 0xf3, 0xf4, 0xf5, 0xfa, 0xfd, 0xff)
        .map(op -> new byte[] {(byte) (int) op});
    Arbitrary<byte[]> anyByte = Arbitraries.bytes().map(b -> new byte[] {b});
    Arbitrary<byte[]> instruction = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(6, smallPush), net.jqwik.api.Tuple.of(1, widePush),
        net.jqwik.api.Tuple.of(8, opcode), net.jqwik.api.Tuple.of(1, anyByte));
    return instruction.list().ofMaxSize(120).map(parts -> {
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      for (int i = 0; i < 8; i++) {
        out.write(0x60);
        out.write(i * 8);
      }
      parts.forEach(out::writeBytes);
      return out.toByteArray();
    });
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
    Statistics.collect(result.outcome(), result.haltReason().map(Enum::name).orElse("-"));
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

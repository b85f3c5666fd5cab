package org.xinlian.evm.interpreter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.xinlian.common.Hex;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.crypto.KeyPair;
import org.xinlian.crypto.Signature;
import org.xinlian.evm.MessageResult;
import org.xinlian.evm.precompile.Precompiles;
import org.xinlian.evm.word.UInt256;

/** The gm precompiles reached as a contract reaches them: STATICCALL from running bytecode. */
class GmPrecompileCallTest {
  // Returns [output word, success flag] of STATICCALL(0xf001, "abc").
  private static final String SM3_OF_ABC =
      "62616263" // PUSH3 "abc"
          + "6000 52" // PUSH1 0, MSTORE: "abc" now in memory[29..32)
          + "6020" // PUSH1 32: retSize
          + "6000" // PUSH1 0: retOffset
          + "6003" // PUSH1 3: argsSize
          + "601d" // PUSH1 29: argsOffset
          + "61f001" // PUSH2 0xf001: address
          + "5a" // GAS: forward all
          + "fa" // STATICCALL
          + "6020 52" // PUSH1 32, MSTORE: success flag into the second word
          + "6040 6000 f3"; // PUSH1 64, PUSH1 0, RETURN

  // Copies 160 bytes of call data, STATICCALLs 0xf002 with them, returns
  // [memory word 0 (overwritten by any output), success flag, RETURNDATASIZE].
  private static final String SM2_VERIFY_CALLDATA =
      "60a0 6000 6000 37" // PUSH1 160, PUSH1 0, PUSH1 0, CALLDATACOPY
          + "6020" // PUSH1 32: retSize
          + "6000" // PUSH1 0: retOffset
          + "60a0" // PUSH1 160: argsSize
          + "6000" // PUSH1 0: argsOffset
          + "61f002" // PUSH2 0xf002: address
          + "5a fa" // GAS, STATICCALL
          + "6020 52" // PUSH1 32, MSTORE: success flag
          + "3d 6040 52" // RETURNDATASIZE, PUSH1 64, MSTORE
          + "6060 6000 f3"; // PUSH1 96, PUSH1 0, RETURN

  @Test
  void sm3ThroughStaticCall() {
    EvmHarness harness = new EvmHarness();
    harness.precompiles = Precompiles.cancunWithGm();
    MessageResult result = harness.call(SM3_OF_ABC, 1_000_000);
    assertTrue(result.isSuccess(), result.toString());
    // GB/T 32905-2016 appendix A.1: SM3("abc")
    assertEquals("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0",
        Hex.encodeBare(Arrays.copyOfRange(result.output(), 0, 32)));
    assertEquals(UInt256.ONE, UInt256.fromBytes(Arrays.copyOfRange(result.output(), 32, 64)));
  }

  @Test
  void standardChainsHaveNoCodeAt0xf001() {
    EvmHarness harness = new EvmHarness();
    harness.precompiles = Precompiles.cancun();
    MessageResult result = harness.call(SM3_OF_ABC, 1_000_000);
    assertTrue(result.isSuccess(), result.toString());
    // A call to an empty account succeeds and writes nothing: memory still holds "abc".
    assertEquals(UInt256.fromLong(0x616263), UInt256.fromBytes(Arrays.copyOfRange(result.output(), 0, 32)));
    assertEquals(UInt256.ONE, UInt256.fromBytes(Arrays.copyOfRange(result.output(), 32, 64)));
  }

  @Test
  void sm2VerifyThroughStaticCall() {
    CryptoSuite gm = CryptoSuites.gm();
    KeyPair keys = gm.keyPairFromPrivateKey(Hex.decode(
        "3333333333333333333333333333333333333333333333333333333333333333"));
    byte[] digest = gm.hash("vote".getBytes(StandardCharsets.UTF_8));
    Signature signature = gm.sign(keys.privateKey(), digest);
    byte[] input = new byte[160];
    System.arraycopy(digest, 0, input, 0, 32);
    System.arraycopy(UInt256.fromBigInteger(signature.r()).toBytes(), 0, input, 32, 32);
    System.arraycopy(UInt256.fromBigInteger(signature.s()).toBytes(), 0, input, 64, 32);
    System.arraycopy(keys.publicKey().bytes(), 0, input, 96, 64);

    EvmHarness harness = new EvmHarness();
    harness.precompiles = Precompiles.cancunWithGm();
    harness.deploy(EvmHarness.CONTRACT, SM2_VERIFY_CALLDATA);
    MessageResult valid = harness.call(EvmHarness.CONTRACT, input, UInt256.ZERO, 1_000_000);
    assertTrue(valid.isSuccess(), valid.toString());
    byte[] expected = new byte[96];
    expected[31] = 1; // output word 1
    expected[63] = 1; // call succeeded
    expected[95] = 32; // RETURNDATASIZE
    assertArrayEquals(expected, valid.output());

    input[0] ^= 1;
    MessageResult invalid = harness.call(EvmHarness.CONTRACT, input, UInt256.ZERO, 1_000_000);
    assertTrue(invalid.isSuccess(), invalid.toString());
    byte[] untouched = Arrays.copyOf(input, 96);
    Arrays.fill(untouched, 32, 96, (byte) 0);
    untouched[63] = 1; // the call itself still succeeds ...
    // ... with empty output, so RETURNDATASIZE is 0 and memory word 0 keeps the digest.
    assertArrayEquals(untouched, invalid.output());
  }
}

package org.xinlian.evm.interpreter;

import java.util.List;
import org.xinlian.common.Address;
import org.xinlian.common.Hash;
import org.xinlian.common.Hex;
import org.xinlian.evm.BlockContext;
import org.xinlian.evm.Message;
import org.xinlian.evm.MessageKind;
import org.xinlian.evm.MessageResult;
import org.xinlian.evm.TransactionContext;
import org.xinlian.evm.precompile.Precompiles;
import org.xinlian.evm.state.InMemoryWorldState;
import org.xinlian.evm.word.UInt256;

/** Runs bytecode as the code of {@link #CONTRACT}, called by {@link #CALLER}, as a test fixture. */
final class EvmHarness {
  static final Address CALLER = Address.fromHex("0x1000000000000000000000000000000000000001");
  static final Address CONTRACT = Address.fromHex("0x2000000000000000000000000000000000000002");
  static final Address COINBASE = Address.fromHex("0x3000000000000000000000000000000000000003");

  final InMemoryWorldState state = new InMemoryWorldState();
  BlockContext block =
      new BlockContext(
          COINBASE, 100, 1_700_000_000L, 30_000_000L, UInt256.fromLong(7), UInt256.fromLong(0xabcdef),
          UInt256.ONE, UInt256.fromLong(1), number -> Hash.wrap(UInt256.fromLong(number * 1000).toBytes()));
  TransactionContext transaction =
      new TransactionContext(CALLER, UInt256.fromLong(10), List.of(UInt256.fromLong(0x0111)));
  Precompiles precompiles = Precompiles.cancun();

  EvmHarness() {
    state.setBalance(CALLER, UInt256.fromLong(1_000_000_000_000L));
    state.finishTransaction();
  }

  EvmHarness deploy(Address address, String codeHex) {
    state.setCode(address, Hex.decode(codeHex.replace(" ", "")));
    state.setNonce(address, 1);
    return this;
  }

  MessageResult call(String codeHex, long gas) {
    deploy(CONTRACT, codeHex);
    return call(CONTRACT, new byte[0], UInt256.ZERO, gas);
  }

  MessageResult call(Address to, byte[] input, UInt256 value, long gas) {
    state.warmAddress(CALLER);
    state.warmAddress(to);
    Message message =
        new Message(MessageKind.CALL, CALLER, to, to, value, true, input, state.code(to), gas, 0, false);
    return new MessageProcessor(state, block, transaction, precompiles).process(message);
  }

  /** Runs the code and returns the 32-byte word it returns (the code must end in RETURN of a word). */
  UInt256 returnedWord(String codeHex) {
    MessageResult result = call(codeHex, 1_000_000);
    if (!result.isSuccess() || result.output().length != 32) {
      throw new AssertionError("expected a returned word but got " + result);
    }
    return UInt256.fromBytes(result.output());
  }
}

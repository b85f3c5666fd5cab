package org.xinlian.evm.transaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.xinlian.common.Address;
import org.xinlian.common.Hash;
import org.xinlian.evm.BlockContext;
import org.xinlian.evm.Outcome;
import org.xinlian.evm.precompile.Precompiles;
import org.xinlian.evm.state.InMemoryWorldState;
import org.xinlian.evm.word.UInt256;

/** Intrinsic gas, fee payment and rejection rules of a Cancun transaction. */
class TransactionProcessorTest {
  private static final Address SENDER = Address.fromHex("0x00000000000000000000000000000000000000a1");
  private static final Address RECIPIENT = Address.fromHex("0x00000000000000000000000000000000000000b2");
  private static final Address COINBASE = Address.fromHex("0x00000000000000000000000000000000000000c3");
  private static final BlockContext BLOCK = new BlockContext(COINBASE, 1, 1, 30_000_000, UInt256.fromLong(7),
      UInt256.ZERO, UInt256.ONE, UInt256.ONE, n -> Hash.ZERO);

  private static ExecutableTransaction transfer(long nonce, long gasLimit, byte[] data,
      List<ExecutableTransaction.AccessListEntry> accessList, Optional<Address> to) {
    return new ExecutableTransaction(2, SENDER, to, nonce, gasLimit, UInt256.fromLong(1000), data,
        UInt256.fromLong(10), UInt256.fromLong(2), accessList, List.of(), UInt256.ZERO);
  }

  /**
   * 21000 base, 4 per zero and 16 per non-zero data byte (EIP-2028), 32000 plus 2 per initcode
   * word for creations (EIP-3860), 2400 per access-list address and 1900 per key (EIP-2930).
   */
  @Test
  void intrinsicGasFollowsTheEips() {
    byte[] data = {0, 0, 1, 2, 3};
    assertEquals(21_000 + 2 * 4 + 3 * 16,
        TransactionProcessor.intrinsicGas(transfer(0, 0, data, List.of(), Optional.of(RECIPIENT))));
    assertEquals(21_000 + 32_000 + 2 * 4 + 3 * 16 + 2,
        TransactionProcessor.intrinsicGas(transfer(0, 0, data, List.of(), Optional.empty())));
    var entry = new ExecutableTransaction.AccessListEntry(RECIPIENT, List.of(UInt256.ONE, UInt256.ZERO));
    assertEquals(21_000 + 2400 + 2 * 1900,
        TransactionProcessor.intrinsicGas(transfer(0, 0, new byte[0], List.of(entry), Optional.of(RECIPIENT))));
  }

  @Test
  void aPlainTransferPaysTheEffectiveGasPrice() {
    InMemoryWorldState state = new InMemoryWorldState();
    state.setBalance(SENDER, UInt256.fromLong(1_000_000));
    state.commitInitialState();
    TransactionResult result = new TransactionProcessor(Precompiles.cancun())
        .process(state, BLOCK, transfer(0, 21_000, new byte[0], List.of(), Optional.of(RECIPIENT)));
    assertEquals(Outcome.SUCCESS, result.outcome());
    assertEquals(21_000, result.gasUsed());
    // EIP-1559: price min(10, 7 + 2) = 9; the coinbase gets the tip of 2 per gas.
    assertEquals(UInt256.fromLong(1_000_000 - 1000 - 21_000 * 9), state.balance(SENDER));
    assertEquals(UInt256.fromLong(1000), state.balance(RECIPIENT));
    assertEquals(UInt256.fromLong(21_000 * 2), state.balance(COINBASE));
    assertEquals(1, state.nonce(SENDER));
  }

  @Test
  void invalidTransactionsLeaveTheStateAlone() {
    InMemoryWorldState state = new InMemoryWorldState();
    state.setBalance(SENDER, UInt256.fromLong(1_000_000));
    state.commitInitialState();
    TransactionProcessor processor = new TransactionProcessor(Precompiles.cancun());
    assertTrue(processor.process(state, BLOCK, transfer(1, 21_000, new byte[0], List.of(), Optional.of(RECIPIENT)))
        .isRejected(), "wrong nonce");
    assertTrue(processor.process(state, BLOCK, transfer(0, 20_999, new byte[0], List.of(), Optional.of(RECIPIENT)))
        .isRejected(), "gas below intrinsic");
    assertTrue(processor.process(state, BLOCK, transfer(0, 200_000, new byte[0], List.of(), Optional.of(RECIPIENT)))
        .isRejected(), "cannot pay gasLimit * maxFeePerGas + value");
    state.setCode(SENDER, new byte[] {0});
    assertTrue(processor.process(state, BLOCK, transfer(0, 21_000, new byte[0], List.of(), Optional.of(RECIPIENT)))
        .isRejected(), "EIP-3607: sender with code");
    assertEquals(UInt256.fromLong(1_000_000), state.balance(SENDER));
    assertEquals(0, state.nonce(SENDER));
  }
}

package org.xinlian.evm.transaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.xinlian.common.Address;
import org.xinlian.common.Hash;
import org.xinlian.common.Hex;
import org.xinlian.evm.BlockContext;
import org.xinlian.evm.Outcome;
import org.xinlian.evm.precompile.Precompiles;
import org.xinlian.evm.state.InMemoryWorldState;
import org.xinlian.evm.word.UInt256;

/** {@link FeeMode#ZERO_PRICE}: gas metered as under Ethereum, nothing paid for it (EVM-5 to EVM-7). */
class FeeModeTest {
  private static final Address SENDER = Address.fromHex("0x00000000000000000000000000000000000000a1");
  private static final Address CONTRACT = Address.fromHex("0x00000000000000000000000000000000000000b2");
  private static final Address COINBASE = Address.fromHex("0x00000000000000000000000000000000000000c3");
  private static final long BLOCK_GAS_LIMIT = 30_000_000;
  private static final BlockContext BLOCK = new BlockContext(COINBASE, 1, 1, BLOCK_GAS_LIMIT, UInt256.fromLong(7),
      UInt256.ZERO, UInt256.ONE, UInt256.ONE, n -> Hash.ZERO);

  /** PUSH1 1, PUSH1 0, SSTORE, STOP. */
  private static final byte[] STORE_ONE = Hex.decode("0x600160005500");

  /**
   * Gas of a call to {@link #STORE_ONE} by the Cancun rules: 21000 intrinsic, 3 for each PUSH1,
   * 20000 for setting a zero slot plus 2100 for its first (cold) access (EIP-2200, EIP-2929).
   */
  private static final long STORE_ONE_GAS = 21_000 + 3 + 3 + 20_000 + 2_100;

  /** GASPRICE, PUSH1 0, SSTORE, BASEFEE, PUSH1 1, SSTORE, STOP. */
  private static final byte[] STORE_PRICES = Hex.decode("0x3a6000554860015500");

  /** JUMPDEST, PUSH1 0, JUMP: loops until the gas runs out. */
  private static final byte[] LOOP = Hex.decode("0x5b600056");

  private static ExecutableTransaction call(long gasLimit, long value) {
    // maxFeePerGas 10, tip 2: a price an Ethereum wallet would set, charged nothing under ZERO_PRICE.
    return new ExecutableTransaction(2, SENDER, Optional.of(CONTRACT), 0, gasLimit, UInt256.fromLong(value),
        new byte[0], UInt256.fromLong(10), UInt256.fromLong(2), List.of(), List.of(), UInt256.ZERO);
  }

  private static InMemoryWorldState state(long senderBalance, byte[] code) {
    InMemoryWorldState state = new InMemoryWorldState();
    state.setBalance(SENDER, UInt256.fromLong(senderBalance));
    state.setBalance(COINBASE, UInt256.fromLong(5));
    state.setCode(CONTRACT, code);
    state.commitInitialState();
    return state;
  }

  /** EVM-6: a sender with no balance runs a transaction that uses gas; gasUsed is Ethereum's (EVM-5). */
  @Test
  void aSenderWithoutBalanceRunsAndGasUsedIsAsUnderEthereum() {
    InMemoryWorldState free = state(0, STORE_ONE);
    TransactionResult zeroPrice = new TransactionProcessor(Precompiles.cancun(), FeeMode.ZERO_PRICE)
        .process(free, BLOCK, call(100_000, 0));
    InMemoryWorldState paid = state(10_000_000, STORE_ONE);
    TransactionResult ethereum = new TransactionProcessor(Precompiles.cancun(), FeeMode.ETHEREUM)
        .process(paid, BLOCK, call(100_000, 0));

    assertFalse(zeroPrice.isRejected(), () -> zeroPrice.rejection().orElse(""));
    assertEquals(Outcome.SUCCESS, zeroPrice.outcome());
    assertEquals(STORE_ONE_GAS, zeroPrice.gasUsed());
    assertEquals(ethereum.gasUsed(), zeroPrice.gasUsed());
    assertEquals(UInt256.ONE, free.storageOf(CONTRACT).get(UInt256.ZERO));
    assertEquals(UInt256.ZERO, free.balance(SENDER));
    assertEquals(UInt256.fromLong(5), free.balance(COINBASE));
    assertEquals(1, free.nonce(SENDER));
    // Under Ethereum the same transaction costs 9 per gas (min(10, 7 + 2)) and tips 2 per gas.
    assertEquals(UInt256.fromLong(10_000_000 - STORE_ONE_GAS * 9), paid.balance(SENDER));
    assertEquals(UInt256.fromLong(5 + STORE_ONE_GAS * 2), paid.balance(COINBASE));
  }

  /** EVM-6: only the value moves; the sender needs a balance for it and no more. */
  @Test
  void onlyTheValueTransferChangesBalances() {
    InMemoryWorldState state = state(1_000, STORE_ONE);
    TransactionProcessor processor = new TransactionProcessor(Precompiles.cancun(), FeeMode.ZERO_PRICE);
    assertTrue(processor.process(state, BLOCK, call(100_000, 1_001)).isRejected(), "value above balance");
    TransactionResult result = processor.process(state, BLOCK, call(100_000, 1_000));
    assertEquals(Outcome.SUCCESS, result.outcome());
    assertEquals(UInt256.ZERO, state.balance(SENDER));
    assertEquals(UInt256.fromLong(1_000), state.balance(CONTRACT));
    assertEquals(UInt256.fromLong(5), state.balance(COINBASE));
  }

  /** EVM-7: out of gas still halts, using the whole gas limit; nothing is charged for it. */
  @Test
  void outOfGasStillHalts() {
    InMemoryWorldState state = state(0, LOOP);
    TransactionResult result = new TransactionProcessor(Precompiles.cancun(), FeeMode.ZERO_PRICE)
        .process(state, BLOCK, call(50_000, 0));
    assertEquals(Outcome.EXCEPTIONAL_HALT, result.outcome());
    assertEquals(50_000, result.gasUsed());
    assertEquals(UInt256.ZERO, state.balance(SENDER));
    assertEquals(UInt256.fromLong(5), state.balance(COINBASE));
  }

  /** EVM-7: the block gas limit and the intrinsic gas still bound a transaction. */
  @Test
  void gasLimitsStillApply() {
    InMemoryWorldState state = state(0, STORE_ONE);
    TransactionProcessor processor = new TransactionProcessor(Precompiles.cancun(), FeeMode.ZERO_PRICE);
    assertEquals(Optional.of("gasLimit: above the block gas limit"),
        processor.process(state, BLOCK, call(BLOCK_GAS_LIMIT + 1, 0)).rejection());
    assertEquals(Optional.of("gasLimit: below the intrinsic gas"),
        processor.process(state, BLOCK, call(20_999, 0)).rejection());
    assertEquals(0, state.nonce(SENDER));
  }

  /** EVM-6: GASPRICE and BASEFEE read zero, as the chain charges. */
  @Test
  void gasPriceAndBaseFeeReadZero() {
    InMemoryWorldState free = state(0, STORE_PRICES);
    new TransactionProcessor(Precompiles.cancun(), FeeMode.ZERO_PRICE).process(free, BLOCK, call(100_000, 0));
    assertEquals(java.util.Map.of(), free.storageOf(CONTRACT));
    InMemoryWorldState paid = state(10_000_000, STORE_PRICES);
    new TransactionProcessor(Precompiles.cancun()).process(paid, BLOCK, call(100_000, 0));
    assertEquals(UInt256.fromLong(9), paid.storageOf(CONTRACT).get(UInt256.ZERO));
    assertEquals(UInt256.fromLong(7), paid.storageOf(CONTRACT).get(UInt256.ONE));
  }
}

package org.xinlian.evm.transaction;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.xinlian.common.Address;
import org.xinlian.common.Hash;
import org.xinlian.common.Hex;
import org.xinlian.common.InvariantViolation;
import org.xinlian.crypto.Keccak256;
import org.xinlian.evm.BlockContext;
import org.xinlian.evm.precompile.Precompiles;
import org.xinlian.evm.state.InMemoryWorldState;
import org.xinlian.evm.word.UInt256;
import org.xinlian.types.block.LogsBloom;
import org.xinlian.types.block.Receipt;
import org.xinlian.types.transaction.TransactionType;

/** EVM-11: the receipt of an executed transaction. */
class ReceiptTest {
  private static final Address SENDER = Address.fromHex("0x00000000000000000000000000000000000000a1");
  private static final Address CONTRACT = Address.fromHex("0x00000000000000000000000000000000000000b2");
  private static final Address COINBASE = Address.fromHex("0x00000000000000000000000000000000000000c3");
  private static final BlockContext BLOCK = new BlockContext(COINBASE, 1, 1, 30_000_000, UInt256.ZERO,
      UInt256.ZERO, UInt256.ONE, UInt256.ONE, n -> Hash.ZERO);

  /** PUSH1 0xaa, PUSH1 0, MSTORE8; PUSH1 0x42 (topic), PUSH1 1 (size), PUSH1 0 (offset), LOG1; STOP. */
  private static final byte[] LOG_ONE = Hex.decode("0x60aa600053604260016000a100");

  /** The same LOG1, then PUSH1 0, PUSH1 0, REVERT: the log must not survive. */
  private static final byte[] LOG_THEN_REVERT = Hex.decode("0x60aa600053604260016000a160006000fd");

  private static final Hash TOPIC = Hash.wrap(UInt256.fromLong(0x42).toBytes());

  @Test
  void aSuccessfulTransactionReportsItsLogsBloomAndCumulativeGas() {
    TransactionResult result = run(LOG_ONE);
    Receipt receipt = result.receipt(TransactionType.DYNAMIC_FEE, 50_000);

    assertTrue(receipt.success());
    assertEquals(50_000 + result.gasUsed(), receipt.cumulativeGasUsed());
    assertEquals(1, receipt.logs().size());
    assertEquals(CONTRACT, receipt.logs().get(0).address());
    assertEquals(List.of(TOPIC), receipt.logs().get(0).topics());
    assertArrayEquals(new byte[] {(byte) 0xaa}, receipt.logs().get(0).data());
    byte[] expectedBloom = new byte[LogsBloom.LENGTH];
    setBloomBits(expectedBloom, CONTRACT.toArray());
    setBloomBits(expectedBloom, TOPIC.toArray());
    assertArrayEquals(expectedBloom, receipt.logsBloom().toArray());
  }

  @Test
  void aRevertedTransactionHasStatusZeroAndNoLogs() {
    TransactionResult result = run(LOG_THEN_REVERT);
    Receipt receipt = result.receipt(TransactionType.LEGACY, 0);

    assertFalse(receipt.success());
    assertEquals(result.gasUsed(), receipt.cumulativeGasUsed());
    assertEquals(List.of(), receipt.logs());
    assertEquals(LogsBloom.EMPTY, receipt.logsBloom());
  }

  @Test
  void aRejectedTransactionHasNoReceipt() {
    TransactionResult rejected = TransactionResult.rejected("nonce too low");
    assertThrows(InvariantViolation.class, () -> rejected.receipt(TransactionType.LEGACY, 0));
  }

  private static TransactionResult run(byte[] code) {
    InMemoryWorldState state = new InMemoryWorldState();
    state.setBalance(SENDER, UInt256.fromLong(1_000_000_000));
    state.setCode(CONTRACT, code);
    state.commitInitialState();
    ExecutableTransaction call = new ExecutableTransaction(2, SENDER, Optional.of(CONTRACT), 0, 100_000,
        UInt256.ZERO, new byte[0], UInt256.ONE, UInt256.ZERO, List.of(), List.of(), UInt256.ZERO);
    TransactionResult result = new TransactionProcessor(Precompiles.cancun()).process(state, BLOCK, call);
    assertFalse(result.isRejected(), () -> result.rejection().orElse(""));
    return result;
  }

  /** Yellow Paper M3:2048, written out here independently of {@link LogsBloom}. */
  private static void setBloomBits(byte[] bloom, byte[] value) {
    byte[] hash = Keccak256.hash(value);
    for (int i = 0; i < 6; i += 2) {
      int bit = ((hash[i] & 0xff) << 8 | (hash[i + 1] & 0xff)) & 2047;
      bloom[LogsBloom.LENGTH - 1 - bit / 8] |= (byte) (1 << (bit % 8));
    }
  }
}

package org.xinlian.evm.interpreter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xinlian.evm.MessageResult;
import org.xinlian.evm.Outcome;
import org.xinlian.evm.word.UInt256;

/** SSTORE net gas metering: EIP-2200 as amended by EIP-2929 and EIP-3529. */
class StorageGasTest {
  private static final long GAS = 100_000;

  /**
   * The "Test Cases" table of EIP-3529 (used gas, refund, original value of slot 0). The table's
   * gas figures assume slot 0 is already warm (its first SSTORE is not charged 2100), so the
   * harness warms it as an access list would.
   */
  @ParameterizedTest
  @CsvSource({
    "60006000556000600055, 212, 0, 0",
    "60006000556001600055, 20112, 0, 0",
    "60016000556000600055, 20112, 19900, 0",
    "60016000556002600055, 20112, 0, 0",
    "60016000556001600055, 20112, 0, 0",
    "60006000556000600055, 3012, 4800, 1",
    "60006000556001600055, 3012, 2800, 1",
    "60006000556002600055, 3012, 0, 1",
    "60026000556000600055, 3012, 4800, 1",
    "60026000556003600055, 3012, 0, 1",
    "60026000556001600055, 3012, 2800, 1",
    "60026000556002600055, 3012, 0, 1",
    "60016000556000600055, 3012, 4800, 1",
    "60016000556002600055, 3012, 0, 1",
    "60016000556001600055, 212, 0, 1",
    "600160005560006000556001600055, 40118, 19900, 0",
    "600060005560016000556000600055, 5918, 7600, 1",
  })
  void eip3529TestCases(String code, long usedGas, long refund, int original) {
    EvmHarness evm = new EvmHarness();
    evm.deploy(EvmHarness.CONTRACT, code);
    evm.state.setStorage(EvmHarness.CONTRACT, UInt256.ZERO, UInt256.fromLong(original));
    evm.state.finishTransaction();
    evm.state.warmSlot(EvmHarness.CONTRACT, UInt256.ZERO);
    MessageResult result = evm.call(EvmHarness.CONTRACT, new byte[0], UInt256.ZERO, GAS);
    assertTrue(result.isSuccess());
    assertEquals(usedGas, GAS - result.gasLeft());
    assertEquals(refund, evm.state.refund());
  }

  /** A cold slot costs 2100 more on first access (EIP-2929): 0 -> 1 is 2100 + 20000 + two PUSH1. */
  @ParameterizedTest
  @CsvSource({"6001600055, 22106", "60005460005400, 3 + 2100 + 3 + 100"})
  void coldSlotSurcharge(String code, String expectedGas) {
    long expected = 0;
    for (String part : expectedGas.split("\\+")) {
      expected += Long.parseLong(part.trim());
    }
    EvmHarness evm = new EvmHarness();
    MessageResult result = evm.call(code, GAS);
    assertTrue(result.isSuccess());
    assertEquals(expected, GAS - result.gasLeft());
  }

  /** EIP-2200: SSTORE with no more than 2300 gas left fails even if the store itself is cheaper. */
  @ParameterizedTest
  @CsvSource({"2306, EXCEPTIONAL_HALT", "2307, SUCCESS"})
  void stipendSentry(long gas, Outcome expected) {
    EvmHarness evm = new EvmHarness();
    evm.deploy(EvmHarness.CONTRACT, "6001600055");
    evm.state.setStorage(EvmHarness.CONTRACT, UInt256.ZERO, UInt256.ONE);
    evm.state.finishTransaction();
    evm.state.warmSlot(EvmHarness.CONTRACT, UInt256.ZERO);
    // Two PUSH1 leave gas - 6; the store is a warm no-op (100), allowed only above 2300.
    MessageResult result = evm.call(EvmHarness.CONTRACT, new byte[0], UInt256.ZERO, gas);
    assertEquals(expected, result.outcome());
  }
}

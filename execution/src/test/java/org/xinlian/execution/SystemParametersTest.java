package org.xinlian.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.xinlian.common.Address;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.evm.transaction.FeeMode;
import org.xinlian.evm.word.UInt256;

/** GOV-15: the governed parameters, their ranges, defaults and keys. */
class SystemParametersTest {
  private static final SystemParameters DEFAULTS = SystemParameters.defaults(30_000_000, 1_000);

  /** GOV-15: the defaults follow the genesis; 10,000 transactions; roundTimeoutMs 0 (the node's). */
  @Test
  void defaultsComeFromTheGenesis() {
    assertEquals(new SystemParameters(30_000_000, 10_000, 1_000, 30_000_000, 0), DEFAULTS);
    assertEquals(30_000_000, DEFAULTS.effectiveTransactionGasLimit());
  }

  /** GOV-15: the keys are named as in the specification, in its order, with its ranges. */
  @Test
  void keysAreNamedAndRangedAsSpecified() {
    assertEquals(List.of("blockGasLimit", "maxTransactionsPerBlock", "blockIntervalMs",
        "transactionGasLimit", "roundTimeoutMs"),
        Arrays.stream(SystemParameters.Key.values()).map(Enum::name).toList());
    assertRange(SystemParameters.Key.blockGasLimit, 21_000, 2_000_000_000L);
    assertRange(SystemParameters.Key.maxTransactionsPerBlock, 1, 100_000);
    assertRange(SystemParameters.Key.blockIntervalMs, 1, 3_600_000);
    assertRange(SystemParameters.Key.transactionGasLimit, 21_000, 2_000_000_000L);
    assertRange(SystemParameters.Key.roundTimeoutMs, 100, 600_000);
    assertTrue(SystemParameters.Key.roundTimeoutMs.allows(0), "0 leaves each node's own timeout");
    assertFalse(SystemParameters.Key.blockIntervalMs.allows(0));
    assertEquals(Optional.of(SystemParameters.Key.transactionGasLimit),
        SystemParameters.Key.byName("transactionGasLimit"));
    assertEquals(Optional.empty(), SystemParameters.Key.byName("BlockGasLimit"));
  }

  private static void assertRange(SystemParameters.Key key, long min, long max) {
    assertEquals(min, key.min, key.name());
    assertEquals(max, key.max, key.name());
    assertTrue(key.allows(min) && key.allows(max), key.name());
    assertFalse(key.allows(min - 1) || key.allows(max + 1), key.name());
  }

  /** GOV-15: a value out of range is refused by the constructor and by {@code with}, naming the field. */
  @ParameterizedTest
  @EnumSource(SystemParameters.Key.class)
  void outOfRangeValuesAreRefusedNamingTheField(SystemParameters.Key key) {
    for (long bad : new long[] {key.min - 1, key.max + 1, -1}) {
      IllegalArgumentException withError = assertThrows(IllegalArgumentException.class,
          () -> DEFAULTS.with(key, bad));
      assertTrue(withError.getMessage().startsWith(key.name() + ": " + bad + " is outside "),
          withError.getMessage());
    }
    long[] values = {30_000_000, 10_000, 1_000, 30_000_000, 0};
    values[key.ordinal()] = key.max + 1;
    IllegalArgumentException constructorError = assertThrows(IllegalArgumentException.class,
        () -> new SystemParameters(values[0], (int) values[1], values[2], values[3], values[4]));
    assertTrue(constructorError.getMessage().startsWith(key.name() + ": "), constructorError.getMessage());
  }

  /** GOV-15: {@code with} changes one key and keeps the others; {@code get} reads by key. */
  @ParameterizedTest
  @EnumSource(SystemParameters.Key.class)
  void withChangesOneKey(SystemParameters.Key key) {
    SystemParameters changed = DEFAULTS.with(key, key.max);
    for (SystemParameters.Key other : SystemParameters.Key.values()) {
      assertEquals(other == key ? key.max : DEFAULTS.get(other), changed.get(other), other.name());
    }
  }

  /** GOV-15: a transaction gas limit above the block's leaves the block's as the effective bound. */
  @Test
  void theEffectiveTransactionGasLimitIsTheSmallerOne() {
    assertEquals(30_000_000, DEFAULTS.with(SystemParameters.Key.transactionGasLimit, 50_000_000)
        .effectiveTransactionGasLimit());
    assertEquals(50_000, DEFAULTS.with(SystemParameters.Key.transactionGasLimit, 50_000)
        .effectiveTransactionGasLimit());
  }

  /** GOV-15: a genesis outside the ranges cannot make execution settings. */
  @Test
  void executionSettingsRefuseAGenesisOutsideTheRanges() {
    ExecutionSettings settings = new ExecutionSettings(1, CryptoSuites.standard(),
        FeeMode.ZERO_PRICE, UInt256.ZERO,
        30_000_000, 500, List.of(Address.ZERO));
    assertEquals(SystemParameters.defaults(30_000_000, 500), settings.defaultParameters());
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> new ExecutionSettings(1, CryptoSuites.standard(),
            FeeMode.ZERO_PRICE, UInt256.ZERO,
            30_000_000, 0, List.of(Address.ZERO)));
    assertTrue(error.getMessage().startsWith("blockIntervalMs: 0"), error.getMessage());
  }
}

package org.xinlian.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.xinlian.types.transaction.UnsignedTransaction;

/**
 * The fees one signed workload carries for several nodes. What a node accepts follows EIP-1559:
 * a dynamic-fee transaction is includable while its fee cap covers the base fee, and the
 * proposer's share is min(tip, cap - base fee); a node without a base fee charges its gas price.
 * Each expected value below is worked out from those rules and the inputs, not from the code.
 */
class BenchFeesTest {
  private static final long CHAIN = 31_337;
  private static final BigInteger GWEI = BigInteger.TEN.pow(9);

  /** xinlian dev as it reports itself: base fee 0, tip 0, gas price 0. */
  private static final ChainFees XINLIAN_DEV = new ChainFees(CHAIN, Optional.of(BigInteger.ZERO), BigInteger.ZERO,
      BigInteger.ZERO);
  /** anvil after a few blocks: base fee 69,208,762 wei, suggested tip 1 gwei. */
  private static final ChainFees ANVIL = new ChainFees(CHAIN, Optional.of(BigInteger.valueOf(69_208_762L)), GWEI,
      BigInteger.valueOf(1_069_208_762L));

  @Test
  void xinlianAndAnvilGetAnvilsTipAndTwiceItsBaseFeeOfHeadroom() {
    ChainFees signed = ChainFees.acceptableToAll(List.of(XINLIAN_DEV, ANVIL));
    assertEquals(GWEI, signed.priorityFee());
    // 2 × 69,208,762 + 1,000,000,000: anvil's base fee may double before the cap is reached.
    assertEquals(BigInteger.valueOf(1_138_417_524L), signed.maxFeePerGas());
    assertAcceptable(signed, XINLIAN_DEV);
    assertAcceptable(signed, ANVIL);
    // The order of the nodes does not matter.
    assertEquals(signed.maxFeePerGas(), ChainFees.acceptableToAll(List.of(ANVIL, XINLIAN_DEV)).maxFeePerGas());
    assertTrue(signed.unsigned(0, 21_000, Optional.empty(), BigInteger.ONE, new byte[0])
        instanceof UnsignedTransaction.DynamicFee);
  }

  @Test
  void eachNodesTipAndCapAreCoveredWhenTheyDisagree() {
    ChainFees lowBaseHighTip = new ChainFees(CHAIN, Optional.of(BigInteger.valueOf(10)), BigInteger.valueOf(500),
        BigInteger.valueOf(510));
    ChainFees highBaseLowTip = new ChainFees(CHAIN, Optional.of(BigInteger.valueOf(1_000)), BigInteger.valueOf(7),
        BigInteger.valueOf(1_007));
    ChainFees signed = ChainFees.acceptableToAll(List.of(lowBaseHighTip, highBaseLowTip));
    assertEquals(BigInteger.valueOf(500), signed.priorityFee());
    // The second node needs 2 × 1,000 + 500 (the chosen tip), more than 2 × 10 + 500.
    assertEquals(BigInteger.valueOf(2_500), signed.maxFeePerGas());
    assertAcceptable(signed, lowBaseHighTip);
    assertAcceptable(signed, highBaseLowTip);
  }

  @Test
  void aLegacyNodesGasPriceBecomesTheTipWhenTheOtherHasABaseFee() {
    ChainFees legacy = new ChainFees(CHAIN, Optional.empty(), BigInteger.ZERO, GWEI.multiply(BigInteger.valueOf(5)));
    ChainFees dynamic = new ChainFees(CHAIN, Optional.of(GWEI), GWEI, GWEI.multiply(BigInteger.TWO));
    ChainFees signed = ChainFees.acceptableToAll(List.of(legacy, dynamic));
    assertEquals(GWEI.multiply(BigInteger.valueOf(5)), signed.priorityFee());
    assertEquals(GWEI.multiply(BigInteger.valueOf(7)), signed.maxFeePerGas(), "2 × 1 gwei + 5 gwei");
    assertAcceptable(signed, legacy);
    assertAcceptable(signed, dynamic);
  }

  @Test
  void twoLegacyNodesGetLegacyTransactionsAtTheHigherGasPrice() {
    ChainFees signed = ChainFees.acceptableToAll(List.of(
        new ChainFees(CHAIN, Optional.empty(), BigInteger.ZERO, BigInteger.valueOf(3)),
        new ChainFees(CHAIN, Optional.empty(), BigInteger.ZERO, BigInteger.valueOf(8))));
    assertFalse(signed.baseFee().isPresent());
    assertEquals(BigInteger.valueOf(8), signed.maxFeePerGas());
    assertTrue(signed.unsigned(0, 21_000, Optional.empty(), BigInteger.ONE, new byte[0])
        instanceof UnsignedTransaction.Legacy);
  }

  @Test
  void oneNodeKeepsTheWalletRule() {
    assertEquals(ANVIL.maxFeePerGas(), ChainFees.acceptableToAll(List.of(ANVIL)).maxFeePerGas());
    assertEquals(ANVIL.priorityFee(), ChainFees.acceptableToAll(List.of(ANVIL)).priorityFee());
  }

  @Test
  void differentChainIdsAreRefusedNamingBoth() {
    ChainFees other = new ChainFees(1, Optional.of(BigInteger.ZERO), BigInteger.ZERO, BigInteger.ZERO);
    BenchException refused = assertThrows(BenchException.class,
        () -> ChainFees.acceptableToAll(List.of(XINLIAN_DEV, other)));
    assertTrue(refused.getMessage().contains("31337") && refused.getMessage().contains(" 1)"),
        refused.getMessage());
  }

  /**
   * The node takes the transaction and is paid at least the tip it asks, with room for its base
   * fee to double (the wallets' rule the single-node bench also follows).
   */
  private static void assertAcceptable(ChainFees signed, ChainFees node) {
    BigInteger cap = signed.maxFeePerGas();
    if (node.baseFee().isPresent()) {
      BigInteger base = node.baseFee().get();
      BigInteger paidTip = signed.priorityFee().min(cap.subtract(base));
      assertTrue(paidTip.compareTo(node.priorityFee()) >= 0, "tip " + paidTip + " < " + node.priorityFee());
      assertTrue(cap.compareTo(base.shiftLeft(1).add(node.priorityFee())) >= 0, "cap " + cap + " has no headroom");
    } else {
      BigInteger charged = signed.baseFee().isPresent() ? signed.priorityFee().min(cap) : cap;
      assertTrue(charged.compareTo(node.gasPrice()) >= 0, "price " + charged + " < " + node.gasPrice());
    }
  }
}

package org.xinlian.execution.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xinlian.execution.pool.PoolFixtures.*;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.crypto.Signature;
import org.xinlian.types.transaction.Transaction;
import org.xinlian.types.transaction.TransactionCodec;
import org.xinlian.types.transaction.UnsignedTransaction;

/**
 * POOL-1, POOL-2, POOL-3: every admission rule refuses with go-ethereum's wording. The expected
 * strings are go-ethereum's (core/txpool/errors.go, core/error.go, core/types/transaction_signing.go).
 */
class AdmissionTest {
  private final MapState state = new MapState();
  private final TransactionPool pool = new TransactionPool(config(), state, new ManualClock());

  private static void assertRefused(AdmissionResult result, Refusal refusal, String wording) {
    assertEquals(AdmissionResult.Status.REFUSED, result.status(), result.message());
    assertEquals(Optional.of(refusal), result.refusal());
    assertEquals(wording, refusal.message());
    assertTrue(result.message().startsWith(wording), result.message());
  }

  @Test
  void admitsAValidTransferAsPending() {
    AdmissionResult result = pool.add(raw(1, 0, 2));
    assertEquals(AdmissionResult.Status.PENDING, result.status(), result.message());
    assertEquals(SUITE.hashOf(raw(1, 0, 2)), result.hash().orElseThrow());
    assertEquals(address(1), pool.get(result.hash().orElseThrow()).orElseThrow().sender());
  }

  @Test
  void oversizedBytesAreRefusedBeforeDecoding() {
    byte[] huge = new byte[TransactionCodec.TRANSACTION_BYTES_MAX + 1];
    assertRefused(pool.add(huge), Refusal.OVERSIZED, "oversized data");
  }

  @Test
  void undecodableBytesAreRefusedNamingTheField() {
    AdmissionResult result = pool.add(new byte[] {0x02, (byte) 0xc1, 0x01});
    assertRefused(result, Refusal.MALFORMED, "invalid transaction");
    assertTrue(result.hash().isEmpty());
  }

  @Test
  void anotherChainsTransactionIsRefused() {
    UnsignedTransaction.DynamicFee other = new UnsignedTransaction.DynamicFee(
        1, 0, GWEI, GWEI, TRANSFER_GAS, Optional.of(RECIPIENT), BigInteger.ONE, new byte[0],
        List.of());
    assertRefused(pool.add(sign(other, 1)), Refusal.WRONG_CHAIN_ID, "invalid chain id for signer");
  }

  @Test
  void unprotectedLegacyIsRefused() {
    UnsignedTransaction.Legacy legacy = new UnsignedTransaction.Legacy(
        0, GWEI, TRANSFER_GAS, Optional.of(RECIPIENT), BigInteger.ONE, new byte[0],
        OptionalLong.empty());
    assertRefused(pool.add(sign(legacy, 1)), Refusal.UNPROTECTED,
        "only replay-protected (EIP-155) transactions allowed over RPC");
  }

  @Test
  void protectedLegacyIsAdmitted() {
    UnsignedTransaction.Legacy legacy = new UnsignedTransaction.Legacy(
        0, GWEI, TRANSFER_GAS, Optional.of(RECIPIENT), BigInteger.ONE, new byte[0],
        OptionalLong.of(CHAIN_ID));
    assertTrue(pool.add(sign(legacy, 1)).accepted());
  }

  @Test
  void gasBelowIntrinsicIsRefused() {
    assertRefused(pool.add(sign(transfer(0, 1, 2, TRANSFER_GAS - 1), 1)),
        Refusal.INTRINSIC_GAS_TOO_LOW, "intrinsic gas too low");
  }

  @Test
  void priorityFeeAboveFeeCapIsRefused() {
    assertRefused(pool.add(sign(transfer(0, 3, 2, TRANSFER_GAS), 1)), Refusal.TIP_ABOVE_FEE_CAP,
        "max priority fee per gas higher than max fee per gas");
  }

  @Test
  void highSSignatureIsAnInvalidSender() {
    // EIP-2: s above n/2 is not canonical; (r, n - s) with the other parity is the same point.
    BigInteger order = new BigInteger(
        "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", 16);
    Transaction good = sign(transfer(0, 1, 2, TRANSFER_GAS), 1);
    Signature s = good.signature();
    Transaction flipped = good.unsigned().withSignature(
        Signature.recoverable(s.r(), order.subtract(s.s()), 1 - s.recoveryId()));
    assertRefused(pool.add(flipped), Refusal.INVALID_SENDER, "invalid sender");
  }

  @Test
  void gasAboveTheBlockGasLimitIsRefused() {
    assertRefused(pool.add(sign(transfer(0, 1, 2, BLOCK_GAS_LIMIT + 1), 1)),
        Refusal.EXCEEDS_BLOCK_GAS_LIMIT, "exceeds block gas limit");
    assertTrue(pool.add(sign(transfer(0, 1, 2, BLOCK_GAS_LIMIT), 1)).accepted());
  }

  @Test
  void priorityFeeBelowTheMinimumIsUnderpriced() {
    UnsignedTransaction.DynamicFee free = new UnsignedTransaction.DynamicFee(
        CHAIN_ID, 0, BigInteger.ZERO, GWEI, TRANSFER_GAS, Optional.of(RECIPIENT), BigInteger.ONE,
        new byte[0], List.of());
    assertRefused(pool.add(sign(free, 1)), Refusal.UNDERPRICED, "transaction underpriced");
  }

  @Test
  void theSameTransactionTwiceIsAlreadyKnown() {
    assertTrue(pool.add(raw(1, 0, 2)).accepted());
    assertRefused(pool.add(raw(1, 0, 2)), Refusal.ALREADY_KNOWN, "already known");
  }

  @Test
  void aUsedNonceIsTooLow() {
    state.nonces.put(address(1), 5L);
    AdmissionResult result = pool.add(raw(1, 3, 2));
    assertRefused(result, Refusal.NONCE_TOO_LOW, "nonce too low");
    assertTrue(result.message().contains("next nonce 5"), result.message());
  }

  @Test
  void aSenderWhoCannotPayGasAndValueIsRefused() {
    // 21000 gas at a 4 gwei cap, plus 1 wei of value.
    BigInteger cost = GWEI.multiply(BigInteger.valueOf(4 * TRANSFER_GAS)).add(BigInteger.ONE);
    state.balances.put(address(1), cost.subtract(BigInteger.ONE));
    assertRefused(pool.add(raw(1, 0, 2)), Refusal.INSUFFICIENT_FUNDS,
        "insufficient funds for gas * price + value");
    state.balances.put(address(2), cost);
    assertTrue(pool.add(raw(2, 0, 2)).accepted());
  }

  @Test
  void onAZeroPriceChainOnlyTheValueMustBeCovered() {
    MapState zeroState = new MapState();
    TransactionPool zeroPool = new TransactionPool(
        config(FeeMode.ZERO_PRICE, PoolLimits.defaults()), zeroState, new ManualClock());
    zeroState.balances.put(address(1), BigInteger.ONE);
    assertTrue(zeroPool.add(raw(1, 0, 2)).accepted());
    zeroState.balances.put(address(2), BigInteger.ZERO);
    assertRefused(zeroPool.add(raw(2, 0, 2)), Refusal.INSUFFICIENT_FUNDS,
        "insufficient funds for gas * price + value");
  }

  @Test
  void aSenderAtItsLimitIsRefused() {
    TransactionPool small = new TransactionPool(
        config(FeeMode.PRICED, limits(100, 2, 1 << 20)), state, new ManualClock());
    assertTrue(small.add(raw(1, 0, 2)).accepted());
    assertTrue(small.add(raw(1, 1, 2)).accepted());
    assertRefused(small.add(raw(1, 2, 2)), Refusal.ACCOUNT_LIMIT_EXCEEDED,
        "account limit exceeded");
    assertTrue(small.add(raw(2, 0, 2)).accepted());
  }

  @Test
  void gmChainsAdmitSm2SignedTransactions() {
    CryptoSuite gm = CryptoSuites.gm();
    PoolConfig gmConfig = new PoolConfig(
        gm, CHAIN_ID, false, BLOCK_GAS_LIMIT, FeeMode.PRICED, BigInteger.ONE,
        PoolLimits.defaults());
    TransactionPool gmPool = new TransactionPool(gmConfig, new MapState(), new ManualClock());
    Transaction signed = TransactionCodec.of(gm)
        .sign(transfer(0, 1, 2, TRANSFER_GAS), key(gm, 1).privateKey());
    AdmissionResult result = gmPool.add(TransactionCodec.of(gm).encode(signed));
    assertEquals(AdmissionResult.Status.PENDING, result.status(), result.message());
    assertEquals(gm.address(key(gm, 1).publicKey()),
        gmPool.get(result.hash().orElseThrow()).orElseThrow().sender());
    // A standard envelope is not a gm envelope.
    assertFalse(gmPool.add(raw(1, 0, 2)).accepted());
  }
}

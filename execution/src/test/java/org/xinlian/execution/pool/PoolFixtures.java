package org.xinlian.execution.pool;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.xinlian.common.Address;
import org.xinlian.common.Clock;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.crypto.KeyPair;
import org.xinlian.types.transaction.Transaction;
import org.xinlian.types.transaction.TransactionCodec;
import org.xinlian.types.transaction.UnsignedTransaction;

/** Keys, signed transactions, a map-backed state and a manual clock for the pool tests. */
final class PoolFixtures {
  static final long CHAIN_ID = 1337;
  static final long BLOCK_GAS_LIMIT = 30_000_000;
  static final long TRANSFER_GAS = 21_000;
  static final BigInteger GWEI = BigInteger.TEN.pow(9);
  static final BigInteger RICH = BigInteger.TEN.pow(24);
  static final Address RECIPIENT = Address.fromHex("0x095e7baea6a6c7c4c2dfeb977efac326af552d87");
  static final CryptoSuite SUITE = CryptoSuites.standard();
  static final TransactionCodec CODEC = TransactionCodec.of(SUITE);

  private static final Map<List<Long>, byte[]> SIGNED = new ConcurrentHashMap<>();

  private PoolFixtures() {}

  static KeyPair key(int seed) {
    return key(SUITE, seed);
  }

  static KeyPair key(CryptoSuite suite, int seed) {
    byte[] scalar = new byte[32];
    scalar[0] = 0x22;
    scalar[31] = (byte) (seed + 1);
    return suite.keyPairFromPrivateKey(scalar);
  }

  static Address address(int seed) {
    return SUITE.address(key(seed).publicKey());
  }

  static UnsignedTransaction.DynamicFee transfer(
      long nonce, long priorityGwei, long maxFeeGwei, long gasLimit) {
    return new UnsignedTransaction.DynamicFee(
        CHAIN_ID, nonce, GWEI.multiply(BigInteger.valueOf(priorityGwei)),
        GWEI.multiply(BigInteger.valueOf(maxFeeGwei)), gasLimit, Optional.of(RECIPIENT),
        BigInteger.ONE, new byte[0], List.of());
  }

  static Transaction sign(UnsignedTransaction unsigned, int seed) {
    return CODEC.sign(unsigned, key(seed).privateKey());
  }

  /** A signed 21000-gas transfer of 1 wei; cached, since the property tests reuse them. */
  static byte[] raw(int seed, long nonce, long priorityGwei) {
    return SIGNED.computeIfAbsent(List.of((long) seed, nonce, priorityGwei), k -> CODEC.encode(
        sign(transfer(nonce, priorityGwei, priorityGwei * 2, TRANSFER_GAS), seed)));
  }

  static PoolLimits limits(int transactionsMax, int perSenderMax, long bytesMax) {
    return new PoolLimits(transactionsMax, perSenderMax, bytesMax, 60_000);
  }

  static PoolConfig config(FeeMode feeMode, PoolLimits limits) {
    return new PoolConfig(SUITE, CHAIN_ID, false, BLOCK_GAS_LIMIT, feeMode, BigInteger.ONE, limits);
  }

  static PoolConfig config() {
    return config(FeeMode.PRICED, PoolLimits.defaults());
  }

  /** A head state held in maps; unknown accounts are rich, with nonce 0, unless set. */
  static final class MapState implements PoolStateView {
    final Map<Address, Long> nonces = new HashMap<>();
    final Map<Address, BigInteger> balances = new HashMap<>();
    BigInteger baseFee = BigInteger.ZERO;
    /** The head's parameters (GOV-15); empty as on a chain whose view does not set them. */
    OptionalLong blockGasLimit = OptionalLong.empty();
    OptionalLong transactionGasLimit = OptionalLong.empty();

    @Override
    public long nonce(Address account) {
      return nonces.getOrDefault(account, 0L);
    }

    @Override
    public BigInteger balance(Address account) {
      return balances.getOrDefault(account, RICH);
    }

    @Override
    public BigInteger baseFeePerGas() {
      return baseFee;
    }

    @Override
    public OptionalLong blockGasLimit() {
      return blockGasLimit;
    }

    @Override
    public OptionalLong transactionGasLimit() {
      return transactionGasLimit;
    }

    MapState copy() {
      MapState copy = new MapState();
      copy.nonces.putAll(nonces);
      copy.balances.putAll(balances);
      copy.baseFee = baseFee;
      copy.blockGasLimit = blockGasLimit;
      copy.transactionGasLimit = transactionGasLimit;
      return copy;
    }
  }

  /** Time that moves only when a test says so. */
  static final class ManualClock implements Clock {
    long millis = 1_700_000_000_000L;

    @Override
    public long currentTimeMillis() {
      return millis;
    }

    @Override
    public long nanoTime() {
      return millis * 1_000_000;
    }
  }
}

package org.xinlian.testkit;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.xinlian.common.Address;
import org.xinlian.common.Hash;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.PrivateKey;
import org.xinlian.types.transaction.Transaction;
import org.xinlian.types.transaction.TransactionCodec;
import org.xinlian.types.transaction.UnsignedTransaction;

/**
 * The transactions the simulated application puts in blocks: signed legacy transactions whose
 * recipient is a key and whose data is the value to store there. Signing is slow next to
 * everything else the simulator does, so each suite's pool is signed once per JVM and shared by
 * every run; which transactions a block holds is chosen by the run's seed.
 */
public final class TransactionPool {
  /** Transactions in a pool. */
  public static final int POOL_SIZE = 32;

  /** Keys the transactions write, so values are overwritten and the state stays small. */
  public static final int KEYS = 8;

  private static final long CHAIN_ID = 20_240_601L;
  private static final Map<String, TransactionPool> POOLS =
      Collections.synchronizedMap(new HashMap<>());

  private final List<Transaction> transactions;
  private final Set<Hash> hashes;

  private TransactionPool(CryptoSuite suite) {
    TransactionCodec codec = TransactionCodec.of(suite);
    byte[] scalar = new byte[CryptoSuite.HASH_LENGTH];
    scalar[31] = 7;
    PrivateKey key = suite.keyPairFromPrivateKey(scalar).privateKey();
    List<Transaction> signed = new ArrayList<>();
    Set<Hash> known = new HashSet<>();
    for (int i = 0; i < POOL_SIZE; i++) {
      byte[] recipient = new byte[Address.LENGTH];
      recipient[19] = (byte) (i % KEYS);
      byte[] value = {(byte) i, (byte) (i * 7)};
      UnsignedTransaction.Legacy unsigned = new UnsignedTransaction.Legacy(i, BigInteger.ONE,
          21_000, Optional.of(Address.wrap(recipient)), BigInteger.ZERO, value,
          OptionalLong.of(CHAIN_ID));
      Transaction transaction = codec.sign(unsigned, key);
      signed.add(transaction);
      known.add(transaction.hash(suite));
    }
    this.transactions = List.copyOf(signed);
    this.hashes = Set.copyOf(known);
  }

  /** The pool of {@code suite}, signed on first use. */
  public static TransactionPool of(CryptoSuite suite) {
    return POOLS.computeIfAbsent(suite.name(), name -> new TransactionPool(suite));
  }

  public Transaction get(int index) {
    return transactions.get(index);
  }

  /** Whether {@code hash} is one of the pool's transactions: blocks may hold nothing else. */
  public boolean contains(Hash hash) {
    return hashes.contains(hash);
  }
}

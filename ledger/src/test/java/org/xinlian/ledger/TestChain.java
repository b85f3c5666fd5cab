package org.xinlian.ledger;

import org.xinlian.evm.state.JournaledWorldState;
import org.xinlian.evm.word.UInt256;
import org.xinlian.ledger.state.StateDatabase;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.xinlian.common.Address;
import org.xinlian.common.Hash;
import org.xinlian.common.RandomSource;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.PrivateKey;
import org.xinlian.crypto.Signature;
import org.xinlian.ledger.chain.BlockRoots;
import org.xinlian.ledger.chain.BlockStore;
import org.xinlian.storage.KeyValueStore;
import org.xinlian.storage.WriteBatch;
import org.xinlian.types.block.Block;
import org.xinlian.types.block.BlockHeader;
import org.xinlian.types.block.Log;
import org.xinlian.types.block.Receipt;
import org.xinlian.types.transaction.Transaction;
import org.xinlian.types.transaction.TransactionCodec;
import org.xinlian.types.transaction.UnsignedTransaction;

/**
 * Builds and commits random but valid blocks for tests: signed transactions, receipts with logs,
 * and real state changes committed by the production {@link StateDatabase} into the block's batch,
 * so the block, its state and both heads land in one write, as the node does.
 */
public final class TestChain {
  public static final long CHAIN_ID = 7;
  private static final int ADDRESSES = 24;
  private static final long GAS_PER_TRANSACTION = 21_000;

  private final KeyValueStore store;
  private final CryptoSuite suite;
  private final BlockStore blocks;
  private final StateDatabase states;
  private final RandomSource random;
  private final TransactionCodec codec;
  private final PrivateKey key;
  private final List<Address> addresses = new ArrayList<>();

  public TestChain(KeyValueStore store, CryptoSuite suite, long seed) {
    this(store, suite, seed, true);
  }

  /**
   * @param sign false to give standard-suite transactions random signatures instead of real
   *     ones: the block store never checks signatures, and a crash-test child that starts fifty
   *     times saves the elliptic-curve setup
   */
  public TestChain(KeyValueStore store, CryptoSuite suite, long seed, boolean sign) {
    this.store = store;
    this.suite = suite;
    this.blocks = BlockStore.open(store, suite);
    this.states = new StateDatabase(store, suite);
    this.random = RandomSource.seeded(seed);
    this.codec = TransactionCodec.of(suite);
    byte[] scalar = new byte[32];
    scalar[31] = 42;
    this.key = sign || !suite.name().equals("standard")
        ? suite.keyPairFromPrivateKey(scalar).privateKey() : null;
    RandomSource fixed = RandomSource.seeded(1);
    for (int i = 0; i < ADDRESSES; i++) {
      byte[] address = new byte[Address.LENGTH];
      fixed.nextBytes(address);
      addresses.add(Address.wrap(address));
    }
  }

  public BlockStore blocks() {
    return blocks;
  }

  /** Commits the genesis block if the store is empty, then {@code count} blocks. */
  public Block commitBlocks(int count) {
    Block last = blocks.head().isEmpty() ? commitNext(0) : null;
    for (int i = 0; i < count; i++) {
      last = commitNext(1 + random.nextInt(4));
    }
    return last;
  }

  /** Builds the next block with {@code transactionCount} transactions and commits it. */
  public Block commitNext(int transactionCount) {
    try (WriteBatch batch = store.newBatch()) {
      PreparedBlock prepared = prepareNext(batch, transactionCount);
      commit(batch, prepared);
      return prepared.block();
    }
  }

  /** Commits a prepared block: with its chain id when it is the genesis of an empty store. */
  public Hash commit(WriteBatch batch, PreparedBlock prepared) {
    return blocks.head().isEmpty()
        ? blocks.commitGenesis(batch, prepared.block(), prepared.receipts(), CHAIN_ID)
        : blocks.commitBlock(batch, prepared.block(), prepared.receipts());
  }

  /** A block and its receipts, its state writes already in the batch. */
  public record PreparedBlock(Block block, List<Receipt> receipts) {}

  public PreparedBlock prepareNext(WriteBatch batch, int transactionCount) {
    Optional<BlockHeader> head = blocks.head();
    long number = head.map(h -> h.number() + 1).orElse(0L);
    Hash parentHash = head.map(h -> h.hash(suite)).orElse(Hash.ZERO);
    Hash stateRoot = updateState(batch, number);
    long nonceBase = number * 8;
    List<Transaction> transactions = new ArrayList<>();
    List<Receipt> receipts = new ArrayList<>();
    long gas = 0;
    for (int i = 0; i < transactionCount; i++) {
      UnsignedTransaction unsigned = new UnsignedTransaction.Legacy(nonceBase + i, BigInteger.ONE,
          GAS_PER_TRANSACTION, Optional.of(pick()), BigInteger.valueOf(random.nextInt(1000)),
          new byte[0], OptionalLong.of(CHAIN_ID));
      transactions.add(key != null ? codec.sign(unsigned, key)
          : unsigned.withSignature(Signature.recoverable(randomScalar(), randomScalar(), 0)));
      gas += GAS_PER_TRANSACTION;
      receipts.add(Receipt.of(transactions.get(i).type(), random.nextInt(4) != 0, gas, logs()));
    }
    BlockHeader header = new BlockHeader(parentHash, number, 1_700_000_000L + number, pick(),
        stateRoot, BlockRoots.transactionsRoot(suite, transactions),
        BlockRoots.receiptsRoot(suite, receipts), BlockRoots.logsBloom(receipts), gas,
        30_000_000, new byte[0], new byte[] {1, 2, 3});
    return new PreparedBlock(new Block(header, transactions), receipts);
  }

  /** Below 2^248, so a valid low-s signature scalar on secp256k1. */
  private BigInteger randomScalar() {
    byte[] bytes = new byte[31];
    random.nextBytes(bytes);
    bytes[0] |= 1;
    return new BigInteger(1, bytes);
  }

  private List<Log> logs() {
    List<Log> logs = new ArrayList<>();
    int count = random.nextInt(3);
    for (int i = 0; i < count; i++) {
      byte[] topic = new byte[Hash.LENGTH];
      random.nextBytes(topic);
      logs.add(new Log(pick(), List.of(Hash.wrap(topic)), new byte[] {(byte) i}));
    }
    return logs;
  }

  /**
   * Random account changes (balances, nonces, storage slots and now and then new code) made on
   * the production world state and committed into the block's batch, as the node does.
   */
  private Hash updateState(WriteBatch batch, long blockNumber) {
    JournaledWorldState state = states.headState();
    int updates = 1 + random.nextInt(6);
    for (int i = 0; i < updates; i++) {
      Address address = pick();
      if (random.nextInt(2) == 0) {
        int slots = 1 + random.nextInt(4);
        for (int s = 0; s < slots; s++) {
          byte[] value = new byte[1 + random.nextInt(32)];
          random.nextBytes(value);
          value[0] |= 1;
          state.setStorage(address, UInt256.fromLong(random.nextInt(16)), UInt256.fromBytes(value));
        }
      }
      if (random.nextInt(8) == 0) {
        byte[] code = new byte[8 + random.nextInt(64)];
        random.nextBytes(code);
        state.setCode(address, code);
      }
      state.setNonce(address, random.nextInt(100));
      state.setBalance(address, UInt256.fromLong(1 + random.nextInt(1_000_000)));
    }
    state.finishTransaction();
    return states.commit(state, blockNumber, batch).root();
  }

  /** The production state database this chain commits through. */
  public StateDatabase states() {
    return states;
  }

  private Address pick() {
    return addresses.get(random.nextInt(addresses.size()));
  }
}

package org.xinlian.ledger;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.xinlian.common.Address;
import org.xinlian.common.Hash;
import org.xinlian.common.RandomSource;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.Keccak256;
import org.xinlian.crypto.PrivateKey;
import org.xinlian.crypto.Signature;
import org.xinlian.ledger.chain.BlockRoots;
import org.xinlian.ledger.chain.BlockStore;
import org.xinlian.ledger.state.KeyValueNodeStore;
import org.xinlian.ledger.state.StateHashing;
import org.xinlian.storage.KeyValueStore;
import org.xinlian.storage.WriteBatch;
import org.xinlian.trie.MerklePatriciaTrie;
import org.xinlian.trie.SecureTrie;
import org.xinlian.trie.TrieHashFunction;
import org.xinlian.types.block.Block;
import org.xinlian.types.block.BlockHeader;
import org.xinlian.types.block.Log;
import org.xinlian.types.block.Receipt;
import org.xinlian.types.rlp.Rlp;
import org.xinlian.types.rlp.RlpReader;
import org.xinlian.types.transaction.Transaction;
import org.xinlian.types.transaction.TransactionCodec;
import org.xinlian.types.transaction.UnsignedTransaction;

/**
 * Builds and commits random but valid blocks for tests: signed transactions, receipts with logs,
 * and real state (a secure account trie with Ethereum's account encoding, storage tries and code)
 * written through {@link KeyValueNodeStore} into the block's batch, as the node will do.
 */
public final class TestChain {
  public static final long CHAIN_ID = 7;
  private static final int ADDRESSES = 24;
  private static final long GAS_PER_TRANSACTION = 21_000;

  private final KeyValueStore store;
  private final CryptoSuite suite;
  private final BlockStore blocks;
  private final RandomSource random;
  private final TrieHashFunction trieHash;
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
    this.random = RandomSource.seeded(seed);
    this.trieHash = StateHashing.trieHash(suite);
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
    Hash stateRoot = updateState(
        batch, head.map(BlockHeader::stateRoot).orElse(MerklePatriciaTrie.emptyRoot(trieHash)));
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

  /** Random account changes: balances, storage slots and now and then new code. */
  private Hash updateState(WriteBatch batch, Hash root) {
    KeyValueNodeStore nodes = new KeyValueNodeStore(store, batch);
    SecureTrie accounts = SecureTrie.load(root, nodes, trieHash);
    int updates = 1 + random.nextInt(6);
    // An account is changed once per block: its storage trie's new nodes are only in the batch.
    java.util.Set<Address> touched = new java.util.HashSet<>();
    for (int i = 0; i < updates; i++) {
      Address address = pick();
      if (!touched.add(address)) {
        continue;
      }
      Optional<byte[]> existing = accounts.get(address.toArray());
      Hash storageRoot = existing.map(TestChain::storageRoot)
          .orElse(MerklePatriciaTrie.emptyRoot(trieHash));
      Hash codeHash = existing.map(TestChain::codeHash)
          .orElse(Hash.wrap(Keccak256.hash(new byte[0])));
      if (random.nextInt(2) == 0) {
        SecureTrie storage = SecureTrie.load(storageRoot, nodes, trieHash);
        int slots = 1 + random.nextInt(4);
        for (int s = 0; s < slots; s++) {
          byte[] slot = new byte[32];
          slot[31] = (byte) random.nextInt(16);
          byte[] value = new byte[1 + random.nextInt(32)];
          random.nextBytes(value);
          value[0] |= 1;
          storage.put(slot, Rlp.encodeBytes(value));
        }
        storageRoot = storage.commit();
      }
      if (random.nextInt(8) == 0) {
        byte[] code = new byte[8 + random.nextInt(64)];
        random.nextBytes(code);
        codeHash = Hash.wrap(Keccak256.hash(code));
        batch.put(LedgerNamespaces.CODE, codeHash.toArray(), code);
      }
      accounts.put(address.toArray(), account(random.nextInt(100), random.nextInt(1_000_000),
          storageRoot, codeHash));
    }
    return accounts.commit();
  }

  public static byte[] account(long nonce, long balance, Hash storageRoot, Hash codeHash) {
    return Rlp.encodeList(List.of(Rlp.encodeUnsignedLong(nonce), Rlp.encodeUnsignedLong(balance),
        Rlp.encodeBytes(storageRoot.toArray()), Rlp.encodeBytes(codeHash.toArray())));
  }

  static Hash storageRoot(byte[] account) {
    RlpReader fields = RlpReader.ofList(account, "account");
    fields.readBytes("nonce");
    fields.readBytes("balance");
    return fields.readHash("storageRoot");
  }

  static Hash codeHash(byte[] account) {
    RlpReader fields = RlpReader.ofList(account, "account");
    fields.readBytes("nonce");
    fields.readBytes("balance");
    fields.readHash("storageRoot");
    return fields.readHash("codeHash");
  }

  private Address pick() {
    return addresses.get(random.nextInt(addresses.size()));
  }
}

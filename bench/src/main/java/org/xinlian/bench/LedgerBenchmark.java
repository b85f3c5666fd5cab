package org.xinlian.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.xinlian.common.Address;
import org.xinlian.common.Hash;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.evm.state.JournaledWorldState;
import org.xinlian.evm.word.UInt256;
import org.xinlian.ledger.LedgerNamespaces;
import org.xinlian.ledger.chain.BlockRoots;
import org.xinlian.ledger.chain.BlockStore;
import org.xinlian.ledger.state.StateDatabase;
import org.xinlian.storage.KeyValueStore;
import org.xinlian.storage.KeyValueStores;
import org.xinlian.storage.Namespace;
import org.xinlian.storage.StoreOptions;
import org.xinlian.storage.WriteBatch;
import org.xinlian.storage.WriteDurability;
import org.xinlian.types.block.Block;
import org.xinlian.types.block.BlockHeader;
import org.xinlian.types.block.LogsBloom;

/**
 * What persisting a block costs, on RocksDB: a block of 1,000 storage writes spread over 20
 * contracts that already hold 100,000 slots, taken from the head state through the EVM's
 * {@code WorldState}, committed by the {@link StateDatabase} (tries, flat view) and written with
 * the block, its indexes and the head pointer in one batch by the {@link BlockStore}. Beside it,
 * in the same run and the same store, the raw cost of a RocksDB batch of 1,000 puts of the same
 * sizes, so the figures say how much the trie and the ledger add to the disk.
 */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
public class LedgerBenchmark {
  private static final Namespace RAW = Namespace.of("bench_raw");
  private static final int WRITES_PER_BLOCK = 1_000;
  private static final int CONTRACTS = 20;
  private static final int PREFILLED_SLOTS_PER_CONTRACT = 5_000;
  private static final int SLOT_RANGE = 2 * PREFILLED_SLOTS_PER_CONTRACT;
  private static final long SEED = 20_261_124L;
  private static final long CHAIN_ID = 7;

  private final CryptoSuite suite = CryptoSuites.standard();
  private Path directory;
  private KeyValueStore store;
  private StateDatabase states;
  private BlockStore blocks;
  private Address[] contracts;
  private SplittableRandom random;
  private final Hash emptyTransactionsRoot = BlockRoots.transactionsRoot(suite, List.of());
  private final Hash emptyReceiptsRoot = BlockRoots.receiptsRoot(suite, List.of());

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    // A fixed seed keeps runs comparable; the data protects nothing.
    random = new SplittableRandom(SEED);
    directory = Files.createTempDirectory("xinlian-ledger-bench");
    Set<Namespace> namespaces = new HashSet<>(LedgerNamespaces.ALL);
    namespaces.add(RAW);
    store = KeyValueStores.openRocksDb(new StoreOptions(directory, namespaces,
        WriteDurability.SURVIVE_PROCESS_CRASH, StoreOptions.BLOCK_CACHE_BYTES_DEFAULT));
    states = new StateDatabase(store, suite);
    blocks = BlockStore.open(store, suite);
    contracts = new Address[CONTRACTS];
    for (int index = 0; index < CONTRACTS; index++) {
      byte[] address = new byte[Address.LENGTH];
      random.nextBytes(address);
      contracts[index] = Address.wrap(address);
    }
    JournaledWorldState genesis = states.headState();
    for (Address contract : contracts) {
      genesis.setNonce(contract, 1);
      genesis.setCode(contract, new byte[] {0x60, 0x00, 0x54, 0x00});
      for (int slot = 0; slot < PREFILLED_SLOTS_PER_CONTRACT; slot++) {
        genesis.setStorage(contract, UInt256.fromLong(2L * slot), UInt256.fromLong(random.nextLong() | 1));
      }
    }
    genesis.finishTransaction();
    commit(genesis);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    store.close();
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  /** Latency of one block of 1,000 storage writes, from head state to written batch. */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public Hash blockCommitLatency() {
    return commitBlockOfStorageWrites();
  }

  /** The same work scored per storage write, so the figure reads as state updates/s. */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @OperationsPerInvocation(WRITES_PER_BLOCK)
  public Hash stateUpdates() {
    return commitBlockOfStorageWrites();
  }

  /** A raw RocksDB batch of 1,000 puts (32-byte keys, 33-byte values), scored per put. */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @OperationsPerInvocation(WRITES_PER_BLOCK)
  public void rawBatchPuts() {
    byte[] value = new byte[33];
    try (WriteBatch batch = store.newBatch()) {
      for (int index = 0; index < WRITES_PER_BLOCK; index++) {
        byte[] key = new byte[32];
        random.nextBytes(key);
        value[0] = (byte) index;
        batch.put(RAW, key, value);
      }
      store.write(batch);
    }
  }

  private Hash commitBlockOfStorageWrites() {
    JournaledWorldState state = states.headState();
    for (int write = 0; write < WRITES_PER_BLOCK; write++) {
      Address contract = contracts[random.nextInt(CONTRACTS)];
      state.setStorage(contract, UInt256.fromLong(random.nextInt(SLOT_RANGE)),
          UInt256.fromLong(random.nextLong() | 1));
    }
    state.finishTransaction();
    return commit(state);
  }

  private Hash commit(JournaledWorldState state) {
    BlockHeader parent = blocks.head().orElse(null);
    long number = parent == null ? 0 : parent.number() + 1;
    try (WriteBatch batch = store.newBatch()) {
      Hash root = states.commit(state, number, batch).root();
      BlockHeader header = new BlockHeader(parent == null ? Hash.ZERO : parent.hash(suite), number,
          1_700_000_000L + number, Address.ZERO, root, emptyTransactionsRoot, emptyReceiptsRoot,
          LogsBloom.EMPTY, 0, 30_000_000, new byte[0], new byte[0]);
      Block block = new Block(header, List.of());
      return parent == null ? blocks.commitGenesis(batch, block, List.of(), CHAIN_ID)
          : blocks.commitBlock(batch, block, List.of());
    }
  }
}

package org.xinlian.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
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
import org.openjdk.jmh.infra.Blackhole;
import org.xinlian.storage.KeyValueStore;
import org.xinlian.storage.KeyValueStores;
import org.xinlian.storage.Namespace;
import org.xinlian.storage.StoreOptions;
import org.xinlian.storage.WriteBatch;
import org.xinlian.storage.WriteDurability;

/**
 * Raw cost of the key-value layer on RocksDB, through the {@code KeyValueStore} API: batched puts
 * (batches of 1,000 random 32-byte keys with 100-byte values, written with
 * {@link WriteDurability#SURVIVE_PROCESS_CRASH}, as a block's writes are) and point gets of
 * present keys in a 200,000-key store whose entries were moved to table files by a reopen. Both
 * are reported per put or get, so the figures read as puts/s and gets/s.
 */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class StorageBenchmark {
  private static final Namespace WRITES = Namespace.of("writes");
  private static final Namespace FILLED = Namespace.of("filled");
  private static final int BATCH_PUTS = 1_000;
  private static final int WRITE_KEYS = 500_000;
  private static final int FILLED_KEYS = 200_000;
  private static final int KEY_BYTES = 32;
  private static final int VALUE_BYTES = 100;
  private static final long SEED = 20_240_602L;

  private Path directory;
  private KeyValueStore store;
  private byte[][] writeKeys;
  private byte[][] filledKeys;
  private byte[] value;
  private int nextWrite;
  private int nextGet;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    // A fixed seed keeps runs comparable; the keys protect nothing.
    SplittableRandom random = new SplittableRandom(SEED);
    writeKeys = randomKeys(random, WRITE_KEYS);
    filledKeys = randomKeys(random, FILLED_KEYS);
    value = new byte[VALUE_BYTES];
    random.nextBytes(value);
    directory = Files.createTempDirectory("xinlian-storage-bench");
    StoreOptions options = new StoreOptions(directory, Set.of(WRITES, FILLED),
        WriteDurability.SURVIVE_PROCESS_CRASH, StoreOptions.BLOCK_CACHE_BYTES_DEFAULT);
    try (KeyValueStore filling = KeyValueStores.openRocksDb(options)) {
      for (int start = 0; start < FILLED_KEYS; start += BATCH_PUTS) {
        try (WriteBatch batch = filling.newBatch()) {
          for (int index = start; index < start + BATCH_PUTS; index++) {
            batch.put(FILLED, filledKeys[index], value);
          }
          filling.write(batch);
        }
      }
    }
    // Reopening replays the log into table files, so gets read SST blocks, not the memtable.
    store = KeyValueStores.openRocksDb(options);
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

  /** One batch of 1,000 puts, written atomically; the score is per put. */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @OperationsPerInvocation(BATCH_PUTS)
  public void putBatchOfThousand() {
    try (WriteBatch batch = store.newBatch()) {
      for (int index = 0; index < BATCH_PUTS; index++) {
        batch.put(WRITES, writeKeys[nextWrite], value);
        nextWrite = nextWrite + 1 == writeKeys.length ? 0 : nextWrite + 1;
      }
      store.write(batch);
    }
  }

  /** One get of a present key among 200,000. */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public void getPresentKey(Blackhole blackhole) {
    byte[] key = filledKeys[nextGet];
    nextGet = nextGet + 1 == filledKeys.length ? 0 : nextGet + 1;
    blackhole.consume(store.get(FILLED, key));
  }

  private static byte[][] randomKeys(SplittableRandom random, int count) {
    byte[][] keys = new byte[count][KEY_BYTES];
    for (byte[] key : keys) {
      random.nextBytes(key);
    }
    return keys;
  }
}

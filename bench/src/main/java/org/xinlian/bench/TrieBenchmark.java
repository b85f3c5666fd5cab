package org.xinlian.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.xinlian.common.Hash;
import org.xinlian.trie.InMemoryNodeStore;
import org.xinlian.trie.MerklePatriciaTrie;
import org.xinlian.trie.TrieHashFunction;

/**
 * Cost of the Merkle-Patricia trie with Keccak-256, in memory: building a block-sized trie (1,000
 * random 32-byte keys, then the root, as a block's state changes are applied and hashed) and
 * reading from a state-sized trie (100,000 keys). Storage costs come on top with RocksDB.
 */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class TrieBenchmark {
  private static final int INSERT_KEYS = 1_000;
  private static final int LOOKUP_TRIE_KEYS = 100_000;
  private static final int KEY_BYTES = 32;
  private static final int VALUE_BYTES = 70;
  private static final long SEED = 20_240_601L;

  private final TrieHashFunction keccak = TrieHashFunction.keccak256();
  private byte[][] insertKeys;
  private byte[] value;
  private byte[][] lookupKeys;
  private MerklePatriciaTrie lookupTrie;
  private int nextLookup;

  @Setup(Level.Trial)
  public void setUp() {
    // A fixed seed keeps runs comparable; the keys protect nothing.
    SplittableRandom random = new SplittableRandom(SEED);
    insertKeys = randomKeys(random, INSERT_KEYS);
    value = new byte[VALUE_BYTES];
    value[0] = 1;
    lookupKeys = randomKeys(random, LOOKUP_TRIE_KEYS);
    lookupTrie = MerklePatriciaTrie.empty(new InMemoryNodeStore(), keccak);
    for (byte[] key : lookupKeys) {
      lookupTrie.put(key, value);
    }
    lookupTrie.rootHash();
  }

  /** 1,000 inserts into an empty trie, then its root hash: one operation = the whole block. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public Hash insertThousandThenRootHash() {
    MerklePatriciaTrie trie = MerklePatriciaTrie.empty(new InMemoryNodeStore(), keccak);
    for (byte[] key : insertKeys) {
      trie.put(key, value);
    }
    return trie.rootHash();
  }

  /** One get of a present key in a 100,000-key trie. */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public void getInHundredThousandKeyTrie(Blackhole blackhole) {
    byte[] key = lookupKeys[nextLookup];
    nextLookup = nextLookup + 1 == lookupKeys.length ? 0 : nextLookup + 1;
    blackhole.consume(lookupTrie.get(key));
  }

  private static byte[][] randomKeys(SplittableRandom random, int count) {
    byte[][] keys = new byte[count][KEY_BYTES];
    for (byte[] key : keys) {
      random.nextBytes(key);
    }
    return keys;
  }
}

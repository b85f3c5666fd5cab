package org.xinlian.ledger.chain;

import java.nio.file.Path;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.ledger.LedgerNamespaces;
import org.xinlian.ledger.TestChain;
import org.xinlian.storage.KeyValueStore;
import org.xinlian.storage.KeyValueStores;
import org.xinlian.storage.StoreOptions;
import org.xinlian.storage.WriteDurability;
import org.xinlian.types.block.Block;

/**
 * The child process of {@link CrashRecoveryTest}: opens the RocksDB store in {@code args[0]} and
 * commits blocks with state from its head on, printing {@code committed N} after each write
 * returns, until it is killed. It stops by itself after {@link #RUN_NANOS_MAX} so that a parent
 * that died cannot leave it running.
 */
public final class CrashingCommitter {
  private static final long RUN_NANOS_MAX = 30_000_000_000L;

  private CrashingCommitter() {}

  public static void main(String[] args) {
    Path directory = Path.of(args[0]);
    long seed = Long.parseLong(args[1]);
    long start = System.nanoTime();
    try (KeyValueStore store = KeyValueStores.openRocksDb(new StoreOptions(directory,
        LedgerNamespaces.ALL, WriteDurability.SURVIVE_PROCESS_CRASH,
        StoreOptions.BLOCK_CACHE_BYTES_DEFAULT))) {
      TestChain chain = new TestChain(store, CryptoSuites.standard(), seed, false);
      System.out.println("opened " + chain.blocks().head().map(h -> h.number()).orElse(-1L));
      System.out.flush();
      while (System.nanoTime() - start < RUN_NANOS_MAX) {
        Block block = chain.blocks().head().isEmpty() ? chain.commitNext(0)
            : chain.commitNext(1 + (int) Math.floorMod(seed++, 4L));
        System.out.println("committed " + block.header().number());
        System.out.flush();
      }
    }
  }
}

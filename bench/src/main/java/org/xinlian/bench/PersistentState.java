package org.xinlian.bench;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.xinlian.common.Address;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.evm.state.JournaledWorldState;
import org.xinlian.evm.word.UInt256;
import org.xinlian.ledger.LedgerNamespaces;
import org.xinlian.ledger.state.StateDatabase;
import org.xinlian.storage.KeyValueStore;
import org.xinlian.storage.KeyValueStores;
import org.xinlian.storage.StoreOptions;
import org.xinlian.storage.WriteBatch;
import org.xinlian.storage.WriteDurability;

/**
 * The node's own persistent state, on RocksDB in a temporary directory: the ledger's
 * {@link StateDatabase} (tries and flat view) committed in blocks, as a node holds it. Runs read
 * it through {@link #head()}, a fresh overlay each time, so nothing a run read is cached for the
 * next one but what RocksDB and the operating system cache. The block cache is kept small
 * ({@value #BLOCK_CACHE_BYTES} bytes) against hundreds of megabytes of state, so most reads miss
 * it; the page cache still holds the files, as it would on a node whose state fits in memory.
 */
final class PersistentState implements AutoCloseable {
  /** What a workload needs besides its own contract. */
  enum Content {
    /** {@link #ACCOUNTS} accounts without code at ACCOUNT_BASE + i. */
    ACCOUNTS,
    /** {@link #CODE_ACCOUNTS} contracts at CODE_ACCOUNT_BASE + i, each a distinct largest code. */
    CODE_ACCOUNTS,
    /** {@link #SLOTS} non-zero slots 0 .. SLOTS - 1 in the benchmark contract. */
    SLOTS
  }

  static final long BLOCK_CACHE_BYTES = 8L * 1024 * 1024;
  static final int ACCOUNTS = 1 << 18;
  static final int CODE_ACCOUNTS = 1 << 14;
  /** EIP-170's largest deployed code. */
  static final int CODE_BYTES = 24_576;
  static final int SLOTS = 1 << 18;
  static final BigInteger ACCOUNT_BASE = BigInteger.valueOf(0xa0).shiftLeft(152);
  static final BigInteger CODE_ACCOUNT_BASE = BigInteger.valueOf(0xc0).shiftLeft(152);
  static final BigInteger MISSING_ACCOUNT_BASE = BigInteger.valueOf(0xe0).shiftLeft(152);
  static final BigInteger MISSING_SLOT_BASE = BigInteger.ONE.shiftLeft(128);
  /** Stored slot values are at least this, so a workload's counter never equals one. */
  private static final BigInteger SLOT_VALUE_BASE = BigInteger.ONE.shiftLeft(200);
  private static final int ACCOUNTS_PER_BLOCK = 1 << 15;
  private static final int CODE_ACCOUNTS_PER_BLOCK = 1 << 10;
  private static final int SLOTS_PER_BLOCK = 1 << 16;
  private static final long SEED = 20_260_101L;

  private final Path directory;
  private final KeyValueStore store;
  private final StateDatabase states;
  private long nextBlock;

  private PersistentState(Path directory) {
    this.directory = directory;
    this.store = KeyValueStores.openRocksDb(new StoreOptions(directory, LedgerNamespaces.ALL,
        WriteDurability.SURVIVE_PROCESS_CRASH, BLOCK_CACHE_BYTES));
    this.states = new StateDatabase(store, CryptoSuites.standard());
  }

  /** A new database holding {@code code} at {@code contract} and {@code contents}. */
  static PersistentState create(Address contract, byte[] code, Set<Content> contents) throws IOException {
    PersistentState state = new PersistentState(Files.createTempDirectory("xinlian-worst-case"));
    try {
      state.populate(contract, code, contents);
    } catch (RuntimeException e) {
      state.close();
      throw e;
    }
    return state;
  }

  private void populate(Address contract, byte[] code, Set<Content> contents) {
    commit(state -> {
      state.setCode(contract, code);
      state.setNonce(contract, 1);
    });
    if (contents.contains(Content.ACCOUNTS)) {
      for (int first = 0; first < ACCOUNTS; first += ACCOUNTS_PER_BLOCK) {
        int from = first;
        commit(state -> {
          for (int i = from; i < from + ACCOUNTS_PER_BLOCK; i++) {
            Address address = address(ACCOUNT_BASE, i);
            state.setNonce(address, 1);
            state.setBalance(address, UInt256.fromLong(1_000_000L + i));
          }
        });
      }
    }
    if (contents.contains(Content.CODE_ACCOUNTS)) {
      for (int first = 0; first < CODE_ACCOUNTS; first += CODE_ACCOUNTS_PER_BLOCK) {
        int from = first;
        commit(state -> {
          for (int i = from; i < from + CODE_ACCOUNTS_PER_BLOCK; i++) {
            byte[] contractCode = new byte[CODE_BYTES];
            new SplittableRandom(SEED + i).nextBytes(contractCode);
            contractCode[0] = 0x00; // STOP: never 0xEF, and harmless if called
            Address address = address(CODE_ACCOUNT_BASE, i);
            state.setCode(address, contractCode);
            state.setNonce(address, 1);
          }
        });
      }
    }
    if (contents.contains(Content.SLOTS)) {
      for (int first = 0; first < SLOTS; first += SLOTS_PER_BLOCK) {
        int from = first;
        commit(state -> {
          for (int i = from; i < from + SLOTS_PER_BLOCK; i++) {
            state.setStorage(contract, UInt256.fromLong(i),
                UInt256.fromBigInteger(SLOT_VALUE_BASE.add(BigInteger.valueOf(i))));
          }
        });
      }
    }
  }

  private void commit(Consumer<JournaledWorldState> changes) {
    JournaledWorldState state = states.headState();
    changes.accept(state);
    state.finishTransaction();
    try (WriteBatch batch = store.newBatch()) {
      states.commit(state, nextBlock++, batch);
      store.write(batch);
    }
  }

  static Address address(BigInteger base, long index) {
    return Address.wrap(PrecompileWorkloads.fixed(base.add(BigInteger.valueOf(index)), Address.LENGTH));
  }

  /** A fresh overlay over the committed head: nothing read through an earlier one is cached. */
  JournaledWorldState head() {
    return states.headState();
  }

  @Override
  public void close() throws IOException {
    store.close();
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}

package org.xinlian.ledger.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.xinlian.ledger.LedgerNamespaces;
import org.xinlian.storage.KeyValueStore;
import org.xinlian.storage.KeyValueStores;
import org.xinlian.storage.StorageException;
import org.xinlian.storage.StoreOptions;

/**
 * The stores every ledger state test runs on: the in-memory store, and RocksDB in a fresh
 * temporary directory once the storage module provides it (until then opening it fails and the
 * tests say so once). Tests take a {@link Factory} as a parameter, so each store passes the same
 * assertions.
 */
public final class TestStores {
  /**
   * Opens a fresh, empty store.
   *
   * @param name shown in parameterized test names
   * @param opener creates the store
   */
  public record Factory(String name, Supplier<KeyValueStore> opener) {
    public KeyValueStore open() {
      return opener.get();
    }

    @Override
    public String toString() {
      return name;
    }
  }

  private static final List<Factory> ALL = discover();

  private TestStores() {}

  public static List<Factory> all() {
    return ALL;
  }

  /** Stream form for {@code @MethodSource}. */
  public static Stream<Factory> factories() {
    return ALL.stream();
  }

  public static Factory memory() {
    return ALL.get(0);
  }

  private static List<Factory> discover() {
    List<Factory> factories = new ArrayList<>();
    factories.add(new Factory("memory", () -> KeyValueStores.inMemory(LedgerNamespaces.ALL)));
    Factory rocksDb = new Factory("rocksdb", TestStores::openRocksDb);
    try (KeyValueStore probe = rocksDb.open()) {
      factories.add(rocksDb);
    } catch (StorageException e) {
      System.out.println("ledger state tests: RocksDB store unavailable (" + e.getMessage()
          + "); running on the in-memory store only");
    }
    return List.copyOf(factories);
  }

  private static KeyValueStore openRocksDb() {
    try {
      Path directory = Files.createTempDirectory("xinlian-state-test");
      Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(directory)));
      return KeyValueStores.openRocksDb(StoreOptions.of(directory, LedgerNamespaces.ALL));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path directory) {
    try (Stream<Path> walk = Files.walk(directory)) {
      walk.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // Best effort: a temporary directory left behind is harmless.
    }
  }
}

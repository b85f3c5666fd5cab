package org.xinlian.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * STORAGE-2, STORAGE-3, STORAGE-4 against a model: random sequences of batches, snapshots, gets
 * and range scans run on both stores and on sorted maps (the model), and every read must agree
 * with the model, on RocksDB and in memory alike.
 */
class KeyValueStoreModelProperties {
  private static final List<Namespace> NAMESPACES = List.of(Namespace.of("left"), Namespace.of("right"));

  sealed interface Step permits Batch, TakeSnapshot, Read {}

  /** Writes in order; a null value is a delete. */
  record Write(int namespace, byte[] key, byte[] value) {}

  record Batch(List<Write> writes) implements Step {}

  record TakeSnapshot() implements Step {}

  /** A point get of {@code from} and a scan of [from, to) in the live store and every snapshot. */
  record Read(int namespace, byte[] from, byte[] to) implements Step {}

  /** Few distinct bytes, signed-negative ones among them, so keys collide and order matters. */
  private static Arbitrary<byte[]> keys() {
    return Arbitraries.of((byte) 0x00, (byte) 0x01, (byte) 0x7f, (byte) 0x80, (byte) 0xff)
        .array(byte[].class).ofMaxSize(3);
  }

  @Provide
  Arbitrary<List<Step>> scripts() {
    Arbitrary<Write> write = Combinators.combine(
        Arbitraries.integers().between(0, NAMESPACES.size() - 1), keys(),
        Arbitraries.bytes().array(byte[].class).ofMaxSize(4).injectNull(0.3))
        .as(Write::new);
    Arbitrary<Step> batch = write.list().ofMaxSize(8).map(Batch::new);
    Arbitrary<Step> read = Combinators.combine(
        Arbitraries.integers().between(0, NAMESPACES.size() - 1),
        keys().injectNull(0.3), keys().injectNull(0.3)).as(Read::new);
    Arbitrary<Step> snapshot = Arbitraries.just(new TakeSnapshot());
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(5, batch), net.jqwik.api.Tuple.of(1, snapshot),
        net.jqwik.api.Tuple.of(3, read)).list().ofMaxSize(30);
  }

  /** The model: one sorted map per namespace, keys compared as unsigned bytes. */
  private static Map<Integer, TreeMap<byte[], byte[]>> emptyModel() {
    Map<Integer, TreeMap<byte[], byte[]>> model = new HashMap<>();
    for (int index = 0; index < NAMESPACES.size(); index++) {
      model.put(index, new TreeMap<>(Arrays::compareUnsigned));
    }
    return model;
  }

  private static Map<Integer, TreeMap<byte[], byte[]>> copy(
      Map<Integer, TreeMap<byte[], byte[]>> model) {
    Map<Integer, TreeMap<byte[], byte[]>> copy = new HashMap<>();
    model.forEach((index, map) -> copy.put(index, new TreeMap<>(map)));
    return copy;
  }

  @Property(tries = 60)
  void storesAgreeWithTheModel(@ForAll("scripts") List<Step> script) throws IOException {
    Path directory = Files.createTempDirectory("xinlian-storage-model");
    try (KeyValueStore rocksDb = KeyValueStores.openRocksDb(
            StoreOptions.of(directory, Set.copyOf(NAMESPACES)));
        KeyValueStore inMemory = KeyValueStores.inMemory(Set.copyOf(NAMESPACES))) {
      run(script, rocksDb);
      run(script, inMemory);
    } finally {
      deleteRecursively(directory);
    }
  }

  private static void run(List<Step> script, KeyValueStore store) {
    Map<Integer, TreeMap<byte[], byte[]>> model = emptyModel();
    List<StoreSnapshot> snapshots = new ArrayList<>();
    List<Map<Integer, TreeMap<byte[], byte[]>>> snapshotModels = new ArrayList<>();
    try {
      for (Step step : script) {
        if (step instanceof Batch batch) {
          try (WriteBatch writes = store.newBatch()) {
            for (Write write : batch.writes()) {
              Namespace namespace = NAMESPACES.get(write.namespace());
              if (write.value() == null) {
                writes.delete(namespace, write.key());
                model.get(write.namespace()).remove(write.key());
              } else {
                writes.put(namespace, write.key(), write.value());
                model.get(write.namespace()).put(write.key().clone(), write.value().clone());
              }
            }
            store.write(writes);
          }
        } else if (step instanceof TakeSnapshot) {
          snapshots.add(store.snapshot());
          snapshotModels.add(copy(model));
        } else if (step instanceof Read read) {
          check(store, model, read);
          for (int index = 0; index < snapshots.size(); index++) {
            check(snapshots.get(index), snapshotModels.get(index), read);
          }
        }
      }
      for (int index = 0; index < NAMESPACES.size(); index++) {
        Read everything = new Read(index, null, null);
        check(store, model, everything);
        for (int snapshot = 0; snapshot < snapshots.size(); snapshot++) {
          check(snapshots.get(snapshot), snapshotModels.get(snapshot), everything);
        }
      }
    } finally {
      snapshots.forEach(StoreSnapshot::close);
    }
  }

  private static void check(ReadView view, Map<Integer, TreeMap<byte[], byte[]>> model, Read read) {
    Namespace namespace = NAMESPACES.get(read.namespace());
    TreeMap<byte[], byte[]> map = model.get(read.namespace());
    if (read.from() != null) {
      Optional<byte[]> actual = view.get(namespace, read.from());
      assertEquals(Optional.ofNullable(map.get(read.from())).map(HexFormat.of()::formatHex),
          actual.map(HexFormat.of()::formatHex), "get " + HexFormat.of().formatHex(read.from()));
    }
    KeyRange range = new KeyRange(read.from(), read.to());
    List<String> expected = new ArrayList<>();
    if (!range.isEmpty()) {
      NavigableMap<byte[], byte[]> inRange = map;
      if (read.from() != null) {
        inRange = inRange.tailMap(read.from(), true);
      }
      if (read.to() != null) {
        inRange = inRange.headMap(read.to(), false);
      }
      inRange.forEach((key, value) ->
          expected.add(HexFormat.of().formatHex(key) + "=" + HexFormat.of().formatHex(value)));
    }
    List<String> actual = new ArrayList<>();
    try (KeyValueIterator iterator = view.iterate(namespace, range)) {
      iterator.forEachRemaining(entry -> actual.add(
          HexFormat.of().formatHex(entry.key()) + "=" + HexFormat.of().formatHex(entry.value())));
    }
    assertEquals(expected, actual, "scan of " + namespace);
  }

  private static void deleteRecursively(Path directory) throws IOException {
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  @Property(tries = 200)
  void prefixRangeHoldsExactlyThePrefixedKeys(
      @ForAll("prefixes") byte[] prefix, @ForAll("prefixes") byte[] key) {
    KeyRange range = KeyRange.prefix(prefix);
    boolean inRange = Arrays.compareUnsigned(key, range.fromInclusive()) >= 0
        && (range.toExclusive() == null || Arrays.compareUnsigned(key, range.toExclusive()) < 0);
    boolean prefixed = key.length >= prefix.length
        && Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length);
    assertEquals(prefixed, inRange);
    assertArrayEquals(prefix, range.fromInclusive());
  }

  @Provide
  Arbitrary<byte[]> prefixes() {
    return keys();
  }
}

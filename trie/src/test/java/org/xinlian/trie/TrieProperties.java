package org.xinlian.trie;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.xinlian.common.DecodingException;
import org.xinlian.common.Hash;

/**
 * Properties for docs/spec/trie.md: the trie behaves as a sorted map, its root depends only on
 * the content, committed tries reload to the same content, and proofs verify exactly.
 */
class TrieProperties {
  private static final TrieHashFunction KECCAK = TrieHashFunction.keccak256();

  /** A put (non-empty value) or a delete (empty value). */
  record Operation(byte[] key, byte[] value) {}

  /**
   * Keys from a few byte values so that paths share prefixes, keys are prefixes of other keys
   * and every node kind, embedded or hashed, appears; plus some 32-byte hashed keys.
   */
  @Provide
  Arbitrary<byte[]> keys() {
    Arbitrary<byte[]> clustered =
        Arbitraries.of((byte) 0x00, (byte) 0x01, (byte) 0x10, (byte) 0x11, (byte) 0xff)
            .array(byte[].class)
            .ofMaxSize(4);
    Arbitrary<byte[]> hashed = Arbitraries.bytes().array(byte[].class).ofSize(32);
    return Arbitraries.frequencyOf(weighted(4, clustered), weighted(1, hashed));
  }

  private static <T> Tuple.Tuple2<Integer, Arbitrary<? extends T>> weighted(
      int weight, Arbitrary<T> arbitrary) {
    return Tuple.of(weight, arbitrary);
  }

  @Provide
  Arbitrary<List<Operation>> operations() {
    Arbitrary<byte[]> values =
        Arbitraries.frequencyOf(
            weighted(1, Arbitraries.just(new byte[0])),
            weighted(3, Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(40)));
    return Combinators.combine(keys(), values).as(Operation::new).list().ofMaxSize(60);
  }

  private static TreeMap<byte[], byte[]> model(List<Operation> operations) {
    TreeMap<byte[], byte[]> model = new TreeMap<>(Arrays::compareUnsigned);
    for (Operation operation : operations) {
      if (operation.value().length == 0) {
        model.remove(operation.key());
      } else {
        model.put(operation.key(), operation.value());
      }
    }
    return model;
  }

  private static MerklePatriciaTrie apply(MerklePatriciaTrie trie, List<Operation> operations) {
    for (Operation operation : operations) {
      trie.put(operation.key(), operation.value());
    }
    return trie;
  }

  private static MerklePatriciaTrie build(List<Map.Entry<byte[], byte[]>> entries) {
    MerklePatriciaTrie trie = MerklePatriciaTrie.empty(new InMemoryNodeStore(), KECCAK);
    for (Map.Entry<byte[], byte[]> entry : entries) {
      trie.put(entry.getKey(), entry.getValue());
    }
    return trie;
  }

  /** TRIE-1, TRIE-3: a map with an order-independent root; deletes collapse to canonical form. */
  @Property(tries = 300)
  void rootDependsOnlyOnContent(@ForAll("operations") List<Operation> operations, @ForAll Random random) {
    MerklePatriciaTrie trie = apply(MerklePatriciaTrie.empty(new InMemoryNodeStore(), KECCAK), operations);
    TreeMap<byte[], byte[]> model = model(operations);
    for (Operation operation : operations) {
      assertEquals(
          Optional.ofNullable(model.get(operation.key())).map(Arrays::toString),
          trie.get(operation.key()).map(Arrays::toString));
    }
    List<Map.Entry<byte[], byte[]>> sorted = new ArrayList<>(model.entrySet());
    assertEquals(build(sorted).rootHash(), trie.rootHash());
    List<Map.Entry<byte[], byte[]>> shuffled = new ArrayList<>(sorted);
    Collections.shuffle(shuffled, random);
    assertEquals(build(shuffled).rootHash(), trie.rootHash());
  }

  /** TRIE-4: commits at any point reload to the same content, and reloaded tries can be updated. */
  @Property(tries = 200)
  void committedTriesReload(
      @ForAll("operations") List<Operation> first, @ForAll("operations") List<Operation> second) {
    InMemoryNodeStore store = new InMemoryNodeStore();
    MerklePatriciaTrie trie = apply(MerklePatriciaTrie.empty(store, KECCAK), first);
    Hash firstRoot = trie.commit();
    MerklePatriciaTrie reloaded = apply(MerklePatriciaTrie.load(firstRoot, store, KECCAK), second);
    apply(trie, second);
    assertEquals(trie.rootHash(), reloaded.rootHash());
    Hash secondRoot = reloaded.commit();
    List<Operation> all = new ArrayList<>(first);
    all.addAll(second);
    TreeMap<byte[], byte[]> model = model(all);
    MerklePatriciaTrie fresh = MerklePatriciaTrie.load(secondRoot, store, KECCAK);
    for (Operation operation : all) {
      assertEquals(
          Optional.ofNullable(model.get(operation.key())).map(Arrays::toString),
          fresh.get(operation.key()).map(Arrays::toString));
    }
    // The old version stays readable: commits never overwrite nodes.
    TreeMap<byte[], byte[]> firstModel = model(first);
    MerklePatriciaTrie old = MerklePatriciaTrie.load(firstRoot, store, KECCAK);
    for (Map.Entry<byte[], byte[]> entry : firstModel.entrySet()) {
      assertArrayEquals(entry.getValue(), old.get(entry.getKey()).orElseThrow());
    }
  }

  /** TRIE-7: next and previous keys agree with a sorted map. */
  @Property(tries = 200)
  void navigationMatchesSortedMap(
      @ForAll("operations") List<Operation> operations, @ForAll("keys") byte[] probe) {
    InMemoryNodeStore store = new InMemoryNodeStore();
    Hash root = apply(MerklePatriciaTrie.empty(store, KECCAK), operations).commit();
    MerklePatriciaTrie trie = MerklePatriciaTrie.load(root, store, KECCAK);
    TreeMap<byte[], byte[]> model = model(operations);
    assertEquals(
        Optional.ofNullable(model.higherKey(probe)).map(Arrays::toString),
        trie.nextKey(probe).map(Arrays::toString));
    assertEquals(
        Optional.ofNullable(model.lowerKey(probe)).map(Arrays::toString),
        trie.previousKey(probe).map(Arrays::toString));
    assertEquals(
        model.isEmpty() ? Optional.empty() : Optional.of(Arrays.toString(model.firstKey())),
        trie.firstKey().map(Arrays::toString));
  }

  /** TRIE-8: proofs of present and absent keys verify to the right answer. */
  @Property(tries = 300)
  void proofsVerify(@ForAll("operations") List<Operation> operations, @ForAll("keys") byte[] probe) {
    MerklePatriciaTrie trie = apply(MerklePatriciaTrie.empty(new InMemoryNodeStore(), KECCAK), operations);
    Hash root = trie.rootHash();
    TreeMap<byte[], byte[]> model = model(operations);
    List<byte[]> keys = new ArrayList<>(model.keySet());
    keys.add(probe);
    for (byte[] key : keys) {
      assertEquals(
          Optional.ofNullable(model.get(key)).map(Arrays::toString),
          MerklePatriciaTrie.verifyProof(root, key, trie.proof(key), KECCAK).map(Arrays::toString));
    }
  }

  /** TRIE-9: flipping any byte of any proof node makes the proof fail with a named exception. */
  @Property(tries = 300)
  void tamperedProofsAreRejected(
      @ForAll("operations") List<Operation> operations,
      @ForAll("keys") byte[] probe,
      @ForAll @IntRange(min = 0, max = 10_000) int where,
      @ForAll @IntRange(min = 1, max = 255) int mask) {
    MerklePatriciaTrie trie = apply(MerklePatriciaTrie.empty(new InMemoryNodeStore(), KECCAK), operations);
    List<byte[]> proof = new ArrayList<>(trie.proof(probe));
    if (proof.isEmpty()) {
      return;
    }
    int node = where % proof.size();
    byte[] tampered = proof.get(node).clone();
    tampered[(where / proof.size()) % tampered.length] ^= (byte) mask;
    proof.set(node, tampered);
    assertThrows(
        DecodingException.class,
        () -> MerklePatriciaTrie.verifyProof(trie.rootHash(), probe, proof, KECCAK));
  }

  /**
   * TRIE-9: random bytes as proof nodes, with the root set to the first node's hash so that the
   * decoder, not only the hash check, sees them: the verifier answers or throws a
   * DecodingException, nothing else.
   */
  @Property(tries = 1000)
  void randomProofsFailOnlyWithNamedExceptions(
      @ForAll @Size(max = 4) List<@Size(max = 120) byte[]> nodes, @ForAll("keys") byte[] key) {
    Hash root = nodes.isEmpty() ? Hash.ZERO : Hash.wrap(KECCAK.hash(nodes.get(0)));
    try {
      MerklePatriciaTrie.verifyProof(root, key, nodes, KECCAK);
    } catch (DecodingException expected) {
      // ProofException is a DecodingException: both name what is wrong.
    }
  }

  /** TRIE-9: real proof nodes shuffled, dropped or duplicated still fail only by name. */
  @Property(tries = 300)
  void reorderedProofsFailOnlyWithNamedExceptions(
      @ForAll("operations") List<Operation> operations,
      @ForAll("keys") byte[] key,
      @ForAll Random random) {
    MerklePatriciaTrie trie = apply(MerklePatriciaTrie.empty(new InMemoryNodeStore(), KECCAK), operations);
    List<byte[]> proof = new ArrayList<>(trie.proof(key));
    if (!proof.isEmpty() && random.nextBoolean()) {
      proof.add(proof.get(random.nextInt(proof.size())));
    }
    Collections.shuffle(proof, random);
    try {
      Optional<byte[]> value = MerklePatriciaTrie.verifyProof(trie.rootHash(), key, proof, KECCAK);
      assertEquals(trie.get(key).map(Arrays::toString), value.map(Arrays::toString));
    } catch (DecodingException expected) {
      // Rejected with a named field, as required.
    }
  }

  /** TRIE-6: every stored node decodes strictly and re-encodes to the same bytes. */
  @Property(tries = 200)
  void storedNodesRoundTrip(@ForAll("operations") List<Operation> operations) {
    InMemoryNodeStore store = new InMemoryNodeStore();
    Hash root = apply(MerklePatriciaTrie.empty(store, KECCAK), operations).commit();
    MerklePatriciaTrie trie = MerklePatriciaTrie.load(root, store, KECCAK);
    for (Operation operation : operations) {
      for (byte[] encoded : trie.proof(operation.key())) {
        assertArrayEquals(encoded, NodeCodec.decode(encoded, "node").encode(KECCAK));
      }
    }
  }
}

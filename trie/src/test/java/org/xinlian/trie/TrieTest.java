package org.xinlian.trie;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.xinlian.common.DecodingException;
import org.xinlian.common.Hash;
import org.xinlian.common.Hex;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.types.rlp.Rlp;

/** Examples for docs/spec/trie.md; the roots themselves are checked by {@link TrieOracleTest}. */
class TrieTest {
  private static final TrieHashFunction KECCAK = TrieHashFunction.keccak256();

  private static byte[] text(String value) {
    return value.getBytes(UTF_8);
  }

  /** TRIE-1: the yellow paper's empty root (also geth's types.EmptyRootHash). */
  @Test
  void emptyRootIsKeccakOfTheEmptyString() {
    Hash expected =
        Hash.fromHex("0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421");
    InMemoryNodeStore store = new InMemoryNodeStore();
    MerklePatriciaTrie trie = MerklePatriciaTrie.empty(store, KECCAK);
    assertEquals(expected, MerklePatriciaTrie.emptyRoot(KECCAK));
    assertEquals(expected, trie.rootHash());
    assertEquals(expected, trie.commit());
    assertEquals(0, store.size());
    assertEquals(Optional.empty(), MerklePatriciaTrie.load(expected, store, KECCAK).get(text("a")));
  }

  /** TRIE-3: an empty value deletes; deleting the last key gives the empty root back. */
  @Test
  void emptyValueDeletesAndTheTrieReturnsToEmpty() {
    MerklePatriciaTrie trie = MerklePatriciaTrie.empty(new InMemoryNodeStore(), KECCAK);
    trie.put(text("dog"), text("puppy"));
    trie.put(text("doge"), text("coin"));
    trie.put(text("dog"), new byte[0]);
    assertEquals(Optional.empty(), trie.get(text("dog")));
    assertArrayEquals(text("coin"), trie.get(text("doge")).orElseThrow());
    trie.delete(text("doge"));
    trie.delete(text("absent"));
    assertEquals(MerklePatriciaTrie.emptyRoot(KECCAK), trie.rootHash());
  }

  @Test
  void invalidArgumentsAreRejected() {
    MerklePatriciaTrie trie = MerklePatriciaTrie.empty(new InMemoryNodeStore(), KECCAK);
    assertThrows(IllegalArgumentException.class, () -> trie.put(text("a"), null));
    assertThrows(IllegalArgumentException.class, () -> trie.get(null));
    byte[] tooLong = new byte[MerklePatriciaTrie.KEY_BYTES_MAX + 1];
    assertThrows(IllegalArgumentException.class, () -> trie.put(tooLong, text("v")));
  }

  /** TRIE-4: a root shorter than 32 bytes is still stored under its hash and can be reopened. */
  @Test
  void smallRootIsCommittedAndReloaded() {
    InMemoryNodeStore store = new InMemoryNodeStore();
    MerklePatriciaTrie trie = MerklePatriciaTrie.empty(store, KECCAK);
    trie.put(text("a"), text("b"));
    Hash root = trie.commit();
    assertEquals(1, store.size());
    assertArrayEquals(text("b"), MerklePatriciaTrie.load(root, store, KECCAK).get(text("a")).orElseThrow());
  }

  /** TRIE-4: a commit writes only what changed since the previous one. */
  @Test
  void commitWritesOnlyNewNodes() {
    InMemoryNodeStore store = new InMemoryNodeStore();
    MerklePatriciaTrie trie = MerklePatriciaTrie.empty(store, KECCAK);
    for (int i = 0; i < 1000; i++) {
      trie.put(KECCAK.hash(new byte[] {(byte) i, (byte) (i >> 8)}), text("value " + i));
    }
    trie.commit();
    int afterFirst = store.size();
    assertEquals(afterFirst, countAfterRecommit(trie, store));
    trie.put(KECCAK.hash(new byte[] {1, 0}), text("changed"));
    trie.commit();
    int written = store.size() - afterFirst;
    // One node per level of a 1,000-key trie of hashed keys: a handful, never the whole trie.
    assertTrue(written >= 2 && written <= 6, "wrote " + written + " nodes");
  }

  private static int countAfterRecommit(MerklePatriciaTrie trie, InMemoryNodeStore store) {
    trie.commit();
    return store.size();
  }

  /** TRIE-5: a node the store lacks is reported by hash. */
  @Test
  void missingNodeNamesItsHash() {
    MerklePatriciaTrie trie = MerklePatriciaTrie.empty(new InMemoryNodeStore(), KECCAK);
    for (int i = 0; i < 100; i++) {
      trie.put(KECCAK.hash(new byte[] {(byte) i}), text("value " + i));
    }
    Hash root = trie.commit();
    MerklePatriciaTrie elsewhere = MerklePatriciaTrie.load(root, new InMemoryNodeStore(), KECCAK);
    MissingNodeException missing =
        assertThrows(MissingNodeException.class, () -> elsewhere.get(text("x")));
    assertEquals(root, missing.hash());
    assertTrue(missing.getMessage().contains(root.toHexString()), missing.getMessage());
  }

  /** TRIE-5: a corrupt stored node is a DecodingException naming the node's hash. */
  @Test
  void corruptStoredNodeIsRejected() {
    InMemoryNodeStore store = new InMemoryNodeStore();
    byte[] garbage = {(byte) 0xc3, (byte) 0x80, (byte) 0x80, (byte) 0x80};
    Hash hash = Hash.wrap(KECCAK.hash(garbage));
    store.put(hash, garbage);
    DecodingException error =
        assertThrows(
            DecodingException.class,
            () -> MerklePatriciaTrie.load(hash, store, KECCAK).get(text("a")));
    assertTrue(error.field().contains(hash.toHexString()), error.getMessage());
  }

  /** TRIE-2: the hash is a parameter; SM3 gives different roots with the same structure. */
  @Test
  void sm3HashedTrieWorksAndDiffersFromKeccak() {
    CryptoSuite gm = CryptoSuites.gm();
    TrieHashFunction sm3 = gm::hash;
    InMemoryNodeStore store = new InMemoryNodeStore();
    MerklePatriciaTrie trie = MerklePatriciaTrie.empty(store, sm3);
    MerklePatriciaTrie keccakTrie = MerklePatriciaTrie.empty(new InMemoryNodeStore(), KECCAK);
    for (int i = 0; i < 50; i++) {
      trie.put(text("key " + i), text("value " + i));
      keccakTrie.put(text("key " + i), text("value " + i));
    }
    assertEquals(Hash.wrap(gm.hash(new byte[] {(byte) 0x80})), MerklePatriciaTrie.emptyRoot(sm3));
    Hash root = trie.commit();
    assertNotEquals(keccakTrie.rootHash(), root);
    MerklePatriciaTrie reloaded = MerklePatriciaTrie.load(root, store, sm3);
    assertArrayEquals(text("value 7"), reloaded.get(text("key 7")).orElseThrow());
    assertArrayEquals(
        text("value 9"),
        MerklePatriciaTrie.verifyProof(root, text("key 9"), reloaded.proof(text("key 9")), sm3)
            .orElseThrow());
  }

  /** TRIE-7: navigation handles the empty key and keys that are prefixes of others. */
  @Test
  void navigationOrdersPrefixesFirst() {
    MerklePatriciaTrie trie = MerklePatriciaTrie.empty(new InMemoryNodeStore(), KECCAK);
    assertEquals(Optional.empty(), trie.firstKey());
    for (String key : List.of("", "a", "ab", "b")) {
      trie.put(text(key), text("v" + key));
    }
    List<String> walked = new ArrayList<>();
    Optional<byte[]> key = trie.firstKey();
    while (key.isPresent()) {
      walked.add(new String(key.get(), UTF_8));
      key = trie.nextKey(key.get());
    }
    assertEquals(List.of("", "a", "ab", "b"), walked);
    assertEquals("ab", new String(trie.previousKey(text("b")).orElseThrow(), UTF_8));
    assertEquals("", new String(trie.previousKey(text("a")).orElseThrow(), UTF_8));
    assertEquals(Optional.empty(), trie.previousKey(text("")));
  }

  /** TRIE-8, TRIE-9: the failures a verifier names. */
  @Test
  void proofFailuresAreNamed() {
    MerklePatriciaTrie trie = MerklePatriciaTrie.empty(new InMemoryNodeStore(), KECCAK);
    for (int i = 0; i < 200; i++) {
      trie.put(KECCAK.hash(new byte[] {(byte) i}), text("value " + i));
    }
    Hash root = trie.rootHash();
    byte[] key = KECCAK.hash(new byte[] {42});
    List<byte[]> proof = trie.proof(key);
    assertTrue(proof.size() >= 2);
    assertArrayEquals(text("value 42"), MerklePatriciaTrie.verifyProof(root, key, proof, KECCAK).orElseThrow());

    ProofException truncated =
        assertThrows(
            ProofException.class,
            () -> MerklePatriciaTrie.verifyProof(root, key, proof.subList(0, proof.size() - 1), KECCAK));
    assertTrue(truncated.getMessage().contains("truncated"), truncated.getMessage());

    List<byte[]> extra = new ArrayList<>(proof);
    extra.add(proof.get(0));
    ProofException leftOver =
        assertThrows(ProofException.class, () -> MerklePatriciaTrie.verifyProof(root, key, extra, KECCAK));
    assertTrue(leftOver.getMessage().contains("left over"), leftOver.getMessage());

    List<byte[]> flipped = new ArrayList<>(proof);
    byte[] last = flipped.get(flipped.size() - 1).clone();
    last[last.length - 1] ^= 1;
    flipped.set(flipped.size() - 1, last);
    ProofException mismatch =
        assertThrows(ProofException.class, () -> MerklePatriciaTrie.verifyProof(root, key, flipped, KECCAK));
    assertEquals("proof[" + (proof.size() - 1) + "]", mismatch.field());
    assertTrue(mismatch.getMessage().contains("hash mismatch"), mismatch.getMessage());

    Hash empty = MerklePatriciaTrie.emptyRoot(KECCAK);
    assertEquals(Optional.empty(), MerklePatriciaTrie.verifyProof(empty, key, List.of(), KECCAK));
    assertThrows(ProofException.class, () -> MerklePatriciaTrie.verifyProof(empty, key, proof, KECCAK));
  }

  /** TRIE-8: a proof of an absent key proves absence, and the secure trie hashes the key. */
  @Test
  void absenceAndSecureProofs() {
    SecureTrie trie = SecureTrie.empty(new InMemoryNodeStore(), KECCAK);
    for (int i = 0; i < 30; i++) {
      trie.put(text("account " + i), text("balance " + i));
    }
    Hash root = trie.commit();
    assertArrayEquals(
        text("balance 3"),
        SecureTrie.verifyProof(root, text("account 3"), trie.proof(text("account 3")), KECCAK).orElseThrow());
    assertFalse(
        SecureTrie.verifyProof(root, text("nobody"), trie.proof(text("nobody")), KECCAK).isPresent());
    SecureTrie reloaded = SecureTrie.load(root, new InMemoryNodeStore(), KECCAK);
    assertThrows(MissingNodeException.class, () -> reloaded.get(text("account 3")));
  }

  /** TRIE-6: the decoder accepts only what the encoder produces, naming the faulty field. */
  @Test
  void nonCanonicalNodesAreRejected() {
    byte[] empty = Rlp.encodeBytes(new byte[0]);
    byte[] reference = Rlp.encodeBytes(new byte[32]);
    byte[] value = Rlp.encodeBytes(text("v"));
    byte[] embeddedLeaf = Rlp.encodeList(List.of(Rlp.encodeBytes(new byte[] {0x20}), value));
    byte[] largeLeaf =
        Rlp.encodeList(List.of(Rlp.encodeBytes(new byte[] {0x20}), Rlp.encodeBytes(new byte[30])));
    Map<String, byte[]> bad = new LinkedHashMap<>();
    bad.put("byte string", Rlp.encodeBytes(text("abc")));
    bad.put("empty input", new byte[0]);
    bad.put("three items", Rlp.encodeList(List.of(empty, empty, empty)));
    bad.put("hex-prefix flag 4", Rlp.encodeList(List.of(Rlp.encodeBytes(new byte[] {0x40}), value)));
    bad.put("empty hex-prefix", Rlp.encodeList(List.of(empty, value)));
    bad.put("non-zero pad nibble", Rlp.encodeList(List.of(Rlp.encodeBytes(new byte[] {0x01}), reference)));
    bad.put("leaf with empty value", Rlp.encodeList(List.of(Rlp.encodeBytes(new byte[] {0x20}), empty)));
    bad.put("extension with empty path", Rlp.encodeList(List.of(Rlp.encodeBytes(new byte[] {0x00}), reference)));
    bad.put("extension to a leaf", Rlp.encodeList(List.of(Rlp.encodeBytes(new byte[] {0x11}), embeddedLeaf)));
    bad.put("extension to nothing", Rlp.encodeList(List.of(Rlp.encodeBytes(new byte[] {0x11}), empty)));
    bad.put("31-byte reference", branch(Rlp.encodeBytes(new byte[31]), reference, empty));
    bad.put("embedded node of 32+ bytes", branch(largeLeaf, reference, empty));
    bad.put("branch with one child", branch(reference, empty, empty));
    bad.put("branch with nothing", branch(empty, empty, empty));
    bad.put("branch value is a list", branch(reference, reference, Rlp.encodeList(List.of())));
    List<byte[]> eighteen = new ArrayList<>();
    for (int i = 0; i < 18; i++) {
      eighteen.add(reference);
    }
    bad.put("eighteen items", Rlp.encodeList(eighteen));
    List<String> accepted = new ArrayList<>();
    for (Map.Entry<String, byte[]> entry : bad.entrySet()) {
      try {
        NodeCodec.decode(entry.getValue(), "node");
        accepted.add(entry.getKey());
      } catch (DecodingException e) {
        assertTrue(e.field().startsWith("node"), e.getMessage());
      }
    }
    assertEquals(List.of(), accepted);
    // The valid forms built from the same parts are accepted, so the cases above fail for their flaw.
    NodeCodec.decode(branch(reference, reference, empty), "node");
    NodeCodec.decode(branch(embeddedLeaf, empty, value), "node");
    NodeCodec.decode(Rlp.encodeList(List.of(Rlp.encodeBytes(new byte[] {0x11}), reference)), "node");
  }

  /** A branch with the given first two children and value, the other children empty. */
  private static byte[] branch(byte[] first, byte[] second, byte[] value) {
    List<byte[]> items = new ArrayList<>();
    items.add(first);
    items.add(second);
    for (int i = 2; i < 16; i++) {
      items.add(Rlp.encodeBytes(new byte[0]));
    }
    items.add(value);
    return Rlp.encodeList(items);
  }
}

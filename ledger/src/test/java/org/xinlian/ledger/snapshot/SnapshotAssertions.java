package org.xinlian.ledger.snapshot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.xinlian.common.Hash;
import org.xinlian.common.Hex;
import org.xinlian.ledger.LedgerNamespaces;
import org.xinlian.ledger.state.KeyValueNodeStore;
import org.xinlian.ledger.state.StateHashing;
import org.xinlian.storage.KeyValueStore;
import org.xinlian.storage.Namespace;
import org.xinlian.trie.MerklePatriciaTrie;
import org.xinlian.trie.TrieHashFunction;
import org.xinlian.types.block.BlockCodec;

/** Checks that an imported store holds exactly the source's state and the snapshot's head. */
final class SnapshotAssertions {
  private SnapshotAssertions() {}

  static void assertSameState(TestStates.Built source, KeyValueStore imported) {
    for (Namespace namespace : new Namespace[] {
        LedgerNamespaces.FLAT_ACCOUNTS, LedgerNamespaces.FLAT_STORAGE, LedgerNamespaces.CODE}) {
      assertEquals(
          TestStates.dump(source.store(), namespace), TestStates.dump(imported, namespace),
          namespace.name());
    }
    // The imported tries load completely from the imported nodes and hold the source's flat view.
    TrieHashFunction hashFunction = StateHashing.trieHash(source.suite());
    KeyValueNodeStore nodes = new KeyValueNodeStore(imported, null);
    MerklePatriciaTrie state =
        MerklePatriciaTrie.load(source.header().stateRoot(), nodes, hashFunction);
    assertEquals(source.header().stateRoot(), state.rootHash());
    Map<String, String> accounts = new TreeMap<>();
    Map<String, String> slots = new TreeMap<>();
    Optional<byte[]> key = state.firstKey();
    while (key.isPresent()) {
      byte[] hashedAddress = key.get();
      byte[] account = state.get(hashedAddress).orElseThrow();
      accounts.put(Hex.encode(hashedAddress), Hex.encode(account));
      Hash storageRoot = AccountFields.decode(account, "account").storageRoot();
      MerklePatriciaTrie storage = MerklePatriciaTrie.load(storageRoot, nodes, hashFunction);
      Optional<byte[]> slot = storage.firstKey();
      while (slot.isPresent()) {
        slots.put(
            Hex.encode(SnapshotLayout.flatStorageKey(hashedAddress, slot.get())),
            Hex.encode(storage.get(slot.get()).orElseThrow()));
        slot = storage.nextKey(slot.get());
      }
      key = state.nextKey(hashedAddress);
    }
    assertEquals(TestStates.dump(source.store(), LedgerNamespaces.FLAT_ACCOUNTS), accounts);
    assertEquals(TestStates.dump(source.store(), LedgerNamespaces.FLAT_STORAGE), slots);
  }

  static void assertHead(TestStates.Built source, KeyValueStore imported) {
    Hash blockHash = source.blockHash();
    assertEquals(Optional.of(blockHash), SnapshotLayout.head(imported));
    assertArrayEquals(
        BlockCodec.of(source.suite()).encodeHeader(source.header()),
        imported.get(SnapshotLayout.HEADERS, blockHash.toArray()).orElseThrow());
    assertArrayEquals(
        blockHash.toArray(),
        imported.get(SnapshotLayout.CANONICAL, SnapshotLayout.heightKey(source.header().number()))
            .orElseThrow());
    assertEquals(
        source.header().number(),
        SnapshotLayout.decodeLong("history_start",
            imported.get(SnapshotLayout.META, SnapshotLayout.META_HISTORY_START).orElseThrow()));
    assertArrayEquals(
        source.genesisHash().toArray(),
        imported.get(SnapshotLayout.META, SnapshotLayout.META_GENESIS).orElseThrow());
    assertEquals(
        TestStates.CHAIN_ID,
        SnapshotLayout.decodeLong("chain_id",
            imported.get(SnapshotLayout.META, SnapshotLayout.META_CHAIN_ID).orElseThrow()));
  }
}

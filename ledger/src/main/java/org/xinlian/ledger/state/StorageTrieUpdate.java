package org.xinlian.ledger.state;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.xinlian.common.Hash;
import org.xinlian.evm.word.UInt256;
import org.xinlian.ledger.LedgerNamespaces;
import org.xinlian.storage.ReadView;
import org.xinlian.trie.MerklePatriciaTrie;
import org.xinlian.trie.NodeStore;
import org.xinlian.trie.TrieHashFunction;

/**
 * One account's storage-trie update, computed apart from the block's batch so that the storage
 * tries of different accounts can be re-hashed on several cores: hashing dominates a commit. The
 * result (new root, nodes read and written, flat-view changes) is merged into the batch on the
 * committing thread in account order, so the batch is the same whatever the thread timing.
 */
final class StorageTrieUpdate {
  /** A flat-view change: a null value deletes the key. */
  record FlatChange(byte[] key, byte[] value) {}

  /** What {@link #compute} produced, to be merged by {@link RecordingNodeStore#absorb}. */
  record Result(Hash previousRoot, Hash root, Set<Hash> read, Map<Hash, byte[]> written, List<FlatChange> flat) {}

  private StorageTrieUpdate() {}

  /**
   * Applies {@code slots} to the storage trie at {@code root}. Reads only committed nodes (and its
   * own new ones), never the batch, which another thread may be filling.
   */
  static Result compute(ReadView reads, TrieHashFunction hashFunction, byte[] hashedAddress,
      Hash root, Map<UInt256, UInt256> slots) {
    BufferedNodes nodes = new BufferedNodes(reads);
    MerklePatriciaTrie storage = MerklePatriciaTrie.load(root, nodes, hashFunction);
    List<FlatChange> flat = new ArrayList<>(slots.size());
    for (Map.Entry<UInt256, UInt256> slot : new TreeMap<>(slots).entrySet()) {
      byte[] slotKey = hashFunction.hash(slot.getKey().toBytes());
      byte[] flatKey = FlatStateKeys.storageKey(hashedAddress, slotKey);
      if (slot.getValue().isZero()) {
        storage.delete(slotKey);
        flat.add(new FlatChange(flatKey, null));
      } else {
        byte[] value = StateAccount.encodeStorageValue(slot.getValue());
        storage.put(slotKey, value);
        flat.add(new FlatChange(flatKey, value));
      }
    }
    Hash newRoot = storage.commit();
    return new Result(root, newRoot, nodes.read, nodes.written, flat);
  }

  /** Records reads and keeps writes in memory. */
  private static final class BufferedNodes implements NodeStore {
    private final ReadView reads;
    private final Set<Hash> read = new HashSet<>();
    private final Map<Hash, byte[]> written = new LinkedHashMap<>();

    BufferedNodes(ReadView reads) {
      this.reads = reads;
    }

    @Override
    public Optional<byte[]> get(Hash hash) {
      read.add(hash);
      byte[] pending = written.get(hash);
      if (pending != null) {
        return Optional.of(pending.clone());
      }
      return reads.get(LedgerNamespaces.TRIE_NODES, hash.toArray());
    }

    @Override
    public void put(Hash hash, byte[] encodedNode) {
      written.put(hash, encodedNode.clone());
    }
  }
}

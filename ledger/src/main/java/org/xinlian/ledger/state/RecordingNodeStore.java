package org.xinlian.ledger.state;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.xinlian.common.Hash;
import org.xinlian.ledger.LedgerNamespaces;
import org.xinlian.storage.ReadView;
import org.xinlian.storage.WriteBatch;
import org.xinlian.trie.NodeStore;

/**
 * The node store of one commit: reads come from the store, writes go into the block's batch, and
 * both are recorded. A node leaves a trie only through a path the update walks, and the trie reads
 * every stored node on such a path, so {@code read - written} over-approximates the nodes this
 * commit stopped referencing: the pruner's candidates (STATE-10).
 */
final class RecordingNodeStore implements NodeStore {
  private final ReadView reads;
  private final WriteBatch writes;
  private final Set<Hash> read = new HashSet<>();
  private final Map<Hash, byte[]> written = new LinkedHashMap<>();

  RecordingNodeStore(ReadView reads, WriteBatch writes) {
    this.reads = reads;
    this.writes = writes;
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
    writes.put(LedgerNamespaces.TRIE_NODES, hash.toArray(), encodedNode);
  }

  /** Takes over the reads and writes of a storage trie updated apart (StorageTrieUpdate). */
  void absorb(Set<Hash> otherReads, Map<Hash, byte[]> otherWrites) {
    read.addAll(otherReads);
    otherWrites.forEach(this::put);
  }

  /** Records a node of a trie dropped as a whole (a deleted account's storage). */
  void dropped(Hash hash) {
    read.add(hash);
  }

  int writtenCount() {
    return written.size();
  }

  /** Nodes read but not written again: candidates for pruning once this block leaves retention. */
  Set<Hash> candidates() {
    Set<Hash> candidates = new HashSet<>(read);
    candidates.removeAll(written.keySet());
    return candidates;
  }
}

package org.xinlian.ledger.state;

import java.util.Map;
import java.util.Optional;
import org.xinlian.common.Hash;
import org.xinlian.ledger.LedgerNamespaces;
import org.xinlian.storage.ReadView;
import org.xinlian.storage.WriteBatch;
import org.xinlian.trie.NodeStore;

/**
 * Trie nodes in {@link LedgerNamespaces#TRIE_NODES}: reads come from a store or snapshot, writes go
 * into the batch of the block being committed, so the nodes of a new root land on disk in the same
 * atomic write as the block that produced it. Nodes written to the batch are not readable through
 * this store until the batch is written; the trie keeps its own dirty nodes in memory until then.
 */
public final class KeyValueNodeStore implements NodeStore {
  private final ReadView reads;
  private final WriteBatch writes;

  /**
   * @param reads where committed nodes are read
   * @param writes where new nodes are put; null for a read-only store
   */
  public KeyValueNodeStore(ReadView reads, WriteBatch writes) {
    this.reads = reads;
    this.writes = writes;
  }

  @Override
  public Optional<byte[]> get(Hash hash) {
    return reads.get(LedgerNamespaces.TRIE_NODES, hash.toArray());
  }

  @Override
  public void put(Hash hash, byte[] encodedNode) {
    if (writes == null) {
      throw new IllegalStateException("read-only node store");
    }
    writes.put(LedgerNamespaces.TRIE_NODES, hash.toArray(), encodedNode);
  }

  @Override
  public void putAll(Map<Hash, byte[]> encodedNodes) {
    encodedNodes.forEach(this::put);
  }
}

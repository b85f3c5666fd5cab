package org.xinlian.ledger.snapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.xinlian.common.Hash;
import org.xinlian.ledger.LedgerNamespaces;
import org.xinlian.storage.KeyValueStore;
import org.xinlian.storage.Namespace;
import org.xinlian.storage.WriteBatch;
import org.xinlian.trie.MerklePatriciaTrie;
import org.xinlian.trie.NodeStore;
import org.xinlian.trie.TrieHashFunction;

/**
 * Writes an import in bounded batches (SNAPSHOT-8). Tries under construction keep their new nodes
 * in memory; when the batch or those nodes grow past the {@link FlushPolicy}, every open trie is
 * committed into the batch, the batch is written, and each trie is reopened from its root, so
 * what stays in memory is one path per trie. Nodes on that path are rewritten by later commits;
 * the superseded copies stay in the store as unreferenced nodes (a few per flush).
 */
final class ImportWriter implements AutoCloseable {
  /**
   * When to write a batch.
   *
   * @param batchBytes bytes of keys and values in the batch
   * @param trieEntries entries put into tries since the last flush (each holds nodes in memory)
   */
  record FlushPolicy(long batchBytes, int trieEntries) {
    /** 64 MiB batches and 50,000 trie entries (tens of MiB of nodes) between flushes. */
    static final FlushPolicy DEFAULT = new FlushPolicy(64L * 1024 * 1024, 50_000);
  }

  private final KeyValueStore store;
  private final FlushPolicy policy;
  private final List<Builder> open = new ArrayList<>();
  private final NodeStore nodes = new BatchNodeStore();
  private WriteBatch batch;
  private int trieEntries;

  ImportWriter(KeyValueStore store, FlushPolicy policy) {
    this.store = store;
    this.policy = policy;
    this.batch = store.newBatch();
  }

  void put(Namespace namespace, byte[] key, byte[] value) {
    batch.put(namespace, key, value);
  }

  /** A trie built by puts, which this writer flushes along with the batch. */
  Builder newTrie(TrieHashFunction hashFunction) {
    Builder builder = new Builder(hashFunction);
    open.add(builder);
    return builder;
  }

  /** Flushes when the batch or the tries in memory have grown past the policy. */
  void flushIfFull() {
    if (batch.sizeBytes() >= policy.batchBytes() || trieEntries >= policy.trieEntries()) {
      flush();
    }
  }

  /** Commits every open trie into the batch, writes it, and reopens the tries from their roots. */
  void flush() {
    List<Hash> roots = new ArrayList<>(open.size());
    for (Builder builder : open) {
      roots.add(builder.trie.commit());
    }
    store.write(batch);
    batch.close();
    batch = store.newBatch();
    for (int index = 0; index < open.size(); index++) {
      Builder builder = open.get(index);
      builder.trie = MerklePatriciaTrie.load(roots.get(index), nodes, builder.hashFunction);
    }
    trieEntries = 0;
  }

  @Override
  public void close() {
    batch.close();
  }

  /** A trie under construction; {@link #finish} commits it into the batch and closes it. */
  final class Builder {
    private final TrieHashFunction hashFunction;
    private MerklePatriciaTrie trie;

    private Builder(TrieHashFunction hashFunction) {
      this.hashFunction = hashFunction;
      this.trie = MerklePatriciaTrie.empty(nodes, hashFunction);
    }

    void put(byte[] key, byte[] value) {
      trie.put(key, value);
      trieEntries++;
    }

    /** Commits the remaining nodes into the batch and returns the root; the builder is done. */
    Hash finish() {
      open.remove(this);
      return trie.commit();
    }
  }

  /** Reads nodes already written, puts new ones into whichever batch is current. */
  private final class BatchNodeStore implements NodeStore {
    @Override
    public Optional<byte[]> get(Hash hash) {
      return store.get(LedgerNamespaces.TRIE_NODES, hash.toArray());
    }

    @Override
    public void put(Hash hash, byte[] encodedNode) {
      batch.put(LedgerNamespaces.TRIE_NODES, hash.toArray(), encodedNode);
    }

    @Override
    public void putAll(Map<Hash, byte[]> encodedNodes) {
      encodedNodes.forEach(this::put);
    }
  }
}

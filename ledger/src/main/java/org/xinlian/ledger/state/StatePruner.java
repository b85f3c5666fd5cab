package org.xinlian.ledger.state;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.xinlian.common.DecodingException;
import org.xinlian.common.Hash;
import org.xinlian.ledger.LedgerNamespaces;
import org.xinlian.storage.KeyRange;
import org.xinlian.storage.KeyValue;
import org.xinlian.storage.KeyValueIterator;
import org.xinlian.storage.KeyValueStore;
import org.xinlian.storage.ReadView;
import org.xinlian.storage.StoreSnapshot;
import org.xinlian.storage.WriteBatch;
import org.xinlian.trie.MissingNodeException;
import org.xinlian.trie.TrieNodes;

/**
 * Deletes trie nodes that no retained state reaches (STATE-10, STATE-11).
 *
 * <p>Each commit records, in {@link LedgerNamespaces#PRUNING}, its state root and the nodes it
 * stopped referencing (read during the update but not written again). Once block {@code b} is
 * old enough that the state before it is no longer retained, those nodes are candidates. A node
 * is content-addressed, so the same node may still be referenced elsewhere (another storage trie,
 * a later block that re-created it): a candidate is deleted only if a mark from every retained
 * root does not reach it. Deleting unreachable nodes is idempotent and the mark never depends on
 * a deletion, so a kill at any point leaves every retained root complete, and the next run
 * finishes the work (records are removed in the last batch).
 */
final class StatePruner {
  /** Hashes per record entry: 2 MiB values, well below the store's value limit. */
  static final int RECORD_HASHES_MAX = 65_536;
  /** Deletes per batch, so a large backlog never builds one huge batch. */
  static final int PRUNE_BATCH_DELETES_MAX = 100_000;

  private static final byte ROOT_RECORD = 'r';
  private static final byte CANDIDATE_RECORD = 'c';

  private final StateDatabase database;
  private final KeyValueStore store;
  private final StateRetention retention;
  private final int batchDeletesMax;

  StatePruner(StateDatabase database, KeyValueStore store, StateRetention retention, int batchDeletesMax) {
    this.database = database;
    this.store = store;
    this.retention = retention;
    this.batchDeletesMax = batchDeletesMax;
  }

  /** Puts block {@code blockNumber}'s root and candidates into its commit batch. */
  int record(long blockNumber, Hash root, Collection<Hash> candidates, WriteBatch batch) {
    batch.put(LedgerNamespaces.PRUNING, key(ROOT_RECORD, blockNumber, -1), root.toArray());
    List<Hash> sorted = new ArrayList<>(candidates);
    sorted.sort(null);
    for (int chunk = 0; chunk * RECORD_HASHES_MAX < sorted.size(); chunk++) {
      int from = chunk * RECORD_HASHES_MAX;
      int to = Math.min(sorted.size(), from + RECORD_HASHES_MAX);
      ByteBuffer value = ByteBuffer.allocate((to - from) * Hash.LENGTH);
      for (Hash hash : sorted.subList(from, to)) {
        value.put(hash.toArray());
      }
      batch.put(LedgerNamespaces.PRUNING, key(CANDIDATE_RECORD, blockNumber, chunk), value.array());
    }
    return sorted.size();
  }

  /**
   * Runs {@link #prune} only once at least {@code blocksPerRun} blocks' states can be released.
   * The mark walks every retained state, whatever the number of blocks a run releases, so running
   * it for each block cost a block producer a sixth of its time; running it every
   * {@code blocksPerRun} blocks keeps at most that many extra states on disk meanwhile.
   */
  PruneResult pruneIfDue(long blocksPerRun) {
    if (retention.isArchive()) {
      return PruneResult.NOTHING;
    }
    Optional<StateHead> head = database.head();
    if (head.isEmpty()) {
      return PruneResult.NOTHING;
    }
    long firstRetained = head.get().blockNumber() - retention.blocks() + 1;
    Optional<Long> oldestRecorded = oldestRootRecord();
    if (oldestRecorded.isEmpty() || firstRetained - oldestRecorded.get() < blocksPerRun) {
      return PruneResult.NOTHING;
    }
    return prune();
  }

  private Optional<Long> oldestRootRecord() {
    try (KeyValueIterator roots = store.iterate(LedgerNamespaces.PRUNING, new KeyRange(
        key(ROOT_RECORD, 0, -1), key(ROOT_RECORD, Long.MAX_VALUE, -1)))) {
      return roots.hasNext() ? Optional.of(blockOf(roots.next().key())) : Optional.empty();
    }
  }

  PruneResult prune() {
    if (retention.isArchive()) {
      return PruneResult.NOTHING;
    }
    Optional<StateHead> head = database.head();
    if (head.isEmpty()) {
      return PruneResult.NOTHING;
    }
    long headBlock = head.get().blockNumber();
    // Blocks from firstRetained on stay readable; block b's candidates belong to state b - 1.
    long firstRetained = headBlock - retention.blocks() + 1;
    if (firstRetained < 1) {
      return PruneResult.NOTHING;
    }
    List<byte[]> doneRecords = new ArrayList<>();
    Set<Hash> candidates = new LinkedHashSet<>();
    Set<Hash> marked;
    try (StoreSnapshot snapshot = store.snapshot()) {
      Set<Long> released = new HashSet<>();
      try (KeyValueIterator records = snapshot.iterate(LedgerNamespaces.PRUNING, new KeyRange(
          key(CANDIDATE_RECORD, 0, -1), key(CANDIDATE_RECORD, firstRetained + 1, -1)))) {
        while (records.hasNext()) {
          KeyValue record = records.next();
          released.add(blockOf(record.key()));
          doneRecords.add(record.key());
          readHashes(record, candidates);
        }
      }
      try (KeyValueIterator roots = snapshot.iterate(LedgerNamespaces.PRUNING, new KeyRange(
          key(ROOT_RECORD, 0, -1), key(ROOT_RECORD, firstRetained, -1)))) {
        while (roots.hasNext()) {
          doneRecords.add(roots.next().key());
        }
      }
      if (doneRecords.isEmpty()) {
        return PruneResult.NOTHING;
      }
      List<Hash> retainedRoots = new ArrayList<>();
      try (KeyValueIterator roots = snapshot.iterate(LedgerNamespaces.PRUNING, new KeyRange(
          key(ROOT_RECORD, firstRetained, -1), key(ROOT_RECORD, headBlock + 1, -1)))) {
        while (roots.hasNext()) {
          retainedRoots.add(readRoot(roots.next()));
        }
      }
      retainedRoots.add(head.get().root());
      marked = mark(snapshot, retainedRoots);
      return sweep(candidates, marked, doneRecords, released.size());
    }
  }

  /**
   * Every node reachable from the retained roots, account tries and the storage tries their
   * accounts name. A missing node aborts the run before anything is deleted.
   */
  private Set<Hash> mark(ReadView reads, List<Hash> roots) {
    // One visited set serves both kinds of trie: a node reaching account leaves (RLP lists) can
    // never have the hash of one reaching storage leaves (RLP strings), so no walk is cut short.
    Set<Hash> marked = new HashSet<>();
    Deque<Hash> accountNodes = new ArrayDeque<>();
    Deque<Hash> storageNodes = new ArrayDeque<>();
    for (Hash root : roots) {
      if (!root.equals(database.emptyRoot()) && marked.add(root)) {
        accountNodes.push(root);
      }
    }
    while (!accountNodes.isEmpty() || !storageNodes.isEmpty()) {
      boolean account = !accountNodes.isEmpty();
      Hash hash = account ? accountNodes.pop() : storageNodes.pop();
      byte[] encoded = reads.get(LedgerNamespaces.TRIE_NODES, hash.toArray())
          .orElseThrow(() -> new MissingNodeException(hash));
      TrieNodes.NodeContent content = TrieNodes.content(encoded, "trieNode " + hash);
      for (Hash child : content.children()) {
        if (marked.add(child)) {
          (account ? accountNodes : storageNodes).push(child);
        }
      }
      if (account) {
        for (byte[] value : content.values()) {
          Hash storageRoot = StateAccount.decode(value, "account in trieNode " + hash).storageRoot();
          if (!storageRoot.equals(database.emptyRoot()) && marked.add(storageRoot)) {
            storageNodes.push(storageRoot);
          }
        }
      }
    }
    return marked;
  }

  private PruneResult sweep(
      Set<Hash> candidates, Set<Hash> marked, List<byte[]> doneRecords, int blocksReleased) {
    int deleted = 0;
    WriteBatch batch = store.newBatch();
    try {
      for (Hash candidate : candidates) {
        if (marked.contains(candidate)) {
          continue;
        }
        batch.delete(LedgerNamespaces.TRIE_NODES, candidate.toArray());
        deleted++;
        if (batch.size() >= batchDeletesMax) {
          store.write(batch);
          batch.close();
          batch = store.newBatch();
        }
      }
      // Records go last: until they are gone, a rerun after a kill redoes the remaining deletes.
      for (byte[] record : doneRecords) {
        batch.delete(LedgerNamespaces.PRUNING, record);
      }
      store.write(batch);
    } finally {
      batch.close();
    }
    return new PruneResult(blocksReleased, candidates.size(), deleted, marked.size());
  }

  /** {@code kind ‖ block (8 bytes, big-endian) [‖ chunk (4 bytes)]}; chunk -1 leaves it out. */
  private static byte[] key(byte kind, long blockNumber, int chunk) {
    ByteBuffer key = ByteBuffer.allocate(1 + Long.BYTES + (chunk < 0 ? 0 : Integer.BYTES));
    key.put(kind).putLong(blockNumber);
    if (chunk >= 0) {
      key.putInt(chunk);
    }
    return key.array();
  }

  private static long blockOf(byte[] key) {
    if (key.length < 1 + Long.BYTES) {
      throw new DecodingException("pruning record key", "too short: " + key.length + " bytes");
    }
    return ByteBuffer.wrap(key, 1, Long.BYTES).getLong();
  }

  private static void readHashes(KeyValue record, Set<Hash> into) {
    byte[] value = record.value();
    if (value.length % Hash.LENGTH != 0) {
      throw new DecodingException("pruning candidates", "length " + value.length + " is not a multiple of 32");
    }
    for (int offset = 0; offset < value.length; offset += Hash.LENGTH) {
      byte[] hash = new byte[Hash.LENGTH];
      System.arraycopy(value, offset, hash, 0, Hash.LENGTH);
      into.add(Hash.wrap(hash));
    }
  }

  private static Hash readRoot(KeyValue record) {
    if (record.value().length != Hash.LENGTH) {
      throw new DecodingException("pruning root", "expected 32 bytes, got " + record.value().length);
    }
    return Hash.wrap(record.value());
  }
}

package org.xinlian.ledger.state;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.xinlian.common.Address;
import org.xinlian.common.DecodingException;
import org.xinlian.common.Hash;
import org.xinlian.common.Invariants;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.evm.state.AccountUpdate;
import org.xinlian.evm.state.JournaledWorldState;
import org.xinlian.evm.state.StoredAccount;
import org.xinlian.evm.word.UInt256;
import org.xinlian.ledger.LedgerNamespaces;
import org.xinlian.storage.KeyRange;
import org.xinlian.storage.KeyValue;
import org.xinlian.storage.KeyValueIterator;
import org.xinlian.storage.KeyValueStore;
import org.xinlian.storage.StorageException;
import org.xinlian.storage.ReadView;
import org.xinlian.storage.WriteBatch;
import org.xinlian.trie.MerklePatriciaTrie;
import org.xinlian.trie.MissingNodeException;
import org.xinlian.trie.NodeStore;
import org.xinlian.trie.SecureTrie;
import org.xinlian.trie.TrieHashFunction;
import org.xinlian.trie.TrieNodes;

/**
 * The persistent world state (docs/spec/state.md): Ethereum's account trie and storage tries over
 * the key-value store, plus a flat view of the head state for fast reads. Execution works on a
 * {@link JournaledWorldState} opened with {@link #headState} (or {@link #stateAt} for an older
 * root); {@link #commit} turns its changes into trie nodes, code and flat-view updates inside the
 * caller's batch, so a block and its state land on disk in one atomic write (STATE-6).
 *
 * <p>One writer commits, one block after another; readers may open any retained root at any time.
 * {@link #prune} runs on the writer's thread between commits (STATE-11).
 */
public final class StateDatabase {
  /** META key of the head: block number (8 bytes, big-endian) then state root. */
  private static final byte[] HEAD_KEY = "state_head".getBytes(StandardCharsets.US_ASCII);
  private static final int HEAD_BYTES = Long.BYTES + Hash.LENGTH;

  private final KeyValueStore store;
  private final CryptoSuite suite;
  private final TrieHashFunction hashFunction;
  private final Hash emptyRoot;
  private final StateRetention retention;
  private final NodeStore readOnlyNodes;
  private final StatePruner pruner;

  /** An archive state database: every committed state stays readable. */
  public StateDatabase(KeyValueStore store, CryptoSuite suite) {
    this(store, suite, StateRetention.ARCHIVE);
  }

  /**
   * @param store a store opened with {@link LedgerNamespaces#ALL}
   * @param suite the chain's suite; its hash names trie nodes (docs/adr/0004)
   * @param retention how many recent states {@link #prune} keeps
   */
  public StateDatabase(KeyValueStore store, CryptoSuite suite, StateRetention retention) {
    this(store, suite, retention, StatePruner.PRUNE_BATCH_DELETES_MAX);
  }

  /** As the public constructor, with small prune batches so tests can kill a run between them. */
  StateDatabase(KeyValueStore store, CryptoSuite suite, StateRetention retention, int pruneBatchDeletesMax) {
    if (store == null || suite == null || retention == null) {
      throw new IllegalArgumentException("state database: store, suite and retention are required");
    }
    this.store = store;
    this.suite = suite;
    this.hashFunction = StateHashing.trieHash(suite);
    this.emptyRoot = MerklePatriciaTrie.emptyRoot(hashFunction);
    this.retention = retention;
    this.readOnlyNodes = new KeyValueNodeStore(store, null);
    this.pruner = new StatePruner(this, store, retention, pruneBatchDeletesMax);
  }

  public CryptoSuite suite() {
    return suite;
  }

  public TrieHashFunction hashFunction() {
    return hashFunction;
  }

  /** The root of a state without accounts (and of an account without storage). */
  public Hash emptyRoot() {
    return emptyRoot;
  }

  public StateRetention retention() {
    return retention;
  }

  /** The last committed state written to the store, or empty before the first commit. */
  public Optional<StateHead> head() {
    return store.get(LedgerNamespaces.META, HEAD_KEY).map(StateDatabase::decodeHead);
  }

  /**
   * The head state for executing the next block, read from the flat view (STATE-5). Valid until
   * the next commit is written: then open a new one.
   */
  public JournaledWorldState headState() {
    Hash root = head().map(StateHead::root).orElse(emptyRoot);
    return new JournaledWorldState(new FlatStateSource(this, store, root));
  }

  /**
   * The state at {@code root}, read through the tries: any retained root. Nodes are read on first
   * use, so a root that was pruned or never committed fails then with {@link MissingNodeException}.
   */
  public JournaledWorldState stateAt(Hash root) {
    return new JournaledWorldState(new TrieStateSource(this, root));
  }

  /** The account trie at {@code root}, read-only: for proofs and verification. */
  public SecureTrie accountTrie(Hash root) {
    return SecureTrie.load(root, readOnlyNodes, hashFunction);
  }

  /** A storage trie by its root, read-only. */
  public SecureTrie storageTrie(Hash storageRoot) {
    return SecureTrie.load(storageRoot, readOnlyNodes, hashFunction);
  }

  /** The account at {@code address} in the state {@code root}, with its storage root. */
  public Optional<StateAccount> account(Hash root, Address address) {
    return accountTrie(root).get(address.toArray())
        .map(encoded -> StateAccount.decode(encoded, "account " + address));
  }

  /**
   * The account at the head, from the flat view: one key-value read instead of a trie walk. A
   * commit may land between two calls, so two answers can be about consecutive heads; callers that
   * need one fixed state use {@link #account(Hash, Address)}.
   */
  public Optional<StateAccount> headAccount(Address address) {
    return store.get(LedgerNamespaces.FLAT_ACCOUNTS, hashKey(address.toArray()))
        .map(encoded -> StateAccount.decode(encoded, "flat account " + address));
  }

  /**
   * Applies the changes of {@code changes} (a state opened from this database at the head) as the
   * state of block {@code blockNumber}: trie nodes, new code, flat-view updates, the head pointer
   * and the pruner's record all go into {@code batch}; nothing is written to the store (STATE-6).
   * The caller writes the batch together with the block.
   *
   * @throws IllegalStateException if {@code changes} did not start from the current head
   * @throws IllegalArgumentException if it comes from another database or the block number does
   *     not follow the head's
   */
  public StateCommit commit(JournaledWorldState changes, long blockNumber, WriteBatch batch) {
    if (!(changes.source() instanceof StateSource base) || base.database() != this) {
      throw new IllegalArgumentException("state commit: the changes were not made on this state database");
    }
    Optional<StateHead> head = head();
    Hash headRoot = head.map(StateHead::root).orElse(emptyRoot);
    if (!base.root().equals(headRoot)) {
      throw new IllegalStateException("state commit: the changes start from state " + base.root()
          + " but the head is " + headRoot + "; only the head can be extended");
    }
    if (blockNumber < 0 || (head.isPresent() && blockNumber <= head.get().blockNumber())) {
      throw new IllegalArgumentException("state commit: block " + blockNumber
          + " does not follow the head block " + head.map(StateHead::blockNumber).orElse(-1L));
    }
    RecordingNodeStore nodes = new RecordingNodeStore(store, batch);
    MerklePatriciaTrie accountTrie = MerklePatriciaTrie.load(base.root(), nodes, hashFunction);
    List<AccountUpdate> updates = changes.pendingChanges();
    Map<Address, StorageTrieUpdate.Result> storageUpdates = updateStorageTries(updates);
    int accounts = 0;
    for (AccountUpdate update : updates) {
      apply(update, accountTrie, nodes, batch, storageUpdates.get(update.address()));
      accounts++;
    }
    Hash root = accountTrie.commit();
    batch.put(LedgerNamespaces.META, HEAD_KEY, encodeHead(new StateHead(blockNumber, root)));
    int candidates = retention.isArchive() ? 0 : pruner.record(blockNumber, root, nodes.candidates(), batch);
    return new StateCommit(blockNumber, root, accounts, nodes.writtenCount(), candidates);
  }

  /**
   * New storage roots of the accounts whose storage changed but was not cleared, computed on
   * several cores (a parallel stream, in which the committing thread takes part). Each starts from
   * the account's storage root in the flat view, which is the head this commit extends.
   */
  private Map<Address, StorageTrieUpdate.Result> updateStorageTries(List<AccountUpdate> updates) {
    List<AccountUpdate> eligible = updates.stream()
        .filter(update -> !update.deleted() && !update.storageCleared() && !update.storage().isEmpty())
        .toList();
    Stream<AccountUpdate> stream = eligible.size() > 1 ? eligible.parallelStream() : eligible.stream();
    List<StorageTrieUpdate.Result> results = stream.map(update -> {
      byte[] addressKey = hashKey(update.address().toArray());
      Hash oldRoot = store.get(LedgerNamespaces.FLAT_ACCOUNTS, addressKey)
          .map(encoded -> StateAccount.decode(encoded, "flat account " + update.address()).storageRoot())
          .orElse(emptyRoot);
      return StorageTrieUpdate.compute(store, hashFunction, addressKey, oldRoot, update.storage());
    }).toList();
    Map<Address, StorageTrieUpdate.Result> byAddress = new HashMap<>();
    for (int index = 0; index < eligible.size(); index++) {
      byAddress.put(eligible.get(index).address(), results.get(index));
    }
    return byAddress;
  }

  private void apply(AccountUpdate update, MerklePatriciaTrie accountTrie, RecordingNodeStore nodes,
      WriteBatch batch, StorageTrieUpdate.Result storageUpdate) {
    Address address = update.address();
    byte[] addressKey = hashKey(address.toArray());
    Hash oldStorageRoot = accountTrie.get(addressKey)
        .map(encoded -> StateAccount.decode(encoded, "account " + address).storageRoot())
        .orElse(emptyRoot);
    if ((update.deleted() || update.storageCleared()) && !oldStorageRoot.equals(emptyRoot)) {
      dropTrie(oldStorageRoot, nodes);
      deleteFlatStorage(addressKey, batch);
    }
    if (update.deleted()) {
      accountTrie.delete(addressKey);
      batch.delete(LedgerNamespaces.FLAT_ACCOUNTS, addressKey);
      return;
    }
    Hash storageRoot = update.storageCleared() ? emptyRoot : oldStorageRoot;
    if (storageUpdate != null) {
      // The update started from the flat view's storage root; the trie must agree, or the flat
      // view has drifted from the state it mirrors.
      Invariants.check(storageUpdate.previousRoot().equals(oldStorageRoot),
          "flat view and state trie disagree on an account's storage root");
      nodes.absorb(storageUpdate.read(), storageUpdate.written());
      for (StorageTrieUpdate.FlatChange change : storageUpdate.flat()) {
        if (change.value() == null) {
          batch.delete(LedgerNamespaces.FLAT_STORAGE, change.key());
        } else {
          batch.put(LedgerNamespaces.FLAT_STORAGE, change.key(), change.value());
        }
      }
      storageRoot = storageUpdate.root();
    } else if (!update.storage().isEmpty()) {
      MerklePatriciaTrie storage = MerklePatriciaTrie.load(storageRoot, nodes, hashFunction);
      for (Map.Entry<UInt256, UInt256> slot : new TreeMap<>(update.storage()).entrySet()) {
        byte[] slotKey = hashKey(slot.getKey().toBytes());
        byte[] flatKey = FlatStateKeys.storageKey(addressKey, slotKey);
        if (slot.getValue().isZero()) {
          storage.delete(slotKey);
          batch.delete(LedgerNamespaces.FLAT_STORAGE, flatKey);
        } else {
          byte[] value = StateAccount.encodeStorageValue(slot.getValue());
          storage.put(slotKey, value);
          batch.put(LedgerNamespaces.FLAT_STORAGE, flatKey, value);
        }
      }
      storageRoot = storage.commit();
    }
    update.newCode().ifPresent(code -> {
      if (!update.codeHash().equals(JournaledWorldState.EMPTY_CODE_HASH)) {
        batch.put(LedgerNamespaces.CODE, update.codeHash().toArray(), code);
      }
    });
    byte[] encoded =
        new StateAccount(update.nonce(), update.balance(), storageRoot, update.codeHash()).encode();
    accountTrie.put(addressKey, encoded);
    batch.put(LedgerNamespaces.FLAT_ACCOUNTS, addressKey, encoded);
  }

  /**
   * Records every node of a storage trie the block drops as a whole, walking node by node, so
   * memory holds the node hashes but never the slots themselves.
   */
  private void dropTrie(Hash root, RecordingNodeStore nodes) {
    Deque<Hash> pending = new ArrayDeque<>();
    pending.push(root);
    while (!pending.isEmpty()) {
      Hash hash = pending.pop();
      byte[] encoded = store.get(LedgerNamespaces.TRIE_NODES, hash.toArray())
          .orElseThrow(() -> new MissingNodeException(hash));
      nodes.dropped(hash);
      TrieNodes.content(encoded, "trieNode " + hash).children().forEach(pending::push);
    }
  }

  /** Deletes a dropped account's flat slots, streaming them from the store into the batch. */
  private void deleteFlatStorage(byte[] hashedAddress, WriteBatch batch) {
    try (KeyValueIterator slots =
        store.iterate(LedgerNamespaces.FLAT_STORAGE, KeyRange.prefix(hashedAddress))) {
      while (slots.hasNext()) {
        KeyValue slot = slots.next();
        batch.delete(LedgerNamespaces.FLAT_STORAGE, slot.key());
      }
    }
  }

  /**
   * Deletes trie nodes that no retained state reaches any more (STATE-10, STATE-11). Call it on the
   * committing thread after a block's batch is written, never while a commit's batch is pending.
   * Does nothing for an archive.
   */
  public PruneResult prune() {
    return pruner.prune();
  }

  /**
   * As {@link #prune}, but only once {@code blocksPerRun} or more blocks' states have fallen out of
   * the retention since the last run: what a node calls after each commit (STATE-11).
   */
  public PruneResult pruneIfDue(long blocksPerRun) {
    if (blocksPerRun < 1) {
      throw new IllegalArgumentException("prune: blocksPerRun must be at least 1, got " + blocksPerRun);
    }
    return pruner.pruneIfDue(blocksPerRun);
  }

  NodeStore readOnlyNodes() {
    return readOnlyNodes;
  }

  /** The secure-trie key of an address or slot: the suite's trie hash of it. */
  byte[] hashKey(byte[] key) {
    return hashFunction.hash(key);
  }

  StoredAccount stored(StateAccount account) {
    return new StoredAccount(account.nonce(), account.balance(), account.codeHash(),
        !account.storageRoot().equals(emptyRoot));
  }

  /** Code by its Keccak-256 hash; code of a committed account is always stored with it. */
  byte[] code(Hash codeHash) {
    if (codeHash.equals(JournaledWorldState.EMPTY_CODE_HASH)) {
      return new byte[0];
    }
    return store.get(LedgerNamespaces.CODE, codeHash.toArray())
        .orElseThrow(() -> new StorageException("code " + codeHash + " is missing from namespace "
            + LedgerNamespaces.CODE));
  }

  /** The state head recorded in {@code view}: the block number and root of the flat view. */
  public static Optional<StateHead> readHead(ReadView view) {
    return view.get(LedgerNamespaces.META, HEAD_KEY).map(StateDatabase::decodeHead);
  }

  /** The META key of the state head, for tools that name where a problem is. */
  public static byte[] headKey() {
    return HEAD_KEY.clone();
  }

  /**
   * Records {@code head} as the state head in {@code batch}, for a state installed whole rather
   * than committed block by block: a node started from a snapshot (SNAPSHOT-9).
   */
  public static void putHead(WriteBatch batch, StateHead head) {
    batch.put(LedgerNamespaces.META, HEAD_KEY, encodeHead(head));
  }

  private static byte[] encodeHead(StateHead head) {
    return ByteBuffer.allocate(HEAD_BYTES).putLong(head.blockNumber()).put(head.root().toArray()).array();
  }

  private static StateHead decodeHead(byte[] encoded) {
    if (encoded.length != HEAD_BYTES) {
      throw new DecodingException("meta.state_head", "expected " + HEAD_BYTES + " bytes, got " + encoded.length);
    }
    ByteBuffer buffer = ByteBuffer.wrap(encoded);
    long blockNumber = buffer.getLong();
    byte[] root = new byte[Hash.LENGTH];
    buffer.get(root);
    return new StateHead(blockNumber, Hash.wrap(root));
  }
}

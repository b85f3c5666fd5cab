package org.xinlian.ledger.verify;

import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.xinlian.common.DecodingException;
import org.xinlian.common.Hash;
import org.xinlian.ledger.LedgerNamespaces;
import org.xinlian.ledger.state.FlatStateKeys;
import org.xinlian.ledger.state.KeyValueNodeStore;
import org.xinlian.ledger.state.StateAccount;
import org.xinlian.storage.KeyRange;
import org.xinlian.storage.KeyValue;
import org.xinlian.storage.KeyValueIterator;
import org.xinlian.storage.Namespace;
import org.xinlian.storage.ReadView;
import org.xinlian.trie.MerklePatriciaTrie;
import org.xinlian.trie.MissingNodeException;
import org.xinlian.trie.TrieHashFunction;

/**
 * Checks that the flat head view equals the head tries' leaves (STATE-5, LEDGER-7): execution
 * reads the flat view, so a damaged flat entry would make this node compute different blocks
 * while every trie node still hashes right. Flat keys are the tries' own keys, so both sides come
 * in the same order and one merge pass over each namespace finds every missing, extra or
 * different entry without holding the state in memory.
 */
final class FlatViewCheck {
  private final ReadView view;
  private final TrieHashFunction hashFunction;
  private final Hash emptyRoot;
  private final long headNumber;
  private final Findings findings;
  private long entriesChecked;

  FlatViewCheck(ReadView view, TrieHashFunction hashFunction, long headNumber, Findings findings) {
    this.view = view;
    this.hashFunction = hashFunction;
    this.emptyRoot = MerklePatriciaTrie.emptyRoot(hashFunction);
    this.headNumber = headNumber;
    this.findings = findings;
  }

  long entriesChecked() {
    return entriesChecked;
  }

  /**
   * Compares both flat namespaces with the tries of {@code stateRoot}. Stops quietly when a trie
   * node is missing or corrupt: the state walk reports those with their location already.
   */
  void check(Hash stateRoot) {
    KeyValueNodeStore nodes = new KeyValueNodeStore(view, null);
    try {
      MerklePatriciaTrie accounts = MerklePatriciaTrie.load(stateRoot, nodes, hashFunction);
      try (KeyValueIterator flat = view.iterate(LedgerNamespaces.FLAT_ACCOUNTS, KeyRange.ALL)) {
        merge(LedgerNamespaces.FLAT_ACCOUNTS, new Leaves(accounts, null), flat);
      }
      try (KeyValueIterator flat = view.iterate(LedgerNamespaces.FLAT_STORAGE, KeyRange.ALL)) {
        merge(LedgerNamespaces.FLAT_STORAGE, new StorageLeaves(accounts, nodes), flat);
      }
    } catch (MissingNodeException | DecodingException e) {
      // Reported by the state walk, node by node.
    }
  }

  private void merge(Namespace namespace, Iterator<KeyValue> expected, KeyValueIterator actual) {
    KeyValue want = next(expected);
    KeyValue have = next(actual);
    while (want != null || have != null) {
      int order = want == null ? 1 : have == null ? -1 : Arrays.compareUnsigned(want.key(), have.key());
      if (order == 0) {
        if (!Arrays.equals(want.value(), have.value())) {
          findings.add(headNumber, namespace, have.key(), "flat value differs from the head trie's leaf");
        }
        entriesChecked++;
        want = next(expected);
        have = next(actual);
      } else if (order < 0) {
        findings.add(headNumber, namespace, want.key(), "head trie leaf missing from the flat view");
        want = next(expected);
      } else {
        findings.add(headNumber, namespace, have.key(), "flat entry not in the head state trie");
        have = next(actual);
      }
    }
  }

  private static KeyValue next(Iterator<KeyValue> iterator) {
    return iterator.hasNext() ? iterator.next() : null;
  }

  /** The leaves of a trie in key order, each key prefixed with {@code prefix} when given. */
  private static final class Leaves implements Iterator<KeyValue> {
    private final MerklePatriciaTrie trie;
    private final byte[] prefix;
    private Optional<byte[]> key;

    Leaves(MerklePatriciaTrie trie, byte[] prefix) {
      this.trie = trie;
      this.prefix = prefix;
      this.key = trie.firstKey();
    }

    @Override
    public boolean hasNext() {
      return key.isPresent();
    }

    @Override
    public KeyValue next() {
      byte[] current = key.orElseThrow(NoSuchElementException::new);
      byte[] value = trie.get(current).orElseThrow();
      key = trie.nextKey(current);
      byte[] flatKey = prefix == null ? current : FlatStateKeys.storageKey(prefix, current);
      return new KeyValue(flatKey, value);
    }
  }

  /** Every storage slot of every account, in flat-storage key order. */
  private final class StorageLeaves implements Iterator<KeyValue> {
    private final Leaves accounts;
    private final KeyValueNodeStore nodes;
    private Leaves slots;

    StorageLeaves(MerklePatriciaTrie accountTrie, KeyValueNodeStore nodes) {
      this.accounts = new Leaves(accountTrie, null);
      this.nodes = nodes;
    }

    @Override
    public boolean hasNext() {
      while ((slots == null || !slots.hasNext()) && accounts.hasNext()) {
        KeyValue account = accounts.next();
        Hash storageRoot = StateAccount.decode(account.value(), "account").storageRoot();
        slots = storageRoot.equals(emptyRoot) ? null : new Leaves(
            MerklePatriciaTrie.load(storageRoot, nodes, hashFunction), account.key());
      }
      return slots != null && slots.hasNext();
    }

    @Override
    public KeyValue next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return slots.next();
    }
  }
}

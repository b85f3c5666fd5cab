package org.xinlian.ledger.state;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import org.xinlian.common.Hash;
import org.xinlian.ledger.LedgerNamespaces;
import org.xinlian.storage.KeyRange;
import org.xinlian.storage.KeyValueIterator;
import org.xinlian.storage.ReadView;
import org.xinlian.trie.MissingNodeException;
import org.xinlian.trie.TrieHashFunction;
import org.xinlian.trie.TrieNodes;

/** Test helper: loads every node of a state (account trie and all storage tries), checking hashes. */
final class StateWalk {
  private StateWalk() {}

  /** The hashes of every node the state at {@code root} reaches; throws if one is missing. */
  static Set<Hash> nodes(ReadView store, Hash root, TrieHashFunction hash, Hash emptyRoot) {
    Set<Hash> seen = new HashSet<>();
    Deque<Hash> accounts = new ArrayDeque<>();
    Deque<Hash> storage = new ArrayDeque<>();
    if (!root.equals(emptyRoot)) {
      accounts.push(root);
    }
    while (!accounts.isEmpty() || !storage.isEmpty()) {
      boolean account = !accounts.isEmpty();
      Hash node = account ? accounts.pop() : storage.pop();
      seen.add(node);
      byte[] encoded = store.get(LedgerNamespaces.TRIE_NODES, node.toArray())
          .orElseThrow(() -> new MissingNodeException(node));
      if (!Arrays.equals(hash.hash(encoded), node.toArray())) {
        throw new AssertionError("node stored under " + node + " has another hash");
      }
      TrieNodes.NodeContent content = TrieNodes.content(encoded, "node");
      content.children().forEach(child -> (account ? accounts : storage).push(child));
      if (account) {
        for (byte[] value : content.values()) {
          Hash storageRoot = StateAccount.decode(value, "account").storageRoot();
          if (!storageRoot.equals(emptyRoot)) {
            storage.push(storageRoot);
          }
        }
      }
    }
    return seen;
  }

  /** Every key of the trie-node namespace. */
  static Set<Hash> storedNodes(ReadView store) {
    Set<Hash> stored = new HashSet<>();
    try (KeyValueIterator iterator = store.iterate(LedgerNamespaces.TRIE_NODES, KeyRange.ALL)) {
      iterator.forEachRemaining(entry -> stored.add(Hash.wrap(entry.key())));
    }
    return stored;
  }
}

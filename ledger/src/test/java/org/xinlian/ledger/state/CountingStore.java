package org.xinlian.ledger.state;

import java.util.Optional;
import java.util.Set;
import org.xinlian.ledger.LedgerNamespaces;
import org.xinlian.storage.KeyRange;
import org.xinlian.storage.KeyValueIterator;
import org.xinlian.storage.KeyValueStore;
import org.xinlian.storage.Namespace;
import org.xinlian.storage.StorageException;
import org.xinlian.storage.StoreSnapshot;
import org.xinlian.storage.WriteBatch;

/** Test helper: a store that counts trie-node reads and can fail a chosen write, like a kill. */
final class CountingStore implements KeyValueStore {
  private final KeyValueStore delegate;
  int trieNodeReads;
  int writes;
  /** The write (counted from 1) that fails without being applied; 0 for none. */
  int failingWrite;

  CountingStore(KeyValueStore delegate) {
    this.delegate = delegate;
  }

  @Override
  public Optional<byte[]> get(Namespace namespace, byte[] key) {
    if (namespace.equals(LedgerNamespaces.TRIE_NODES)) {
      trieNodeReads++;
    }
    return delegate.get(namespace, key);
  }

  @Override
  public KeyValueIterator iterate(Namespace namespace, KeyRange range) {
    return delegate.iterate(namespace, range);
  }

  @Override
  public Set<Namespace> namespaces() {
    return delegate.namespaces();
  }

  @Override
  public WriteBatch newBatch() {
    return delegate.newBatch();
  }

  @Override
  public void write(WriteBatch batch) {
    writes++;
    if (writes == failingWrite) {
      throw new StorageException("simulated kill before write " + writes);
    }
    delegate.write(batch);
  }

  @Override
  public StoreSnapshot snapshot() {
    return delegate.snapshot();
  }

  @Override
  public void close() {
    delegate.close();
  }
}

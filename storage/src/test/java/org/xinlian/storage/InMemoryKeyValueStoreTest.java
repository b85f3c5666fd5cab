package org.xinlian.storage;

import java.util.Set;

/** The contract of docs/spec/storage.md on the in-memory store. */
class InMemoryKeyValueStoreTest extends KeyValueStoreContract {
  @Override
  protected KeyValueStore open(Set<Namespace> namespaces) {
    return KeyValueStores.inMemory(namespaces);
  }
}

package org.xinlian.storage.memory;

import java.util.Set;
import org.xinlian.storage.KeyValueStore;
import org.xinlian.storage.Namespace;

/** Entry point to the in-memory implementation, which stays package-private. */
public final class InMemoryStores {
  private InMemoryStores() {}

  public static KeyValueStore create(Set<Namespace> namespaces) {
    return new InMemoryKeyValueStore(namespaces);
  }
}

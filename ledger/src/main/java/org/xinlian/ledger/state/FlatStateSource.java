package org.xinlian.ledger.state;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.xinlian.common.Address;
import org.xinlian.common.DecodingException;
import org.xinlian.common.Hash;
import org.xinlian.evm.state.StoredAccount;
import org.xinlian.evm.word.UInt256;
import org.xinlian.ledger.LedgerNamespaces;
import org.xinlian.storage.KeyRange;
import org.xinlian.storage.KeyValue;
import org.xinlian.storage.KeyValueIterator;
import org.xinlian.storage.ReadView;

/**
 * The head state read from the flat view: one key-value read per account or slot instead of a
 * trie walk (STATE-5). It is valid until the next commit is written; commits check that they
 * start from the head this view was opened at.
 */
final class FlatStateSource implements StateSource {
  private final StateDatabase database;
  private final ReadView reads;
  private final Hash root;

  FlatStateSource(StateDatabase database, ReadView reads, Hash root) {
    this.database = database;
    this.reads = reads;
    this.root = root;
  }

  @Override
  public Hash root() {
    return root;
  }

  @Override
  public StateDatabase database() {
    return database;
  }

  @Override
  public Optional<StoredAccount> account(Address address) {
    return reads.get(LedgerNamespaces.FLAT_ACCOUNTS, database.hashKey(address.toArray()))
        .map(encoded -> database.stored(StateAccount.decode(encoded, "flat account " + address)));
  }

  @Override
  public byte[] code(Hash codeHash) {
    return database.code(codeHash);
  }

  @Override
  public UInt256 storage(Address address, UInt256 key) {
    byte[] flatKey = FlatStateKeys.storageKey(
        database.hashKey(address.toArray()), database.hashKey(key.toBytes()));
    return reads.get(LedgerNamespaces.FLAT_STORAGE, flatKey)
        .map(value -> StateAccount.decodeStorageValue(value, "flat_storage " + address + " " + key))
        .orElse(UInt256.ZERO);
  }

  @Override
  public boolean hasStorageBesides(Address address, Set<UInt256> excludedKeys) {
    Set<Hash> excluded = new HashSet<>();
    for (UInt256 key : excludedKeys) {
      excluded.add(Hash.wrap(database.hashKey(key.toBytes())));
    }
    byte[] prefix = database.hashKey(address.toArray());
    try (KeyValueIterator slots =
        reads.iterate(LedgerNamespaces.FLAT_STORAGE, KeyRange.prefix(prefix))) {
      while (slots.hasNext()) {
        KeyValue slot = slots.next();
        if (slot.key().length != FlatStateKeys.STORAGE_KEY_BYTES) {
          throw new DecodingException("flat_storage " + address,
              "a key is the hashed address and the hashed slot, " + FlatStateKeys.STORAGE_KEY_BYTES + " bytes");
        }
        Hash hashedSlot = Hash.wrap(Arrays.copyOfRange(slot.key(), Hash.LENGTH, FlatStateKeys.STORAGE_KEY_BYTES));
        if (!excluded.contains(hashedSlot)) {
          return true;
        }
      }
    }
    return false;
  }
}

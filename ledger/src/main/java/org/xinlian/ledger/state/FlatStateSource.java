package org.xinlian.ledger.state;

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
    return reads.get(LedgerNamespaces.FLAT_ACCOUNTS, address.toArray())
        .map(encoded -> database.stored(StateAccount.decode(encoded, "flat account " + address)));
  }

  @Override
  public byte[] code(Hash codeHash) {
    return database.code(codeHash);
  }

  @Override
  public UInt256 storage(Address address, UInt256 key) {
    return reads.get(LedgerNamespaces.FLAT_STORAGE, flatStorageKey(address, key))
        .map(value -> flatValue(value, address, key))
        .orElse(UInt256.ZERO);
  }

  @Override
  public boolean hasStorageBesides(Address address, Set<UInt256> excludedKeys) {
    try (KeyValueIterator slots =
        reads.iterate(LedgerNamespaces.FLAT_STORAGE, KeyRange.prefix(address.toArray()))) {
      while (slots.hasNext()) {
        KeyValue slot = slots.next();
        if (slot.key().length != Address.LENGTH + UInt256.BYTES) {
          throw new DecodingException("flat_storage " + address, "a key is an address and a 32-byte slot");
        }
        UInt256 key = UInt256.fromBytes(slot.key(), Address.LENGTH, UInt256.BYTES);
        if (!excludedKeys.contains(key)) {
          return true;
        }
      }
    }
    return false;
  }

  /** {@code address ‖ slot}: all slots of one account are adjacent, so it can be iterated alone. */
  static byte[] flatStorageKey(Address address, UInt256 key) {
    byte[] flatKey = new byte[Address.LENGTH + UInt256.BYTES];
    System.arraycopy(address.toArray(), 0, flatKey, 0, Address.LENGTH);
    key.toBytes(flatKey, Address.LENGTH);
    return flatKey;
  }

  private static UInt256 flatValue(byte[] value, Address address, UInt256 key) {
    if (value.length == 0 || value.length > UInt256.BYTES || value[0] == 0) {
      throw new DecodingException(
          "flat_storage " + address + " " + key, "a stored value is 1 to 32 bytes without leading zeros");
    }
    return UInt256.fromBytes(value);
  }
}

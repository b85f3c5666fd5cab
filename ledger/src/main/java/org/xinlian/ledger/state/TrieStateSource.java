package org.xinlian.ledger.state;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.xinlian.common.Address;
import org.xinlian.common.Hash;
import org.xinlian.evm.state.StoredAccount;
import org.xinlian.evm.word.UInt256;
import org.xinlian.trie.MerklePatriciaTrie;

/**
 * A state read through its tries from the node store: any retained root, not only the head. Reads
 * cost a trie walk each, and the account and storage tries are opened lazily, so an account with
 * more storage than memory is never loaded as a whole (STATE-4).
 */
final class TrieStateSource implements StateSource {
  private final StateDatabase database;
  private final Hash root;
  private final MerklePatriciaTrie accounts;
  private final Map<Address, Optional<StateAccount>> accountCache = new HashMap<>();
  private final Map<Address, MerklePatriciaTrie> storageTries = new HashMap<>();

  TrieStateSource(StateDatabase database, Hash root) {
    this.database = database;
    this.root = root;
    this.accounts = MerklePatriciaTrie.load(root, database.readOnlyNodes(), database.hashFunction());
  }

  @Override
  public Hash root() {
    return root;
  }

  @Override
  public StateDatabase database() {
    return database;
  }

  Optional<StateAccount> stateAccount(Address address) {
    return accountCache.computeIfAbsent(
        address,
        a -> accounts.get(database.hashKey(a.toArray()))
            .map(encoded -> StateAccount.decode(encoded, "account " + a)));
  }

  @Override
  public Optional<StoredAccount> account(Address address) {
    return stateAccount(address).map(database::stored);
  }

  @Override
  public byte[] code(Hash codeHash) {
    return database.code(codeHash);
  }

  @Override
  public UInt256 storage(Address address, UInt256 key) {
    MerklePatriciaTrie storage = storageTrie(address);
    if (storage == null) {
      return UInt256.ZERO;
    }
    return storage.get(database.hashKey(key.toBytes()))
        .map(encoded -> StateAccount.decodeStorageValue(encoded, "storage " + address + " " + key))
        .orElse(UInt256.ZERO);
  }

  @Override
  public boolean hasStorageBesides(Address address, Set<UInt256> excludedKeys) {
    MerklePatriciaTrie storage = storageTrie(address);
    if (storage == null) {
      return false;
    }
    Set<Hash> excluded = new HashSet<>();
    for (UInt256 key : excludedKeys) {
      excluded.add(Hash.wrap(database.hashKey(key.toBytes())));
    }
    Optional<byte[]> key = storage.firstKey();
    while (key.isPresent()) {
      if (!excluded.contains(Hash.wrap(key.get()))) {
        return true;
      }
      key = storage.nextKey(key.get());
    }
    return false;
  }

  private MerklePatriciaTrie storageTrie(Address address) {
    Optional<StateAccount> account = stateAccount(address);
    if (account.isEmpty() || account.get().storageRoot().equals(database.emptyRoot())) {
      return null;
    }
    return storageTries.computeIfAbsent(
        address,
        a -> MerklePatriciaTrie.load(
            account.get().storageRoot(), database.readOnlyNodes(), database.hashFunction()));
  }
}

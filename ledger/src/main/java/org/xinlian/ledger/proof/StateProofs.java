package org.xinlian.ledger.proof;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.xinlian.common.Address;
import org.xinlian.common.Hash;
import org.xinlian.evm.word.UInt256;
import org.xinlian.ledger.state.StateAccount;
import org.xinlian.ledger.state.StateDatabase;
import org.xinlian.trie.SecureTrie;

/** Builds {@code eth_getProof} answers from a retained state root (STATE-13). */
public final class StateProofs {
  /** Slots one request may ask for; a bound on the work a single RPC call can cause. */
  public static final int STORAGE_KEYS_MAX = 1024;

  private StateProofs() {}

  /**
   * The proof of {@code address} and of each of {@code keys} in the state {@code root}; proves
   * absence as well as presence (an absent account or slot gets an exclusion proof).
   *
   * @throws org.xinlian.trie.MissingNodeException if the root is not (or no longer) stored
   */
  public static AccountProof prove(StateDatabase state, Hash root, Address address, List<UInt256> keys) {
    if (keys.size() > STORAGE_KEYS_MAX) {
      throw new IllegalArgumentException(
          "proof: " + keys.size() + " storage keys exceed " + STORAGE_KEYS_MAX);
    }
    SecureTrie accounts = state.accountTrie(root);
    List<byte[]> accountProof = accounts.proof(address.toArray());
    Optional<StateAccount> account = accounts.get(address.toArray())
        .map(encoded -> StateAccount.decode(encoded, "account " + address));
    List<StorageProof> storageProofs = new ArrayList<>(keys.size());
    if (account.isEmpty()) {
      for (UInt256 key : keys) {
        storageProofs.add(new StorageProof(key, UInt256.ZERO, List.of()));
      }
      return new AccountProof(address, accountProof, UInt256.ZERO, Hash.ZERO, 0, Hash.ZERO, storageProofs);
    }
    SecureTrie storage = state.storageTrie(account.get().storageRoot());
    for (UInt256 key : keys) {
      UInt256 value = storage.get(key.toBytes())
          .map(encoded -> StateAccount.decodeStorageValue(encoded, "storage " + address + " " + key))
          .orElse(UInt256.ZERO);
      storageProofs.add(new StorageProof(key, value, storage.proof(key.toBytes())));
    }
    StateAccount found = account.get();
    return new AccountProof(address, accountProof, found.balance(), found.codeHash(), found.nonce(),
        found.storageRoot(), storageProofs);
  }
}

package org.xinlian.evm.state;

import java.util.Optional;
import java.util.Set;
import org.xinlian.common.Address;
import org.xinlian.common.Hash;
import org.xinlian.evm.word.UInt256;

/**
 * The committed state a {@link JournaledWorldState} starts from: a persistent state at some root,
 * or nothing. It is read-only and must not change while a world state reads it, so the overlay may
 * cache what it reads; all writing, journaling and reverting happens in the overlay, which is how
 * the in-memory and the persistent world state share one implementation of the EVM's rules.
 */
public interface AccountSource {
  /** A source with no accounts: the overlay then holds the whole state. */
  AccountSource EMPTY = new AccountSource() {
    @Override
    public Optional<StoredAccount> account(Address address) {
      return Optional.empty();
    }

    @Override
    public byte[] code(Hash codeHash) {
      return new byte[0];
    }

    @Override
    public UInt256 storage(Address address, UInt256 key) {
      return UInt256.ZERO;
    }

    @Override
    public boolean hasStorageBesides(Address address, Set<UInt256> excludedKeys) {
      return false;
    }
  };

  /** The account at {@code address}, or empty when there is none. */
  Optional<StoredAccount> account(Address address);

  /** The code whose Keccak-256 hash is {@code codeHash} (empty code for the empty-code hash). */
  byte[] code(Hash codeHash);

  /** The value of one storage slot, zero when unset or when the account does not exist. */
  UInt256 storage(Address address, UInt256 key);

  /**
   * Whether the account's storage has a non-zero slot whose key is not in {@code excludedKeys}:
   * lets the overlay answer {@link WorldState#hasStorage} after zeroing some slots without
   * reading the whole storage (it visits at most {@code excludedKeys.size() + 1} slots).
   */
  boolean hasStorageBesides(Address address, Set<UInt256> excludedKeys);
}

package org.xinlian.types.transaction;

import java.util.List;
import java.util.Objects;
import org.xinlian.common.Address;
import org.xinlian.common.Hash;

/**
 * One EIP-2930 access list entry: an account and the storage slots the transaction declares it
 * will touch, which it pays for up front (2400 and 1900 gas) in exchange for warm access.
 */
public record AccessListEntry(Address address, List<Hash> storageKeys) {
  public AccessListEntry {
    Objects.requireNonNull(address, "accessList.address");
    storageKeys = List.copyOf(storageKeys);
  }
}

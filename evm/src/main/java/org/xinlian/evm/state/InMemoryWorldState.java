package org.xinlian.evm.state;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.xinlian.common.Address;
import org.xinlian.evm.word.UInt256;

/**
 * A {@link WorldState} held entirely in memory, for tests, tools and the state-test runner: a
 * {@link JournaledWorldState} over an empty source, so the overlay holds the whole state and can
 * list it.
 */
public final class InMemoryWorldState extends JournaledWorldState {
  public InMemoryWorldState() {
    super(AccountSource.EMPTY);
  }

  /** Every account's address, sorted, for state dumps and post-state checks. */
  public List<Address> addresses() {
    return new ArrayList<>(overlayAddresses());
  }

  /** The account's non-zero storage, sorted by key, for post-state checks. */
  public Map<UInt256, UInt256> storageOf(Address address) {
    Account account = account(address);
    if (account == null) {
      return Map.of();
    }
    Map<UInt256, UInt256> sorted = new TreeMap<>();
    account.storage.forEach((key, value) -> {
      if (!value.isZero()) {
        sorted.put(key, value);
      }
    });
    return Collections.unmodifiableMap(sorted);
  }
}

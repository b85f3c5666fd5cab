package org.xinlian.ledger.state;

import org.xinlian.common.Hash;

/**
 * Keys of the flat view of the head state (STATE-5). The flat view uses the secure tries' own keys:
 * {@code hash(address)} for accounts and {@code hash(address) ‖ hash(slot)} for slots, holding
 * exactly the tries' leaf values. So it is the head tries' leaves in trie order, one account's slots
 * are adjacent, and a node installed from a snapshot, which knows only hashed keys, can build it.
 */
public final class FlatStateKeys {
  /** Length of a flat-storage key: the hashed address, then the hashed slot. */
  public static final int STORAGE_KEY_BYTES = 2 * Hash.LENGTH;

  private FlatStateKeys() {}

  /** {@code hashedAddress ‖ hashedSlot}, both produced by the chain's trie hash. */
  public static byte[] storageKey(byte[] hashedAddress, byte[] hashedSlot) {
    byte[] key = new byte[STORAGE_KEY_BYTES];
    System.arraycopy(hashedAddress, 0, key, 0, Hash.LENGTH);
    System.arraycopy(hashedSlot, 0, key, Hash.LENGTH, Hash.LENGTH);
    return key;
  }
}

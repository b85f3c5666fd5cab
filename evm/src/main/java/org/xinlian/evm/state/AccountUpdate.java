package org.xinlian.evm.state;

import java.util.Map;
import java.util.Optional;
import org.xinlian.common.Address;
import org.xinlian.common.Hash;
import org.xinlian.evm.word.UInt256;

/**
 * What a block did to one account, relative to the {@link AccountSource} it started from: the
 * input of a persistent commit. Either the account is gone ({@code deleted}), or it holds the
 * given fields, and its storage is the source's storage (or nothing, if {@code storageCleared})
 * overwritten by {@code storage}, where a zero value removes the slot.
 *
 * @param address the account
 * @param deleted true when the account does not exist after the block
 * @param nonce the nonce after the block (0 when deleted)
 * @param balance the balance after the block
 * @param codeHash Keccak-256 of the code after the block
 * @param newCode the code, present only when it was set in this block and must be stored
 * @param storageCleared true when the source's storage no longer applies (account re-created)
 * @param storage slots written in this block; zero means the slot is removed
 */
public record AccountUpdate(
    Address address,
    boolean deleted,
    long nonce,
    UInt256 balance,
    Hash codeHash,
    Optional<byte[]> newCode,
    boolean storageCleared,
    Map<UInt256, UInt256> storage) {
  public AccountUpdate {
    storage = Map.copyOf(storage);
  }
}

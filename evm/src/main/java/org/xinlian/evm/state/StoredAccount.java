package org.xinlian.evm.state;

import org.xinlian.common.Hash;
import org.xinlian.evm.word.UInt256;

/**
 * An account as an {@link AccountSource} holds it, before this block's changes. The storage root
 * stays with the source: the EVM only needs to know whether there is any storage at all.
 *
 * @param nonce the account's nonce
 * @param balance its balance in wei
 * @param codeHash Keccak-256 of its code
 * @param hasStorage whether its storage holds any non-zero slot
 */
public record StoredAccount(long nonce, UInt256 balance, Hash codeHash, boolean hasStorage) {
  public StoredAccount {
    if (balance == null || codeHash == null) {
      throw new IllegalArgumentException("stored account: balance and code hash are required");
    }
  }
}

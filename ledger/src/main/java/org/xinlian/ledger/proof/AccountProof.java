package org.xinlian.ledger.proof;

import java.util.List;
import org.xinlian.common.Address;
import org.xinlian.common.Hash;
import org.xinlian.evm.word.UInt256;

/**
 * An {@code eth_getProof} answer: an account's fields and the account-trie nodes on the path of
 * {@code hash(address)}, with proofs of the requested storage slots. For an absent account the
 * fields are zero, as geth returns them (code hash and storage hash all zeros).
 *
 * @param address the account
 * @param accountProof RLP encodings of the account-trie nodes, root first
 * @param balance balance in wei
 * @param codeHash Keccak-256 of the code
 * @param nonce the nonce (unsigned 64-bit)
 * @param storageHash root of the account's storage trie
 * @param storageProof one entry per requested slot
 */
public record AccountProof(
    Address address,
    List<byte[]> accountProof,
    UInt256 balance,
    Hash codeHash,
    long nonce,
    Hash storageHash,
    List<StorageProof> storageProof) {
  public AccountProof {
    if (address == null || accountProof == null || balance == null || codeHash == null
        || storageHash == null || storageProof == null) {
      throw new IllegalArgumentException("account proof: every field is required");
    }
    accountProof = List.copyOf(accountProof);
    storageProof = List.copyOf(storageProof);
  }
}

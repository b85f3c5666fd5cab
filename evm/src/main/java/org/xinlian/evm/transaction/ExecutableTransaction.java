package org.xinlian.evm.transaction;

import java.util.List;
import java.util.Optional;
import org.xinlian.common.Address;
import org.xinlian.evm.word.UInt256;

/**
 * A signed transaction reduced to what execution needs, whatever its envelope (legacy, EIP-2930,
 * EIP-1559, EIP-4844): the sender is already recovered. Legacy and EIP-2930 transactions carry
 * their gas price as both fee caps.
 *
 * @param type the EIP-2718 type: 0 legacy, 1 EIP-2930, 2 EIP-1559, 3 EIP-4844 blob
 * @param to the callee, or empty for a contract creation
 * @param maxFeePerBlobGas zero unless the transaction carries blobs
 */
public record ExecutableTransaction(
    int type,
    Address sender,
    Optional<Address> to,
    long nonce,
    long gasLimit,
    UInt256 value,
    byte[] data,
    UInt256 maxFeePerGas,
    UInt256 maxPriorityFeePerGas,
    List<AccessListEntry> accessList,
    List<UInt256> blobVersionedHashes,
    UInt256 maxFeePerBlobGas) {

  /** One EIP-2930 access list entry: an address and storage keys to pre-warm. */
  public record AccessListEntry(Address address, List<UInt256> storageKeys) {
    public AccessListEntry {
      storageKeys = List.copyOf(storageKeys);
    }
  }

  public static final int BLOB_TYPE = 3;

  public ExecutableTransaction {
    data = data.clone();
    accessList = List.copyOf(accessList);
    blobVersionedHashes = List.copyOf(blobVersionedHashes);
  }

  @Override
  public byte[] data() {
    return data.clone();
  }
}

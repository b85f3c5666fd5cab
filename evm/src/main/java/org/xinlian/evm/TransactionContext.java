package org.xinlian.evm;

import java.util.List;
import org.xinlian.common.Address;
import org.xinlian.evm.word.UInt256;

/** What ORIGIN, GASPRICE and BLOBHASH read: fixed for the whole transaction. */
public record TransactionContext(Address origin, UInt256 gasPrice, List<UInt256> blobHashes) {
  public TransactionContext {
    blobHashes = List.copyOf(blobHashes);
  }
}

package org.xinlian.sdk;

import java.math.BigInteger;

/**
 * What a transaction offers to pay per gas: a legacy gas price, or EIP-1559 caps. Left out of a
 * {@link TransactionRequest}, the {@link Signer} asks the node.
 */
public sealed interface Fees {
  /** A legacy (type 0, EIP-155) price: the whole price is paid per gas. */
  record Legacy(BigInteger gasPrice) implements Fees {
    public Legacy {
      if (gasPrice.signum() < 0) {
        throw new IllegalArgumentException("gasPrice: negative");
      }
    }
  }

  /** EIP-1559 (type 2) caps: the base fee is burned, the tip goes to the proposer. */
  record Dynamic(BigInteger maxFeePerGas, BigInteger maxPriorityFeePerGas) implements Fees {
    public Dynamic {
      if (maxFeePerGas.signum() < 0 || maxPriorityFeePerGas.signum() < 0) {
        throw new IllegalArgumentException("fees: negative");
      }
      if (maxPriorityFeePerGas.compareTo(maxFeePerGas) > 0) {
        throw new IllegalArgumentException("maxPriorityFeePerGas: above maxFeePerGas");
      }
    }
  }
}

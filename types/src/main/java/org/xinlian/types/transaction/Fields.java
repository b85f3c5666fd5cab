package org.xinlian.types.transaction;

import java.math.BigInteger;
import java.util.Optional;
import org.xinlian.common.Address;

/** Field checks shared by the transaction records; violations are programming errors. */
final class Fields {
  static final BigInteger UINT256_LIMIT = BigInteger.ONE.shiftLeft(256);

  private Fields() {}

  static BigInteger uint256(String field, BigInteger value) {
    if (value == null || value.signum() < 0 || value.compareTo(UINT256_LIMIT) >= 0) {
      throw new IllegalArgumentException(field + ": must be in [0, 2^256), got " + value);
    }
    return value;
  }

  static long chainId(String field, long chainId) {
    if (chainId < 0 || chainId > UnsignedTransaction.CHAIN_ID_MAX) {
      throw new IllegalArgumentException(
          field + ": must be in [0, " + UnsignedTransaction.CHAIN_ID_MAX + "], got " + chainId);
    }
    return chainId;
  }

  static Optional<Address> to(Optional<Address> to) {
    if (to == null) {
      throw new IllegalArgumentException("transaction.to: use Optional.empty() for creation");
    }
    return to;
  }

  static byte[] data(byte[] data) {
    if (data == null) {
      throw new IllegalArgumentException("transaction.data: missing (use an empty array)");
    }
    return data.clone();
  }
}

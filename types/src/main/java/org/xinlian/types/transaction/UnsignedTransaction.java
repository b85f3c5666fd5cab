package org.xinlian.types.transaction;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.xinlian.common.Address;
import org.xinlian.common.Hex;
import org.xinlian.crypto.Signature;

/**
 * The fields a transaction's signature covers, one record per envelope type, with Ethereum's
 * field order and widths: nonce and gas limit are unsigned 64-bit values held in a {@code long}
 * (read them with {@link Long#compareUnsigned}), fees and value are below {@code 2^256}. Records
 * are built by the decoder or by callers preparing a transaction to sign.
 */
public sealed interface UnsignedTransaction {
  /**
   * Largest chain id accepted: small enough that a legacy {@code v = 2 * chainId + 36} fits in a
   * signed long. Every chain in use has a far smaller id.
   */
  long CHAIN_ID_MAX = (Long.MAX_VALUE - 36) / 2;

  TransactionType type();

  long nonce();

  long gasLimit();

  Optional<Address> to();

  BigInteger value();

  /** A copy of the call data. */
  byte[] data();

  /** The number of call data bytes, without copying them. */
  int dataLength();

  List<AccessListEntry> accessList();

  BigInteger maxFeePerGas();

  BigInteger maxPriorityFeePerGas();

  /** The chain id the signature commits to; empty only for pre-EIP-155 legacy transactions. */
  OptionalLong signedChainId();

  /** This transaction carrying {@code signature}. */
  Transaction withSignature(Signature signature);

  /** A legacy transaction; {@code chainId} is empty for pre-EIP-155 ({@code v} = 27 or 28). */
  record Legacy(
      long nonce,
      BigInteger gasPrice,
      long gasLimit,
      Optional<Address> to,
      BigInteger value,
      byte[] data,
      OptionalLong chainId)
      implements UnsignedTransaction {
    public Legacy {
      Fields.uint256("transaction.gasPrice", gasPrice);
      Fields.to(to);
      Fields.uint256("transaction.value", value);
      data = Fields.data(data);
      Objects.requireNonNull(chainId, "transaction.chainId");
      chainId.ifPresent(id -> Fields.chainId("transaction.chainId", id));
    }

    @Override
    public TransactionType type() {
      return TransactionType.LEGACY;
    }

    @Override
    public byte[] data() {
      return data.clone();
    }

    @Override
    public int dataLength() {
      return data.length;
    }

    @Override
    public List<AccessListEntry> accessList() {
      return List.of();
    }

    @Override
    public BigInteger maxFeePerGas() {
      return gasPrice;
    }

    @Override
    public BigInteger maxPriorityFeePerGas() {
      return gasPrice;
    }

    @Override
    public OptionalLong signedChainId() {
      return chainId;
    }

    @Override
    public LegacyTransaction withSignature(Signature signature) {
      return new LegacyTransaction(this, signature);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Legacy o
          && nonce == o.nonce
          && gasPrice.equals(o.gasPrice)
          && gasLimit == o.gasLimit
          && to.equals(o.to)
          && value.equals(o.value)
          && Arrays.equals(data, o.data)
          && chainId.equals(o.chainId);
    }

    @Override
    public int hashCode() {
      return Objects.hash(nonce, gasPrice, gasLimit, to, value, Arrays.hashCode(data), chainId);
    }

    @Override
    public String toString() {
      return "Legacy[nonce=" + Long.toUnsignedString(nonce) + ", gasPrice=" + gasPrice
          + ", gasLimit=" + Long.toUnsignedString(gasLimit) + ", to=" + to + ", value=" + value
          + ", data=" + Hex.encode(data) + ", chainId=" + chainId + "]";
    }
  }

  /** An EIP-2930 (type 1) transaction with an access list. */
  record AccessList(
      long chainId,
      long nonce,
      BigInteger gasPrice,
      long gasLimit,
      Optional<Address> to,
      BigInteger value,
      byte[] data,
      List<AccessListEntry> accessList)
      implements UnsignedTransaction {
    public AccessList {
      Fields.chainId("transaction.chainId", chainId);
      Fields.uint256("transaction.gasPrice", gasPrice);
      Fields.to(to);
      Fields.uint256("transaction.value", value);
      data = Fields.data(data);
      accessList = List.copyOf(accessList);
    }

    @Override
    public TransactionType type() {
      return TransactionType.ACCESS_LIST;
    }

    @Override
    public byte[] data() {
      return data.clone();
    }

    @Override
    public int dataLength() {
      return data.length;
    }

    @Override
    public BigInteger maxFeePerGas() {
      return gasPrice;
    }

    @Override
    public BigInteger maxPriorityFeePerGas() {
      return gasPrice;
    }

    @Override
    public OptionalLong signedChainId() {
      return OptionalLong.of(chainId);
    }

    @Override
    public AccessListTransaction withSignature(Signature signature) {
      return new AccessListTransaction(this, signature);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof AccessList o
          && chainId == o.chainId
          && nonce == o.nonce
          && gasPrice.equals(o.gasPrice)
          && gasLimit == o.gasLimit
          && to.equals(o.to)
          && value.equals(o.value)
          && Arrays.equals(data, o.data)
          && accessList.equals(o.accessList);
    }

    @Override
    public int hashCode() {
      return Objects.hash(
          chainId, nonce, gasPrice, gasLimit, to, value, Arrays.hashCode(data), accessList);
    }

    @Override
    public String toString() {
      return "AccessList[chainId=" + chainId + ", nonce=" + Long.toUnsignedString(nonce)
          + ", gasPrice=" + gasPrice + ", gasLimit=" + Long.toUnsignedString(gasLimit) + ", to="
          + to + ", value=" + value + ", data=" + Hex.encode(data) + ", accessList=" + accessList
          + "]";
    }
  }

  /** An EIP-1559 (type 2) transaction with a fee cap and a priority fee cap. */
  record DynamicFee(
      long chainId,
      long nonce,
      BigInteger maxPriorityFeePerGas,
      BigInteger maxFeePerGas,
      long gasLimit,
      Optional<Address> to,
      BigInteger value,
      byte[] data,
      List<AccessListEntry> accessList)
      implements UnsignedTransaction {
    public DynamicFee {
      Fields.chainId("transaction.chainId", chainId);
      Fields.uint256("transaction.maxPriorityFeePerGas", maxPriorityFeePerGas);
      Fields.uint256("transaction.maxFeePerGas", maxFeePerGas);
      Fields.to(to);
      Fields.uint256("transaction.value", value);
      data = Fields.data(data);
      accessList = List.copyOf(accessList);
    }

    @Override
    public TransactionType type() {
      return TransactionType.DYNAMIC_FEE;
    }

    @Override
    public byte[] data() {
      return data.clone();
    }

    @Override
    public int dataLength() {
      return data.length;
    }

    @Override
    public OptionalLong signedChainId() {
      return OptionalLong.of(chainId);
    }

    @Override
    public DynamicFeeTransaction withSignature(Signature signature) {
      return new DynamicFeeTransaction(this, signature);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof DynamicFee o
          && chainId == o.chainId
          && nonce == o.nonce
          && maxPriorityFeePerGas.equals(o.maxPriorityFeePerGas)
          && maxFeePerGas.equals(o.maxFeePerGas)
          && gasLimit == o.gasLimit
          && to.equals(o.to)
          && value.equals(o.value)
          && Arrays.equals(data, o.data)
          && accessList.equals(o.accessList);
    }

    @Override
    public int hashCode() {
      return Objects.hash(chainId, nonce, maxPriorityFeePerGas, maxFeePerGas, gasLimit, to, value,
          Arrays.hashCode(data), accessList);
    }

    @Override
    public String toString() {
      return "DynamicFee[chainId=" + chainId + ", nonce=" + Long.toUnsignedString(nonce)
          + ", maxPriorityFeePerGas=" + maxPriorityFeePerGas + ", maxFeePerGas=" + maxFeePerGas
          + ", gasLimit=" + Long.toUnsignedString(gasLimit) + ", to=" + to + ", value=" + value
          + ", data=" + Hex.encode(data) + ", accessList=" + accessList + "]";
    }
  }
}

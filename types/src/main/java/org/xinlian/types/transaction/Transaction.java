package org.xinlian.types.transaction;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.xinlian.common.Address;
import org.xinlian.common.Hash;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.Signature;

/**
 * A signed transaction of one of Ethereum's envelope types: its {@link UnsignedTransaction}
 * fields and the signature over them. The same values serve standard and gm chains; only the
 * envelope bytes differ (docs/adr/0002), which {@link TransactionCodec} handles.
 *
 * <p>Hash and sender depend on the chain's suite, so they are asked for with the suite; code that
 * needs them repeatedly keeps a {@link VerifiedTransaction}, which computes both once.
 */
public sealed interface Transaction
    permits LegacyTransaction, AccessListTransaction, DynamicFeeTransaction {
  /** The signed fields. */
  UnsignedTransaction unsigned();

  Signature signature();

  default TransactionType type() {
    return unsigned().type();
  }

  /** The sender's nonce, an unsigned 64-bit value (valid only below {@code 2^64 - 1}). */
  default long nonce() {
    return unsigned().nonce();
  }

  /** The gas limit, an unsigned 64-bit value. */
  default long gasLimit() {
    return unsigned().gasLimit();
  }

  /** The recipient; empty for contract creation. */
  default Optional<Address> to() {
    return unsigned().to();
  }

  default BigInteger value() {
    return unsigned().value();
  }

  /** A copy of the call data (init code for contract creation). */
  default byte[] data() {
    return unsigned().data();
  }

  /** The number of call data bytes, without copying them. */
  default int dataLength() {
    return unsigned().dataLength();
  }

  default List<AccessListEntry> accessList() {
    return unsigned().accessList();
  }

  /** The most the sender pays per gas: gas price, or max fee per gas for EIP-1559. */
  default BigInteger maxFeePerGas() {
    return unsigned().maxFeePerGas();
  }

  /** The most the proposer receives per gas: gas price, or the EIP-1559 priority fee cap. */
  default BigInteger maxPriorityFeePerGas() {
    return unsigned().maxPriorityFeePerGas();
  }

  /** The chain id the signature commits to; empty only for pre-EIP-155 legacy transactions. */
  default OptionalLong signedChainId() {
    return unsigned().signedChainId();
  }

  default boolean isContractCreation() {
    return unsigned().to().isEmpty();
  }

  /** {@code suite.hash(envelope)}: Keccak-256 on standard chains, SM3 on gm chains. */
  default Hash hash(CryptoSuite suite) {
    return TransactionCodec.of(suite).hash(this);
  }

  /**
   * The sender, recovered (standard) or checked against the embedded key (gm).
   *
   * @throws org.xinlian.crypto.InvalidSignatureException if the signature establishes no sender
   */
  default Address sender(CryptoSuite suite) {
    return TransactionCodec.of(suite).sender(this);
  }
}

package org.xinlian.sdk;

import java.math.BigInteger;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.xinlian.common.Address;

/**
 * What an application wants sent; what it leaves empty (nonce, gas limit, fees) the {@link
 * Signer} fills from the node, as ethers.js's populateTransaction does, so simple code stays simple
 * and careful code (pre-signing, fixed gas) stays possible.
 *
 * @param to the recipient; empty to deploy {@code data} as init code
 */
public record TransactionRequest(
    Optional<Address> to,
    BigInteger value,
    byte[] data,
    OptionalLong gasLimit,
    OptionalLong nonce,
    Optional<Fees> fees) {
  public TransactionRequest {
    Objects.requireNonNull(to, "to");
    if (value.signum() < 0) {
      throw new IllegalArgumentException("value: negative");
    }
    data = data.clone();
    Objects.requireNonNull(gasLimit, "gasLimit");
    Objects.requireNonNull(nonce, "nonce");
    Objects.requireNonNull(fees, "fees");
  }

  /** A call of contract {@code to} with {@code data}, everything else filled in. */
  public static TransactionRequest call(Address to, byte[] data) {
    return new TransactionRequest(Optional.of(to), BigInteger.ZERO, data, OptionalLong.empty(),
        OptionalLong.empty(), Optional.empty());
  }

  /** A plain transfer of {@code value} wei. */
  public static TransactionRequest transfer(Address to, BigInteger value) {
    return new TransactionRequest(Optional.of(to), value, new byte[0], OptionalLong.empty(),
        OptionalLong.empty(), Optional.empty());
  }

  /** A deployment of {@code initCode} (creation code followed by constructor arguments). */
  public static TransactionRequest deployment(byte[] initCode) {
    return new TransactionRequest(Optional.empty(), BigInteger.ZERO, initCode, OptionalLong.empty(),
        OptionalLong.empty(), Optional.empty());
  }

  public TransactionRequest withGasLimit(long gas) {
    return new TransactionRequest(to, value, data, OptionalLong.of(gas), nonce, fees);
  }

  public TransactionRequest withNonce(long value) {
    return new TransactionRequest(to, this.value, data, gasLimit, OptionalLong.of(value), fees);
  }

  public TransactionRequest withFees(Fees value) {
    return new TransactionRequest(to, this.value, data, gasLimit, nonce, Optional.of(value));
  }

  @Override
  public byte[] data() {
    return data.clone();
  }
}

package org.xinlian.execution;

import java.math.BigInteger;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.xinlian.common.Address;

/**
 * A message to execute without committing, as {@code eth_call} and {@code eth_estimateGas} give it.
 *
 * @param from the sender, {@link Address#ZERO} when absent
 * @param to the callee, or empty to simulate a contract creation
 * @param gas the gas limit, the block gas limit when absent
 * @param value wei sent with the message
 * @param data call data, or init code for a creation
 * @param gasPrice the price per gas the sender pays; zero (the usual case for a read) runs with a
 *     zero base fee as geth does, so a caller without funds can still read
 */
public record CallRequest(
    Optional<Address> from,
    Optional<Address> to,
    OptionalLong gas,
    BigInteger value,
    byte[] data,
    BigInteger gasPrice) {
  public CallRequest {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(gas, "gas");
    if (value.signum() < 0 || gasPrice.signum() < 0) {
      throw new IllegalArgumentException("call: value and gasPrice must not be negative");
    }
    data = data.clone();
  }

  /** A free call from {@code from} to {@code to} with {@code data}, no value, default gas. */
  public static CallRequest of(Address from, Address to, byte[] data) {
    return new CallRequest(Optional.of(from), Optional.of(to), OptionalLong.empty(), BigInteger.ZERO,
        data, BigInteger.ZERO);
  }

  @Override
  public byte[] data() {
    return data.clone();
  }

  /** This request with another gas limit, for the estimate's search. */
  public CallRequest withGas(long gasLimit) {
    return new CallRequest(from, to, OptionalLong.of(gasLimit), value, data, gasPrice);
  }
}
